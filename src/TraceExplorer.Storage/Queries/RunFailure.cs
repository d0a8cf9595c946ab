namespace TraceExplorer.Storage.Queries;

/// <summary>
/// Where a failed run's failure starts, as the runs list shows it: the step, its error and the tool it belongs to.
/// The message is null for a role that may not read failure text.
/// </summary>
public sealed record RunFailure(string RunId, int StepNumber, string? ErrorType, string? ErrorMessage, string? Tool);
