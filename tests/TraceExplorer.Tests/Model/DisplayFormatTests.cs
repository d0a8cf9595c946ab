using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(0.25, "250 µs")]
    [InlineData(12.345, "12.3 ms")]
    [InlineData(999.94, "999.9 ms")]
    [InlineData(1234, "1.23 s")]
    [InlineData(30_010, "30.01 s")]
    [InlineData(125_000, "2m 05s")]
    [InlineData(7_260_000, "2h 01m")]
    [InlineData(-1, "—")]
    public void Durations_read_in_the_largest_sensible_unit(double milliseconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(milliseconds));

    [Fact]
    public void Times_are_shown_in_utc_and_say_so() =>
        Assert.Equal("2026-11-24 09:05:03 UTC", DisplayFormat.Time(new DateTime(2026, 11, 24, 9, 5, 3, DateTimeKind.Utc)));
}
