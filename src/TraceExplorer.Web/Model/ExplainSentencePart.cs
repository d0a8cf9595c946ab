namespace TraceExplorer.Web.Model;

/// <summary>A piece of the explain sentence: text, and the runs list link of the number it states (null for plain words).</summary>
public sealed record ExplainSentencePart(string Text, string? Href = null);
