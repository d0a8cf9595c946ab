namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>One UTC day's validations of a schema under one version.</summary>
public sealed record ValidationDay(DateTime Day, long Failures, long Validations);
