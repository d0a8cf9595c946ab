using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Tests.Redaction;

/// <summary>A labelled corpus: values that must be found, each inside a realistic sentence, and hard negatives that must not.</summary>
internal static class RedactionCorpus
{
    public static readonly (RedactionKind Kind, string Value)[] Positives =
    [
        (RedactionKind.Email, "jane.doe@example.com"), (RedactionKind.Email, "j.o'brien@mail.example.co.uk".Replace("'", "")),
        (RedactionKind.Email, "support+tickets@shop-42.io"), (RedactionKind.Email, "UPPER.CASE@EXAMPLE.ORG"),
        (RedactionKind.Email, "a_b-c@sub.domain.example.net"), (RedactionKind.Email, "x1@y2.de"),
        (RedactionKind.Email, "first.last123@gmail.com"), (RedactionKind.Email, "ops@company.travel"),
        (RedactionKind.Email, "name@xn--bcher-kva.example"), (RedactionKind.Email, "test.user@example.fr"),
        (RedactionKind.Phone, "+1 415 555 2671"), (RedactionKind.Phone, "(415) 555-2671"), (RedactionKind.Phone, "415-555-2671"),
        (RedactionKind.Phone, "+44 20 7946 0958"), (RedactionKind.Phone, "020 7946 0958"), (RedactionKind.Phone, "+49 30 901820"),
        (RedactionKind.Phone, "+33 1 42 68 53 00"), (RedactionKind.Phone, "+91 98765 43210"), (RedactionKind.Phone, "+61 2 9374 4000"),
        (RedactionKind.Phone, "+1-212-555-0199"), (RedactionKind.Phone, "07911 123456"), (RedactionKind.Phone, "+4915112345678"),
        (RedactionKind.Card, "4111 1111 1111 1111"), (RedactionKind.Card, "4111111111111111"), (RedactionKind.Card, "5500-0000-0000-0004"),
        (RedactionKind.Card, "340000000000009"), (RedactionKind.Card, "6011000000000004"), (RedactionKind.Card, "3530111333300000"),
        (RedactionKind.Card, "4012888888881881"), (RedactionKind.Card, "5105 1051 0510 5100"), (RedactionKind.Card, "378282246310005"),
        (RedactionKind.Card, "6011111111111117"),
        (RedactionKind.Iban, "DE89 3704 0044 0532 0130 00"), (RedactionKind.Iban, "GB82WEST12345698765432"), (RedactionKind.Iban, "FR1420041010050500013M02606"),
        (RedactionKind.Iban, "NL91ABNA0417164300"), (RedactionKind.Iban, "ES9121000418450200051332"), (RedactionKind.Iban, "IT60X0542811101000000123456"),
        (RedactionKind.Iban, "CH9300762011623852957"), (RedactionKind.Iban, "BE68539007547034"), (RedactionKind.Iban, "AT611904300234573201"),
        (RedactionKind.Iban, "GB33 BUKB 2020 1555 5555 55"),
        (RedactionKind.Jwt, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
        (RedactionKind.Jwt, "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlIiwiZXhwIjoxNzAwMDAwMDAwfQ.dGhpc19pc19hX3NpZ25hdHVyZV9vZl9zb21lX2xlbmd0aA"),
        (RedactionKind.Secret, "sk-proj-4f9XkQ2mT7vB1nL8pR3sW6yZ0aC5dE9gH2jK"), (RedactionKind.Secret, "sk-ant-api03-Xy7Pq2Lm9Nz4Rt6Vw8Bc1Df3Gh5Jk0"),
        (RedactionKind.Secret, "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R"), (RedactionKind.Secret, "AKIAIOSFODNN7EXAMPLE"),
        (RedactionKind.Secret, "xoxb-123456789012-abcdefABCDEF"), (RedactionKind.Secret, "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"),
        (RedactionKind.Secret, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"), (RedactionKind.Secret, "glpat-xY3zR8qW2eT5uI9oP1aS"),
        (RedactionKind.Secret, "Bearer aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY"), (RedactionKind.Secret, "q8ZrT4vLm2XwP9sKd7NyB3hJc6GfQ1aE5uR0tY"),
        (RedactionKind.Ip, "192.168.1.42"), (RedactionKind.Ip, "10.0.0.1"), (RedactionKind.Ip, "203.0.113.7"), (RedactionKind.Ip, "2001:db8::8a2e:370:7334"),
        (RedactionKind.Ip, "fe80::1"), (RedactionKind.Ip, "8.8.8.8"),
    ];

    /// <summary>Text that looks like personal data to a naive pattern but is not.</summary>
    public static readonly string[] HardNegatives =
    [
        "Order A-597572 left the warehouse on 2026-11-24.",
        "Your order number is 4111111111111112 (not a card: its check digit is wrong).",
        "Reference 1234567890123 was created at 10:30:00.",
        "trace 5b8efff798038103d269b633813fc60c span eee19b7ec3c1b174",
        "request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 retried",
        "policy-2026.11.2 replaced policy-2026.11.1 with support-prompt-v3.3",
        "version v3.2.1, build 20261124.5, tools-v42",
        "The refund of 124.50 EUR was approved on 24/11/2026 at 09:41.",
        "Timestamp 2026-11-24T10:00:00.000Z, duration 30000 ms, 12:30:45",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "Call kb.search with top_k=5 and page 2 of 10.",
        "ZD-482913 complaint about order A-100200",
        "Model gpt-4o-mini answered in 1.38 s using 2,742 tokens.",
        "Customer ref 9f8e7d6c5b4a. Ticket #88213.",
        "See section 4.2.1 and item 17.",
        "The invoice total is 1,234,567.89 and the tax id is pending.",
        "call_5FhwUTb5AOmPJseAx7YRHr3o was the tool call",
        "run_4333eacee84e3492 took 1m 38s",
        "ISO week 2026-W48, quarter Q4, sprint 42",
        "The path /api/runs/run_abc/steps?offset=6&limit=1 returned 200.",
        "tool call call_bench-125959-123_5 and run bench-125959-17 finished",
        "SKU 4155552671X and id A-4155552671 were updated",
    ];
}
