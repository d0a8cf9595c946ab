using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Tests.Redaction;

public sealed class RedactorTests
{
    private static readonly Redactor Redactor = new(new RedactionOptions
    {
        ToolRules = [new ToolRedactionRule { Tool = "crm.get_customer", Path = "$.customer.address" }, new ToolRedactionRule { Tool = "crm.get_customer", Path = "$.orders[*].note" }],
    }, "test-key");

    [Theory]
    [InlineData(RedactionKind.Card)]
    [InlineData(RedactionKind.Iban)]
    [InlineData(RedactionKind.Jwt)]
    [InlineData(RedactionKind.Secret)]
    [InlineData(RedactionKind.Email)]
    [InlineData(RedactionKind.Phone)]
    [InlineData(RedactionKind.Ip)]
    public void Recall_on_the_labelled_corpus(RedactionKind kind)
    {
        var values = RedactionCorpus.Positives.Where(p => p.Kind == kind).Select(p => p.Value).ToList();

        var missed = values.Where(v => Redactor.Text($"Please check {v} for me.", new RedactionCounts()).Contains(v, StringComparison.Ordinal)).ToList();

        var recall = 1 - ((double)missed.Count / values.Count);
        var required = kind is RedactionKind.Email or RedactionKind.Phone or RedactionKind.Ip ? 0.95 : 0.99;
        Assert.True(recall >= required, $"{kind} recall {recall:P0}; missed: {string.Join(" | ", missed)}");
    }

    [Fact]
    public void Precision_against_hard_negatives_and_the_positives()
    {
        var falsePositives = RedactionCorpus.HardNegatives.Where(n => Redactor.Text(n, new RedactionCounts()) != n).ToList();
        var truePositives = RedactionCorpus.Positives.Count(p => !Redactor.Text($"x {p.Value} y", new RedactionCounts()).Contains(p.Value, StringComparison.Ordinal));

        var precision = (double)truePositives / (truePositives + falsePositives.Count);
        Assert.True(precision >= 0.9, $"precision {precision:P0}; false positives: {string.Join(" | ", falsePositives)}");
    }

    [Fact]
    public void A_value_becomes_a_typed_placeholder_that_correlates_without_revealing()
    {
        var counts = new RedactionCounts();

        var first = Redactor.Text("mail jane@example.com or jane@example.com, not bob@example.com", counts);

        var placeholder = Redactor.Placeholder(RedactionKind.Email, "jane@example.com");
        Assert.Matches(@"^\[EMAIL:[0-9a-f]{4}\]$", placeholder);
        Assert.Equal($"mail {placeholder} or {placeholder}, not {Redactor.Placeholder(RedactionKind.Email, "bob@example.com")}", first);
        Assert.Equal(3, counts.ByKind[RedactionKind.Email]);
        Assert.NotEqual(placeholder, new Redactor(new RedactionOptions(), "another-key").Placeholder(RedactionKind.Email, "jane@example.com"));
    }

    [Fact]
    public void Sensitive_fields_are_masked_at_any_depth_and_tool_rules_mask_their_paths()
    {
        var counts = new RedactionCounts();
        const string arguments = """
            {"customer":{"name":"Jane","address":"1 Main St","auth":{"api_key":"abc","Password":"hunter2"}},
             "orders":[{"id":"A-1","note":"leave at door"},{"id":"A-2","note":"call jane@example.com"}],"card":4111111111111111}
            """;

        var redacted = Redactor.Value(arguments, counts, toolName: "crm.get_customer");

        Assert.DoesNotContain("1 Main St", redacted);
        Assert.DoesNotContain("hunter2", redacted);
        Assert.DoesNotContain("\"abc\"", redacted);
        Assert.DoesNotContain("leave at door", redacted);
        Assert.DoesNotContain("jane@example.com", redacted);
        Assert.DoesNotContain("4111111111111111", redacted);
        Assert.Contains("\"name\":\"Jane\"", redacted);
        Assert.Contains("\"id\":\"A-2\"", redacted);
        // "auth" names a secret, so its object is masked whole (one field, not its api_key and Password apart).
        Assert.Equal(4, counts.ByKind[RedactionKind.Field]);
    }

    [Fact]
    public void Text_that_is_not_json_is_redacted_as_text() =>
        Assert.Equal($"{{broken {Redactor.Placeholder(RedactionKind.Email, "a@b.io")}", Redactor.Value("{broken a@b.io", new RedactionCounts()));

    [Fact]
    public void A_failing_detector_masks_the_whole_value()
    {
        var failing = new Redactor(new RedactionOptions(), "k", [new ThrowingDetector()]);
        var counts = new RedactionCounts();

        var text = failing.Text("call 415 555 2671 now", counts);
        var json = failing.Value("{\"note\":\"call 415 555 2671\"}", counts);

        Assert.Equal(failing.Placeholder(RedactionKind.Error, "call 415 555 2671 now"), text);
        Assert.DoesNotContain("415", json);
        Assert.Equal(2, counts.ByKind[RedactionKind.Error]);
    }

    [Fact]
    public void Json_cut_off_after_a_redacted_value_is_redacted_as_text_and_counted_once()
    {
        var counts = new RedactionCounts();

        var redacted = Redactor.Value("{\"to\":\"jane@example.com\",\"note\":", counts);

        Assert.Equal($"{{\"to\":\"{Redactor.Placeholder(RedactionKind.Email, "jane@example.com")}\",\"note\":", redacted);
        Assert.Equal(1, counts.Total);
    }

    [Fact]
    public void A_repeated_field_name_keeps_both_values_each_redacted()
    {
        var counts = new RedactionCounts();

        var redacted = Redactor.Value("{\"to\":\"jane@example.com\",\"to\":\"order A-1\"}", counts);

        Assert.Equal($"{{\"to\":\"{Redactor.Placeholder(RedactionKind.Email, "jane@example.com")}\",\"to\":\"order A-1\"}}", redacted);
        Assert.Equal(1, counts.Total);
    }

    [Fact]
    public void Json_comes_back_compact_with_numbers_as_written_and_unicode_escaped_as_before()
    {
        var redacted = Redactor.Value("{ \"n\" : 1.10 , \"s\": \"héllo\", \"a\": [ true, null, -3.5e2 ] }", new RedactionCounts());

        Assert.Equal("{\"n\":1.10,\"s\":\"h\\u00E9llo\",\"a\":[true,null,-3.5e2]}", redacted);
    }

    private sealed class ThrowingDetector : IDetector
    {
        public RedactionKind Kind => RedactionKind.Phone;

        public bool MayContain(in TextShape text) => true;

        public IEnumerable<Detection> Find(string text) => throw new InvalidOperationException("detector broke");
    }

    [Fact]
    public void Counts_round_trip_through_their_stored_form()
    {
        var counts = new RedactionCounts();
        counts.Add(RedactionKind.Email, 2);
        counts.Add(RedactionKind.Phone);

        Assert.Equal("{\"email\":2,\"phone\":1}", counts.ToJson());
        Assert.Equal(3, RedactionCounts.FromJson(counts.ToJson()).Total);
        Assert.Null(new RedactionCounts().ToJson());
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("1234", false)]
    public void Luhn(string number, bool valid) => Assert.Equal(valid, Checksums.Luhn(number));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("DE88 3704 0044 0532 0130 00", false)]
    public void Iban_mod_97(string iban, bool valid) => Assert.Equal(valid, Checksums.IbanMod97(iban));
}
