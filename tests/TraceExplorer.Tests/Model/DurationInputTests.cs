using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class DurationInputTests
{
    [Theory]
    [InlineData("800ms", 800)]
    [InlineData("60s", 60_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("800", 800)]
    [InlineData("  250.5  ", 250.5)]
    [InlineData("1.5 M", 90_000)]
    [InlineData("0.5s", 500)]
    public void Typed_durations_read_as_milliseconds(string text, double expected)
    {
        Assert.True(DurationInput.TryParseMs(text, out var ms));
        Assert.Equal(expected, ms, 9);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("-5s")]
    [InlineData("1e400")]
    [InlineData("1,5m")]
    [InlineData("5 minutes")]
    [InlineData("10d")]
    [InlineData("NaN")]
    public void Anything_but_a_positive_duration_is_refused(string? text)
    {
        Assert.False(DurationInput.TryParseMs(text, out var ms));
        Assert.Equal(0, ms);
    }

    [Theory]
    [InlineData(800, "800ms")]
    [InlineData(60_000, "1m")]
    [InlineData(90_000, "1.5m")]
    [InlineData(1_500, "1.5s")]
    [InlineData(1_234, "1234ms")]
    [InlineData(7_200_000, "2h")]
    [InlineData(0.5, "0.5ms")]
    public void Formatted_durations_are_short_and_parse_back(double ms, string expected)
    {
        var text = DurationInput.Format(ms);

        Assert.Equal(expected, text);
        Assert.True(DurationInput.TryParseMs(text, out var back));
        Assert.Equal(ms, back, 9);
    }
}
