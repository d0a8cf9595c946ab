namespace TraceExplorer.Core.Redaction;

/// <summary>What is redacted before anything is stored. Bound from the <c>Redaction</c> configuration section.</summary>
public sealed class RedactionOptions
{
    public const string SectionName = "Redaction";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A field whose name ends in one of these words or phrases (matched on the name's words: <c>access_token</c>,
    /// <c>X-Api-Key</c>, <c>clientSecret</c>) is masked whole, at any depth of JSON and in <c>name=value</c> text.
    /// </summary>
    public List<string> SensitiveKeys { get; set; } = [.. SensitiveNames.DefaultEndings];

    /// <summary>
    /// Regions whose national phone formats are recognised; international (+…) numbers are found in every region. A
    /// bare run of digits counts as a phone number only after a word that says so, so loose national formats do not
    /// turn ids and amounts into phone numbers.
    /// </summary>
    public List<string> PhoneRegions { get; set; } = ["US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "ES", "IT", "NL"];

    /// <summary>Fields that tool contracts mark sensitive: the tool's name and a JSON path into its arguments or result.</summary>
    public List<ToolRedactionRule> ToolRules { get; set; } = [];
}
