using TraceExplorer.Core.Ingest;
using TraceExplorer.Core.Model;
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

    /// <summary>
    /// An attribute key or event name: names carry personal data too (<c>user.jane@example.com.visits</c>). Equal
    /// names get equal placeholders, so they still group.
    /// </summary>
    public string Name(string name) => redactor is null ? name : redactor.Name(name, Counts);

    /// <summary>A column of few distinct values (agent, route, version, tool, model): remembered when clean. Ids are not, being unique.</summary>
    private string? Column(string? value) => value is null || redactor is null ? value : redactor.Name(value, Counts);

    /// <summary>
    /// The values stored in columns of their own (names, ids, versions, tool, model, error type), redacted like any
    /// text: a value that holds personal data is replaced there too, consistently, so grouping still works on the
    /// placeholder. Most are plain names, and the detectors' pre-checks pass them through untouched.
    /// </summary>
    public RunAttributes Columns(Step step, RunAttributes run)
    {
        if (redactor is null)
        {
            return run;
        }

        step.RunId = Text(step.RunId)!;
        step.ToolName = Column(step.ToolName);
        step.ToolCallId = Text(step.ToolCallId);
        step.Model = Column(step.Model);
        step.Provider = Column(step.Provider);
        step.ErrorType = Column(step.ErrorType);
        step.ValidationSchema = Column(step.ValidationSchema);
        return run with
        {
            RequestId = Text(run.RequestId),
            ParentRunId = Text(run.ParentRunId),
            AgentName = Column(run.AgentName),
            Route = Column(run.Route),
            PromptVersion = Column(run.PromptVersion),
            PolicyVersion = Column(run.PolicyVersion),
            ToolContractVersion = Column(run.ToolContractVersion),
            RouteConfigVersion = Column(run.RouteConfigVersion),
        };
    }

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
        : redactor.Value(value, Counts, toolName, key);

    /// <summary>
    /// A bytes attribute: text sent as bytes is decoded and redacted like a string, and stored as the redacted text
    /// when anything was replaced; bytes that are not UTF-8 text are stored as they came (base64).
    /// </summary>
    public string? Bytes(string? key, ReadOnlySpan<byte> bytes)
    {
        if (redactor is null || bytes.Length == 0)
        {
            return null;
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }

        var redacted = Attribute(key, text);
        return redacted == text ? null : redacted;
    }

    private static readonly System.Text.UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
