namespace TraceExplorer.Core.Redaction;

/// <summary>Finds one kind of personal data or secret in text. Implementations must be linear in the text's length.</summary>
public interface IDetector
{
    RedactionKind Kind { get; }

    IEnumerable<Detection> Find(string text);
}
