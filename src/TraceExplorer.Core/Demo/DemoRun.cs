using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Demo;

public sealed record DemoRun(Run Run, IReadOnlyList<Step> Steps, IReadOnlyList<Decision> Decisions, IReadOnlyList<Complaint> Complaints, DemoConversation Conversation);
