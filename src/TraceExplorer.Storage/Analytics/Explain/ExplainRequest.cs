using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>A symptom and the baseline to set it against; <see cref="BaselineFilter"/> only for <see cref="ExplainBaseline.Filter"/>.</summary>
public sealed record ExplainRequest
{
    public required ExplainSymptom Symptom { get; init; }

    public ExplainBaseline Baseline { get; init; }

    public RunFilter? BaselineFilter { get; init; }
}
