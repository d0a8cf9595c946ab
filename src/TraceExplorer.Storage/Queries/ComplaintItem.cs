namespace TraceExplorer.Storage.Queries;

public sealed record ComplaintItem(string ExternalId, DateTime Time, string? Text);
