namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A schema's failures for one reason, as a share of that schema's validations.</summary>
public sealed record ValidationFailureGroup(string Schema, string Reason, long Failures, long Validations)
{
    public double Share => Validations == 0 ? 0 : (double)Failures / Validations;
}
