namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>How a validation step is counted, shared by the validation report and its rollups.</summary>
internal static class ValidationSql
{
    /// <summary>The schema a check belongs to: its declared schema, else the step's name.</summary>
    public static string Schema(string alias = "s") => $"""COALESCE({alias}."ValidationSchema", {alias}."Name")""";

    /// <summary>1 when the check failed (a check without an outcome did not).</summary>
    public static string Failed(string alias = "s") => $"""CASE WHEN {alias}."ValidationPassed" IS FALSE THEN 1 ELSE 0 END""";

    /// <summary>A failed check's reason, or <see cref="ValidationQueries.NoReason"/>; null for a check that did not fail.</summary>
    public static string Reason(string alias = "s") =>
        $"""CASE WHEN {alias}."ValidationPassed" IS FALSE THEN COALESCE({alias}."ValidationFailureReason", '{ValidationQueries.NoReason}') END""";
}
