using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Ingest;

/// <summary>The run-level attributes one span (or its resource) carried; see docs/conventions.md.</summary>
public sealed record RunAttributes
{
    public string? RequestId { get; init; }
    public string? ParentRunId { get; init; }
    public RunRelation? Relation { get; init; }
    public string? AgentName { get; init; }
    public string? Route { get; init; }
    public string? PromptVersion { get; init; }
    public string? PolicyVersion { get; init; }
    public string? ToolContractVersion { get; init; }
    public string? RouteConfigVersion { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? EndUserHash { get; init; }

    /// <summary>
    /// Copies these attributes onto the run. The root span speaks for the run, so its values replace what other spans
    /// said; any other span only fills what is still unknown.
    /// </summary>
    public void ApplyTo(Run run, bool fromRoot)
    {
        string? Pick(string? current, string? offered) => offered is not null && (fromRoot || current is null) ? offered : current;

        // A new run's request id defaults to its run id until a span names the request.
        if (RequestId is not null && (fromRoot || run.RequestId == run.RunId))
        {
            run.RequestId = RequestId;
        }

        run.ParentRunId = Pick(run.ParentRunId, ParentRunId);
        if (Relation is { } relation && (fromRoot || run.Relation == RunRelation.None))
        {
            run.Relation = relation;
        }

        run.AgentName = Pick(run.AgentName, AgentName);
        run.Route = Pick(run.Route, Route);
        run.PromptVersion = Pick(run.PromptVersion, PromptVersion);
        run.PolicyVersion = Pick(run.PolicyVersion, PolicyVersion);
        run.ToolContractVersion = Pick(run.ToolContractVersion, ToolContractVersion);
        run.RouteConfigVersion = Pick(run.RouteConfigVersion, RouteConfigVersion);
        run.Input = Pick(run.Input, Input);
        run.Output = Pick(run.Output, Output);
        run.EndUserHash = Pick(run.EndUserHash, EndUserHash);
    }
}
