namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// A message of a model call, the same whichever convention carried it: role (system, user, assistant, tool), parts,
/// the finish reason of a response, and whether the model produced it (Output) or was given it.
/// </summary>
public sealed record ChatMessage(string Role, IReadOnlyList<ChatPart> Parts, string? FinishReason = null, bool Output = false)
{
    public string Text => string.Join("\n", Parts.Where(p => p.Type == "text" && !string.IsNullOrEmpty(p.Text)).Select(p => p.Text));
}
