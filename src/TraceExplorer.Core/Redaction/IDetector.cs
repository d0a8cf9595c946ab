namespace TraceExplorer.Core.Redaction;

/// <summary>Finds one kind of personal data or secret in text. Implementations must be linear in the text's length.</summary>
public interface IDetector
{
    RedactionKind Kind { get; }

    /// <summary>A cheap check that rules text out before the real search: most text holds nothing to redact.</summary>
    bool MayContain(in TextShape text);

    /// <summary>Every finding; called only when <see cref="MayContain"/> said the text may hold one.</summary>
    IEnumerable<Detection> Find(string text);
}
