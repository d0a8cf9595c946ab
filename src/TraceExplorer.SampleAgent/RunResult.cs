namespace TraceExplorer.SampleAgent;

/// <summary>How a run ended, as the console reports it.</summary>
/// <param name="Failure">Why the run failed (its root span is an error); null when it succeeded.</param>
/// <param name="Recovered">A tool failure the agent worked around by handing the case off; null when there was none.</param>
internal sealed record RunResult(string RunId, int Steps, string? Failure, string? Recovered)
{
    public bool Ok => Failure is null;

    public override string ToString()
    {
        var outcome = Failure is null ? "ok" : $"failed ({Failure})";
        return Recovered is null ? $"{RunId}: {Steps} steps, {outcome}" : $"{RunId}: {Steps} steps, {outcome}; earlier {Recovered}";
    }
}
