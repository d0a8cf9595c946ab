namespace TraceExplorer.Web.Model.Charts;

/// <summary>The duration scatter and, for each of its traces, the run behind each point, so a click opens the run.</summary>
public sealed record RunDurationFigure(ChartFigure Figure, IReadOnlyList<IReadOnlyList<string>> RunIds)
{
    public string? RunAt(int curve, int index) =>
        curve >= 0 && curve < RunIds.Count && index >= 0 && index < RunIds[curve].Count ? RunIds[curve][index] : null;
}
