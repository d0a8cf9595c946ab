namespace TraceExplorer.Core.Demo;

/// <summary>What a customer asked and the answer a successful run gives; a retry or fork of a run keeps its conversation.</summary>
public sealed record DemoConversation(string OrderId, string Amount, string Input, string Output);
