using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Tests.Redaction;

/// <summary>Known-answer tests of the national identifiers' check digits: issued examples pass, one digit changed fails.</summary>
public sealed class NationalIdsTests
{
    [Theory]
    [InlineData("1 84 12 76 451 089 46", true)]
    [InlineData("184127645108946", true)]
    [InlineData("1 84 12 76 451 089 47", false)]
    [InlineData("2 90 02 2A 123 456 78", true)]
    [InlineData("1 84 13 76 451 089 46", false)]
    [InlineData("5 84 12 76 451 089 46", false)]
    public void French_NIR_key_is_97_minus_the_number_mod_97(string candidate, bool valid) =>
        Assert.Equal(valid, NationalIds.IsFrenchNir(candidate));

    [Theory]
    [InlineData("RSSMRA85T10A562S", true)]
    [InlineData("MRTMTT91D08F205J", true)]
    [InlineData("rssmra85t10a562s", true)]
    [InlineData("RSSMRA85T10A562T", false)]
    [InlineData("RSSMRA85T10A56NH", true)]
    [InlineData("RSSMRA85X10A562S", false)]
    public void Italian_fiscal_code_check_letter_also_with_omocodia(string candidate, bool valid) =>
        Assert.Equal(valid, NationalIds.IsItalianFiscalCode(candidate));

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456783", false)]
    [InlineData("000000000", false)]
    public void Dutch_BSN_passes_the_eleven_test(string digits, bool valid) => Assert.Equal(valid, NationalIds.IsDutchBsn(digits));

    [Theory]
    [InlineData("86095742719", true)]
    [InlineData("47036892816", true)]
    [InlineData("86095742718", false)]
    [InlineData("12345678903", false)]
    [InlineData("06095742719", false)]
    public void German_tax_id_has_one_repeated_digit_and_a_mod_11_10_check(string digits, bool valid) =>
        Assert.Equal(valid, NationalIds.IsGermanTaxId(digits));
}
