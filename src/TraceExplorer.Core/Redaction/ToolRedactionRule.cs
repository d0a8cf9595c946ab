namespace TraceExplorer.Core.Redaction;

/// <summary>Masks the value at <see cref="Path"/> (e.g. <c>$.customer.address</c>, <c>$.items[*].email</c>) in the tool's arguments and result.</summary>
public sealed class ToolRedactionRule
{
    public string Tool { get; set; } = "";

    public string Path { get; set; } = "";
}
