using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Partitions;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Storage;

/// <summary>The PostgreSQL step table's daily partitions: made ahead and on demand, filled from the default partition, dropped for retention.</summary>
public sealed class PostgresPartitionTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);

    private TestStore _store = null!;

    private StepPartitions Partitions => _store.Get<StepPartitions>();

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [PostgresFact]
    public async Task The_step_table_is_partitioned_by_start_time_with_a_default_partition()
    {
        await using var db = await _store.ContextFactory.CreateDbContextAsync();

        var strategy = await db.Database.SqlQueryRaw<string>(
            "SELECT CAST(partstrat AS text) AS \"Value\" FROM pg_partitioned_table WHERE partrelid = to_regclass('steps')").SingleAsync();
        var partitions = await db.Database.SqlQueryRaw<string>(
            "SELECT CAST(c.relname AS text) AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('steps')").ToListAsync();

        Assert.Equal("r", strategy);
        Assert.Contains(PartitionName.Default, partitions);
    }

    [PostgresFact]
    public async Task Maintenance_creates_today_and_the_days_ahead()
    {
        await Partitions.MaintainAsync(Now);

        var days = await Partitions.ListAsync();
        var today = DateOnly.FromDateTime(Now);
        Assert.Equal(Enumerable.Range(0, StepPartitions.DaysAhead + 1).Select(today.AddDays), days.Order());
    }

    [PostgresFact]
    public async Task A_step_beyond_the_window_waits_in_the_default_partition_and_moves_when_its_day_comes()
    {
        var farAhead = Now.AddDays(40);
        var run = HandBuilt.Run("run-far-ahead", 100, start: farAhead);
        await using (var setup = await _store.ContextFactory.CreateDbContextAsync())
        {
            await Partitions.EnsureAsync(setup, [farAhead], Now);
        }

        await _store.AddAsync([run, HandBuilt.Step(run, 1, StepKind.Tool, "orders.lookup", 50, tool: "orders.lookup")]);
        var dayTable = PartitionName.Of(DateOnly.FromDateTime(farAhead));
        var before = await CountAsync(PartitionName.Default);

        await Partitions.MaintainAsync(farAhead);

        Assert.Equal(1, before);
        Assert.Equal(0, await CountAsync(PartitionName.Default));
        Assert.Equal(1, await CountAsync(dayTable));
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal("orders.lookup", (await db.Steps.SingleAsync(s => s.RunId == run.RunId)).ToolName);
    }

    [PostgresFact]
    public async Task Retention_drops_whole_days_and_keeps_the_steps_of_pinned_runs()
    {
        var old = Now.AddDays(-20);
        var pinned = HandBuilt.Run("run-old-pinned", 100, start: old);
        var other = HandBuilt.Run("run-old", 100, start: old.AddMinutes(5));
        var recent = HandBuilt.Run("run-recent", 100, start: Now.AddHours(-1));
        await using (var setup = await _store.ContextFactory.CreateDbContextAsync())
        {
            await Partitions.EnsureAsync(setup, [old, recent.StartTime], Now);
        }

        pinned.IsPinned = true;
        await _store.AddAsync([pinned, other, recent,
            HandBuilt.Step(pinned, 1, StepKind.Tool, "kb.search", 10), HandBuilt.Step(other, 1, StepKind.Tool, "kb.search", 10),
            HandBuilt.Step(recent, 1, StepKind.Tool, "kb.search", 10)]);

        var dropped = await Partitions.DropBeforeAsync(Now.AddDays(-10));

        Assert.Equal(1, dropped);
        Assert.DoesNotContain(DateOnly.FromDateTime(old), await Partitions.ListAsync());
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(["run-old-pinned", "run-recent"], await db.Steps.Select(s => s.RunId).Order().ToListAsync());
    }

    private async Task<long> CountAsync(string table)
    {
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM {table}";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }
}
