namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>Validation steps of an hour's runs, counted by schema and outcome (and reason, when failed).</summary>
public sealed class ValidationRollup : RunDimensionsRollup
{
    public required string SchemaName { get; set; }
    public bool Failed { get; set; }

    /// <summary>The failure reason, or <see cref="Reports.ValidationQueries.NoReason"/>; null when the check did not fail.</summary>
    public string? Reason { get; set; }
    public long Checks { get; set; }

    /// <summary>The earliest start among the counted runs: when a version was first seen validating.</summary>
    public DateTime FirstStart { get; set; }
}
