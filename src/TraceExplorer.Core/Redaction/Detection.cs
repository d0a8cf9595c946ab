namespace TraceExplorer.Core.Redaction;

/// <summary>A stretch of text a detector found to be personal data or a secret.</summary>
public readonly record struct Detection(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}
