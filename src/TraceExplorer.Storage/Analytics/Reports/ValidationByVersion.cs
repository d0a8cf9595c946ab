using System.Text.Json.Serialization;
using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A schema's failure rate among the runs of one prompt or tool-contract version.</summary>
public sealed record ValidationByVersion(CompareDimension Dimension, string Version, DateTime FirstSeen, string Schema, long Failures, long Validations)
{
    public double Share => Validations == 0 ? 0 : (double)Failures / Validations;

    /// <summary>The same counts per UTC day, oldest first.</summary>
    [JsonIgnore]
    public IReadOnlyList<ValidationDay> Days { get; init; } = [];
}
