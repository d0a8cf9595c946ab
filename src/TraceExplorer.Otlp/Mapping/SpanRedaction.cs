using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// Redaction for the values of one span (or one decision record), counting what it replaced. Without a redactor it
/// passes values through, so the mapping reads the same either way.
/// </summary>
internal sealed class SpanRedaction(Redactor? redactor, string? toolName = null)
{
    public RedactionCounts Counts { get; } = new();

    /// <summary>The tool arguments, redacted once and reused wherever they are written.</summary>
    public string? RedactedArguments { get; set; }

    public string? Text(string? value) => value is null || redactor is null ? value : redactor.Text(value, Counts);

    /// <summary>A value that may be JSON (inputs, outputs, tool arguments and results).</summary>
    public string? Value(string? value) => value is null || redactor is null ? value : redactor.Value(value, Counts, toolName);

    public bool IsSensitive(string? key) => redactor is not null && key is not null && redactor.IsSensitiveKey(key);

    public string MaskWhole(string value)
    {
        Counts.Add(RedactionKind.Field);
        return redactor!.Placeholder(RedactionKind.Field, value);
    }

    /// <summary>A string attribute value, under the attribute (or nested field) it belongs to.</summary>
    public string Attribute(string? key, string value) =>
        redactor is null ? value
        : key == Core.Conventions.AgentAttributes.ToolArguments && RedactedArguments is not null ? RedactedArguments
        : redactor.Value(value, Counts, toolName);
}
