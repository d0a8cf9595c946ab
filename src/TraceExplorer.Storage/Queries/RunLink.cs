using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>A related run (a retry, fork or replay) as a link target.</summary>
public sealed record RunLink(string RunId, RunRelation Relation, RunStatus Status, DateTime StartTime);
