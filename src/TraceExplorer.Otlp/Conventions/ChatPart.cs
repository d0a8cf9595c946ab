namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// One part of a normalized message: "text" (Text), "tool_call" (Id, Name, Arguments as JSON text) or "tool_result"
/// (Id, Name when known, Result as text). The shape is documented in docs/conventions.md.
/// </summary>
public sealed record ChatPart(string Type, string? Text = null, string? Id = null, string? Name = null, string? Arguments = null, string? Result = null)
{
    public static ChatPart TextPart(string text) => new("text", Text: text);

    public static ChatPart ToolCall(string? id, string? name, string? arguments) => new("tool_call", Id: id, Name: name, Arguments: arguments);

    public static ChatPart ToolResult(string? id, string? result, string? name = null) => new("tool_result", Id: id, Name: name, Result: result);
}
