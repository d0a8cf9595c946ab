using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Tests.Analytics;

public sealed class RollupCoverageTests
{
    private static readonly DateTime H = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime At(double hours) => H.AddHours(hours);

    [Fact]
    public void Whole_hours_inside_the_range_come_from_the_rollups_and_the_partial_ones_at_either_end_from_the_steps()
    {
        var coverage = RollupCoverage.Split(At(0.5), At(4.25), [At(0), At(1), At(2), At(3), At(4)]);

        Assert.Equal([new RunTimeRange(At(1), At(4))], coverage.Rollups);
        Assert.Equal([new RunTimeRange(At(0.5), At(1)), new RunTimeRange(At(4), At(4.25))], coverage.Raw);
    }

    [Fact]
    public void An_hour_missing_from_the_rollups_splits_them_and_is_read_from_the_steps()
    {
        var coverage = RollupCoverage.Split(null, null, [At(0), At(1), At(3)]);

        Assert.Equal([new RunTimeRange(At(0), At(2)), new RunTimeRange(At(3), At(4))], coverage.Rollups);
        Assert.Equal([new RunTimeRange(null, At(0)), new RunTimeRange(At(2), At(3)), new RunTimeRange(At(4), null)], coverage.Raw);
    }

    [Fact]
    public void A_range_on_hour_boundaries_with_every_hour_rolled_up_reads_no_steps()
    {
        var coverage = RollupCoverage.Split(At(0), At(2), [At(0), At(1)]);

        Assert.Equal([new RunTimeRange(At(0), At(2))], coverage.Rollups);
        Assert.Empty(coverage.Raw);
    }

    [Fact]
    public void Without_rolled_up_hours_or_with_too_many_gaps_everything_comes_from_the_steps()
    {
        Assert.Equal(RollupCoverage.None(At(0), At(5)).Raw, RollupCoverage.Split(At(0), At(5), []).Raw);
        Assert.Empty(RollupCoverage.Split(At(0.5), At(1.5), [At(0), At(1)]).Rollups);

        var everyOtherHour = Enumerable.Range(0, RollupCoverage.MaxRanges + 1).Select(i => At(2 * i)).ToList();
        var coverage = RollupCoverage.Split(null, null, everyOtherHour);
        Assert.Empty(coverage.Rollups);
        Assert.Equal([new RunTimeRange(null, null)], coverage.Raw);
    }

    [Fact]
    public void Whole_days_of_rolled_up_hours_are_split_from_the_hours_at_either_end()
    {
        var coverage = RollupCoverage.Split(At(20.5), At(75), Enumerable.Range(0, 80).Select(i => At(i)).ToList());

        var (days, hours) = coverage.SplitDays();

        Assert.Equal([new RunTimeRange(At(24), At(72))], days);
        Assert.Equal([new RunTimeRange(At(21), At(24)), new RunTimeRange(At(72), At(75))], hours);

        var (noDays, onlyHours) = RollupCoverage.Split(At(1), At(5), [At(1), At(2), At(3)]).SplitDays();
        Assert.Empty(noDays);
        Assert.Equal([new RunTimeRange(At(1), At(4))], onlyHours);
    }

    [Fact]
    public void The_hour_of_a_time_is_truncated_and_stays_utc()
    {
        var hour = RollupCoverage.HourOf(new DateTime(2026, 11, 1, 13, 59, 59, 999, DateTimeKind.Utc));

        Assert.Equal((At(13), DateTimeKind.Utc), (hour, hour.Kind));
    }
}
