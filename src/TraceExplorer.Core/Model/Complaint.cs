namespace TraceExplorer.Core.Model;

public sealed class Complaint
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string ExternalId { get; set; }
    public DateTime Time { get; set; }
    public string? Text { get; set; }
}
