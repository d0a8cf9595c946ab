namespace TraceExplorer.Core.Redaction;

/// <summary>What a redacted value was; it names the placeholder that replaces it, e.g. [EMAIL:3f9a].</summary>
public enum RedactionKind
{
    Email,
    Phone,
    Card,
    Iban,
    Jwt,
    Secret,
    Ip,

    /// <summary>A national identifier: US SSN, UK National Insurance number, Spanish DNI/NIE, Brazilian CPF, Indian Aadhaar, French NIR, Italian codice fiscale, Dutch BSN, German tax id.</summary>
    NationalId,

    /// <summary>A value under a sensitive key (password, token…) or a tool rule.</summary>
    Field,

    /// <summary>Redaction failed, so the value was masked whole: fail closed.</summary>
    Error,
}
