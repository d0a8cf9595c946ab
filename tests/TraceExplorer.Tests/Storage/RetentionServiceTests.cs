using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Deletion;
using TraceExplorer.Storage.Retention;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Storage;

public sealed class RetentionServiceTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await _store.SeedDemoAsync(300);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Old_runs_go_middle_aged_runs_lose_payloads_and_pinned_runs_stay_whole()
    {
        var now = TestStore.DemoEnd;
        var runCutoff = now.AddDays(-10);
        var payloadCutoff = now.AddDays(-5);
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var pinned = await db.Runs.AsNoTracking().Where(r => r.StartTime < runCutoff).OrderBy(r => r.StartTime).Select(r => r.RunId).FirstAsync();
        await _store.Queries.SetPinAsync(pinned, true, "INC-1");
        var oldRuns = await db.Runs.CountAsync(r => r.StartTime < runCutoff && r.RunId != pinned);
        var middleAged = await db.Runs.CountAsync(r => r.StartTime >= runCutoff && r.StartTime < payloadCutoff);
        var service = _store.Get<RetentionService>();

        var result = await service.ApplyAsync(new RetentionOptions { RunDays = 10, PayloadDays = 5, BatchSize = 25 }, now);

        Assert.Equal(oldRuns, result.RunsDeleted);
        Assert.Equal(middleAged, result.RunsWithPayloadsRemoved);
        Assert.False(await db.Runs.AnyAsync(r => r.StartTime < runCutoff && r.RunId != pinned));
        Assert.False(await db.Steps.AnyAsync(s => s.StartTime < runCutoff.AddMinutes(-10) && s.RunId != pinned));
        var kept = await db.Runs.AsNoTracking().SingleAsync(r => r.RunId == pinned);
        Assert.Equal(("INC-1", false), (kept.PinNote, kept.PayloadsRemoved));
        Assert.NotNull(kept.Input);
        var stripped = await db.Runs.AsNoTracking().Where(r => r.StartTime >= runCutoff && r.StartTime < payloadCutoff).ToListAsync();
        Assert.All(stripped, r => Assert.True(r.PayloadsRemoved && r.Input is null && r.Output is null));
        var strippedIds = stripped.Select(r => r.RunId).ToList();
        Assert.False(await db.Steps.AnyAsync(s => strippedIds.Contains(s.RunId) && s.AttributesJson!.Contains("gen_ai.tool.call.arguments")));
        Assert.True(await db.Steps.AnyAsync(s => strippedIds.Contains(s.RunId) && s.ToolName != null));
        Assert.True(await db.Runs.AnyAsync(r => r.StartTime >= payloadCutoff && r.Input != null));
        Assert.Single(await db.AuditLog.Where(a => a.Action == "retention").ToListAsync());

        var again = await service.ApplyAsync(new RetentionOptions { RunDays = 10, PayloadDays = 5, BatchSize = 25 }, now);
        Assert.Equal(new RetentionResult(0, 0), again);
    }
}
