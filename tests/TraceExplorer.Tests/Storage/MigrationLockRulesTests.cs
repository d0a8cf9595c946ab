using TraceExplorer.Storage;

namespace TraceExplorer.Tests.Storage;

public sealed class MigrationLockRulesTests
{
    private static readonly DateTimeOffset ProcessStart = new(2026, 12, 1, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-01T22:59:59.9990000+00:00", true)] // written by a process that ran before this one
    [InlineData("2026-12-01T23:59:59.0000000+01:00", true)] // the same instant before start, in another offset
    [InlineData("not a time", true)]
    [InlineData(null, true)]
    [InlineData("2026-12-01T23:00:00.0000000+00:00", false)] // this process could have written it
    [InlineData("2026-12-01T23:00:01.0000000+00:00", false)]
    public void A_lock_row_written_before_this_process_started_is_abandoned(string? timestamp, bool abandoned) =>
        Assert.Equal(abandoned, MigrationLockRules.IsAbandoned(timestamp, ProcessStart));
}
