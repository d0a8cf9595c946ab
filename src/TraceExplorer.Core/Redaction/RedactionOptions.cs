namespace TraceExplorer.Core.Redaction;

/// <summary>What is redacted before anything is stored. Bound from the <c>Redaction</c> configuration section.</summary>
public sealed class RedactionOptions
{
    public const string SectionName = "Redaction";

    public bool Enabled { get; set; } = true;

    /// <summary>A field whose name contains one of these (case, '-' and '_' ignored) is masked whole, at any depth of JSON.</summary>
    public List<string> SensitiveKeys { get; set; } =
        ["password", "passwd", "secret", "token", "apikey", "authorization", "ssn", "cardnumber", "cvv", "privatekey", "cookie"];

    /// <summary>
    /// Regions whose national phone formats are recognised; international (+…) numbers are found in every region.
    /// Regions with loose national formats (DE, say) make ids and amounts look like phone numbers, so few are on by default.
    /// </summary>
    public List<string> PhoneRegions { get; set; } = ["US", "GB"];

    /// <summary>Fields that tool contracts mark sensitive: the tool's name and a JSON path into its arguments or result.</summary>
    public List<ToolRedactionRule> ToolRules { get; set; } = [];
}
