using System.Text.Json;
using System.Text.Json.Nodes;
using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Tests.Redaction;

/// <summary>
/// Recall and precision on <see cref="LabelledCorpus"/>, placed where values sit in real telemetry: free text, JSON,
/// nested and double-encoded JSON, URL queries, key=value text and headers. Recall at least 0.97 in every placement,
/// at most 1 % of the look-alikes masked.
/// </summary>
public sealed class RedactionCorpusTests
{
    private static readonly Redactor Redactor = new(new RedactionOptions(), "corpus-key");

    private static readonly (string Placement, Func<string, string> Place)[] Placements =
    [
        ("sentence", v => $"The customer wrote: {v} — please check."),
        ("json value", v => JsonSerializer.Serialize(new { note = v })),
        ("nested json", v => JsonSerializer.Serialize(new { customer = new { history = new[] { new { text = v } } } })),
        ("double-encoded json", v => JsonSerializer.Serialize(new { payload = JsonSerializer.Serialize(new { note = v }) })),
        ("url query", v => $"GET https://api.example.com/callback?ref=abc&note={v}&page=2"),
        ("key=value text", v => $"level=info msg=lookup note={v} status=ok"),
        ("header", v => $"X-Request-Note: {v}"),
    ];

    private static readonly (string Placement, Func<string, string, string> Place)[] NamePlacements =
    [
        ("json field", (n, v) => JsonSerializer.Serialize(new Dictionary<string, string> { [n] = v, ["orderId"] = "A-1" })),
        ("nested json field", (n, v) => JsonSerializer.Serialize(new { request = new Dictionary<string, string> { [n] = v } })),
        ("double-encoded json", (n, v) => JsonSerializer.Serialize(new { body = JsonSerializer.Serialize(new Dictionary<string, string> { [n] = v }) })),
        ("url query", (n, v) => $"https://api.example.com/v1/orders?limit=5&{n}={v}&page=2"),
        ("key=value text", (n, v) => $"connecting with user=app {n}={v} timeout=30"),
        ("header or yaml", (n, v) => $"{n}: {v}"),
    ];

    public static TheoryData<string> PlacementNames() => [.. Placements.Select(p => p.Placement)];

    public static TheoryData<string> NamePlacementNames() => [.. NamePlacements.Select(p => p.Placement)];

    [Theory]
    [MemberData(nameof(PlacementNames))]
    public void Recall_is_at_least_97_percent_in_every_placement(string placement)
    {
        var place = Placements.Single(p => p.Placement == placement).Place;
        var missed = LabelledCorpus.Values.Where(v => Redact(place(v.Carrier)).Contains(v.Raw, StringComparison.Ordinal)).ToList();

        var recall = 1 - ((double)missed.Count / LabelledCorpus.Values.Length);
        Assert.True(recall >= 0.97, $"{placement}: recall {recall:P1}; missed {string.Join(" | ", missed.Select(m => $"{m.Category}: {m.Carrier}"))}");
    }

    [Fact]
    public void Recall_is_at_least_97_percent_for_every_kind_over_all_placements()
    {
        foreach (var kind in LabelledCorpus.Values.GroupBy(v => v.Category))
        {
            var tries = kind.SelectMany(v => Placements.Select(p => Redact(p.Place(v.Carrier)).Contains(v.Raw, StringComparison.Ordinal))).ToList();
            var recall = tries.Count(missed => !missed) / (double)tries.Count;
            Assert.True(recall >= 0.97, $"{kind.Key}: recall {recall:P1}");
        }
    }

    [Theory]
    [MemberData(nameof(NamePlacementNames))]
    public void Secrets_named_by_their_field_are_masked_in_every_placement(string placement)
    {
        var place = NamePlacements.Single(p => p.Placement == placement).Place;
        var missed = LabelledCorpus.NamedSecrets.Where(s => Redact(place(s.Name, s.Value)).Contains(s.Value, StringComparison.Ordinal)).ToList();

        Assert.True(missed.Count == 0, $"{placement}: missed {string.Join(", ", missed.Select(m => m.Name))}");
    }

    [Fact]
    public void At_most_one_percent_of_the_look_alikes_are_masked()
    {
        Assert.True(LabelledCorpus.LookAlikes.Length >= 200, $"{LabelledCorpus.LookAlikes.Length} look-alikes");
        var masked = LabelledCorpus.LookAlikes.Where(l => !KeptInJson(l.Field, l.Value) || !KeptInText(l.Field, l.Value)).ToList();

        var share = (double)masked.Count / LabelledCorpus.LookAlikes.Length;
        Assert.True(share <= 0.01, $"{share:P1} masked: {string.Join(" | ", masked.Select(m => $"{m.Field}={m.Value} → {Redact(JsonSerializer.Serialize(new Dictionary<string, string> { [m.Field] = m.Value }))}"))}");
    }

    [Theory]
    [InlineData("max_tokens", false)]
    [InlineData("total_tokens", false)]
    [InlineData("llm.token_count.total", false)]
    [InlineData("input_tokens", false)]
    [InlineData("tokenizer", false)]
    [InlineData("secretary", false)]
    [InlineData("className", false)]
    [InlineData("businessName", false)]
    [InlineData("processName", false)]
    [InlineData("addressNumber", false)]
    [InlineData("session.id", false)]
    [InlineData("password", true)]
    [InlineData("db_password", true)]
    [InlineData("passwordHash", true)]
    [InlineData("api_key", true)]
    [InlineData("X-API-KEY", true)]
    [InlineData("apiKey", true)]
    [InlineData("APIKEY", true)]
    [InlineData("access_token", true)]
    [InlineData("accesstoken", true)]
    [InlineData("Authorization", true)]
    [InlineData("client_secret", true)]
    [InlineData("session_id", false)]
    [InlineData("session_token", true)]
    [InlineData("social_security_number", true)]
    [InlineData("cvc", true)]
    [InlineData("mfa_code", true)]
    public void Sensitive_names_are_matched_on_words(string name, bool sensitive) => Assert.Equal(sensitive, new SensitiveNames().IsSensitive(name));

    [Fact]
    public void A_pem_block_is_masked_whole_begin_line_and_short_last_line_included()
    {
        var pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oZMlRHi9WFNpoAoGCCqGSM49\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----";

        var redacted = Redact($"key file:\n{pem}\nend");

        Assert.DoesNotContain("BEGIN EC PRIVATE KEY", redacted);
        Assert.DoesNotContain("AwEHoUQDQgAE", redacted);
        Assert.EndsWith("\nend", redacted);
    }

    private static string Redact(string value) => Redactor.Value(value, new RedactionCounts());

    private static bool KeptInJson(string field, string value)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { [field] = value });
        return JsonNode.Parse(Redact(json))![field]!.GetValue<string>() == value;
    }

    private static bool KeptInText(string field, string value) => Redactor.Text(value, new RedactionCounts(), field) == value;
}
