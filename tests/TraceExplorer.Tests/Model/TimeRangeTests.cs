using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class TimeRangeTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("2026-11-29T00:00:00Z", null, "2026-11-29T00:00:00", null)]
    [InlineData(null, "2026-11-29T00:00:00Z", null, "2026-11-29T00:00:00")]
    [InlineData("2026-11-29T00:00:00Z", "2026-11-29T00:00:01Z", "2026-11-29T00:00:00", "2026-11-29T00:00:01")]
    [InlineData("2026-11-29T02:00:00+02:00", "2026-11-29T01:00:00Z", "2026-11-29T00:00:00", "2026-11-29T01:00:00")]
    public void A_time_range_reads_either_end_in_utc(string? from, string? to, string? expectedFrom, string? expectedTo)
    {
        var errors = new Dictionary<string, string>();

        var (start, end) = TimeRange.Parse(from, to, (name, message) => errors[name] = message);

        Assert.Empty(errors);
        Assert.Equal(expectedFrom, start?.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedTo, end?.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(start is null || start.Value.Kind == DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2026-11-29T00:00:00Z", "2026-11-29T00:00:00Z", "to")] // empty: to must be later
    [InlineData("2026-11-30T00:00:00Z", "2026-11-29T00:00:00Z", "to")]
    [InlineData("yesterday", "2026-11-29T00:00:00Z", "from")]
    [InlineData("2026-11-29T00:00:00Z", "soon", "to")]
    public void A_bad_range_names_the_parameter_at_fault(string from, string to, string parameter)
    {
        var errors = new Dictionary<string, string>();

        TimeRange.Parse(from, to, (name, message) => errors[name] = message);

        Assert.Equal([parameter], errors.Keys);
    }
}
