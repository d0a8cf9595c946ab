using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Tests.Storage;

/// <summary>The run page's reads, on whichever provider the tests run against.</summary>
public sealed class StepQueriesTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private StepQueries Steps => fixture.Store.Steps;

    [Fact]
    public async Task The_outline_lists_every_step_of_the_run_in_step_order()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var run = await db.Runs.AsNoTracking().OrderByDescending(r => r.StepCount).ThenBy(r => r.RunId).FirstAsync();

        var outline = await Steps.GetOutlineAsync(run.RunId);

        Assert.Equal(run.StepCount, outline.Count);
        Assert.Equal(Enumerable.Range(1, run.StepCount), outline.Select(s => s.StepNumber));
        Assert.Single(outline, s => s.ParentSpanId is null);
        Assert.All(outline, s => Assert.Equal(DateTimeKind.Utc, s.StartTime.Kind));
    }

    [Fact]
    public async Task Search_within_a_run_ignores_case_and_lookup_finds_a_tool_call()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var call = await db.Steps.AsNoTracking().Where(s => s.ToolName == "orders.lookup").OrderBy(s => s.Id).FirstAsync();
        var matching = await db.Steps.CountAsync(s => s.RunId == call.RunId && s.ToolName == "orders.lookup");

        var found = await Steps.SearchAsync(call.RunId, "ORDERS.LOOKUP", includePayloads: false);
        var lookup = await Steps.LookupAsync(call.ToolCallId!);

        Assert.Contains(call.SpanId, found);
        Assert.InRange(found.Count, matching, matching * 3);
        Assert.Equal(new LookupMatch(call.RunId, "tool call id", call.StepNumber), Assert.Single(lookup));
    }

    [Fact]
    public async Task Error_text_matches_only_when_the_reader_may_see_it()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var failed = await db.Steps.AsNoTracking().Where(s => s.ErrorMessage != null).OrderBy(s => s.Id).FirstAsync();
        var names = (await db.Steps.AsNoTracking().Where(s => s.RunId == failed.RunId)
                .Select(s => s.Name + " " + s.ToolName + " " + s.Model + " " + s.ToolCallId + " " + s.ErrorType).ToListAsync())
            .Select(n => n.ToLowerInvariant()).ToList();
        // A word of the error text that no visible field of the run contains: a match could only come from the text.
        var guess = failed.ErrorMessage!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .First(w => w.Length >= 4 && !names.Any(n => n.Contains(w.ToLowerInvariant(), StringComparison.Ordinal)));

        Assert.Contains(failed.SpanId, await Steps.SearchAsync(failed.RunId, guess, includePayloads: true));
        Assert.Empty(await Steps.SearchAsync(failed.RunId, guess, includePayloads: false));
    }
}
