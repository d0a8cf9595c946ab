using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class TimeRangePresetTests
{
    [Fact]
    public void A_preset_sets_an_absolute_minute_aligned_start_and_clears_the_end()
    {
        var now = new DateTime(2026, 11, 24, 10, 17, 42, DateTimeKind.Utc);
        var query = new RunListQuery { To = "2026-11-01T00:00Z", Page = "4", Status = "error" };

        var applied = TimeRangePreset.All.Single(p => p.Label == "Last 24 hours").ApplyTo(query, now);

        Assert.Equal(new RunListQuery { From = "2026-11-23T10:17:00Z", Status = "error" }, applied);
    }

    [Fact]
    public void Any_time_clears_both_ends() =>
        Assert.Equal(new RunListQuery(), TimeRangePreset.All[0].ApplyTo(new RunListQuery { From = "x", To = "y" }, DateTime.UtcNow));
}
