using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Tests.Model.Waterfall;
using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Storage;

/// <summary>The start of a run's outline, read for the first screen, against the whole outline it stands in for.</summary>
public sealed class OutlineStartTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    [Fact]
    public async Task The_start_of_the_outline_is_what_the_whole_outline_says_and_paints_its_first_rows()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.StepCount).ThenBy(r => r.RunId).Take(25).ToListAsync();
        var full = 0;
        foreach (var run in runs)
        {
            var outline = await fixture.Store.Steps.GetOutlineAsync(run.RunId);
            foreach (var limit in new[] { 1, 4, 12, 40 })
            {
                var read = await fixture.Store.Steps.GetOutlineStartAsync(run.RunId, limit);
                var expected = OutlineStartOf.Outline(outline, limit, run.StepIdsFromAgent);
                Assert.Equal(expected.Steps, read.Steps);
                Assert.Equal(expected.Later.OrderBy(s => s.StepNumber).ThenBy(s => s.SpanId), read.Later.OrderBy(s => s.StepNumber).ThenBy(s => s.SpanId));
                Assert.Equal((expected.Complete, expected.NumberedByAgent), (read.Complete, read.NumberedByAgent));

                var rows = FirstScreen.Rows(read, run.StartTime, limit);
                var whole = WaterfallViewModel.Create(run.StartTime, outline, []).Tree.Rows;
                var first = WaterfallViewModel.Create(run.StartTime, rows, []).Tree.Rows;
                Assert.Equal(whole.Take(first.Count).Select(r => r.SpanId), first.Select(r => r.SpanId));
                full += first.Count == Math.Min(limit, whole.Count) ? 1 : 0;
            }
        }

        Assert.True(full > 25, $"a full first screen in only {full} of {runs.Count * 4} reads");
    }
}
