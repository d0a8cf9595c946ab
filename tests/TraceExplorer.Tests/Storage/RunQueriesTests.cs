using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Tests.Storage;

public sealed class RunQueriesTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private RunQueries Queries => fixture.Store.Queries;

    [Fact]
    public async Task Without_filters_every_run_is_counted_newest_first()
    {
        var page = await Queries.GetRunsAsync(new RunListRequest { PageSize = 20 });

        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(await db.Runs.CountAsync(), page.TotalCount);
        Assert.Equal(20, page.Items.Count);
        Assert.Equal(page.Items.OrderByDescending(r => r.StartTime).Select(r => r.RunId), page.Items.Select(r => r.RunId));
    }

    [Fact]
    public async Task Each_filter_narrows_the_result_to_matching_runs()
    {
        var all = (await Queries.GetRunsAsync(new RunListRequest())).TotalCount;

        var errors = await Queries.GetRunsAsync(Filtered(new RunFilter { Status = RunStatus.Error }));
        var policy = await Queries.GetRunsAsync(Filtered(new RunFilter { PolicyVersion = DemoIncidents.Policy.After }));
        var fallback = await Queries.GetRunsAsync(Filtered(new RunFilter { Route = DemoIncidents.FallbackRoute, Agent = "support-agent" }));
        var slow = await Queries.GetRunsAsync(Filtered(new RunFilter { MinDurationMs = 30_000 }));

        Assert.InRange(errors.TotalCount, 1, all - 1);
        Assert.All(errors.Items, r => Assert.Equal(RunStatus.Error, r.Status));
        Assert.InRange(policy.TotalCount, 1, all - 1);
        Assert.All(policy.Items, r => Assert.Equal(DemoIncidents.Policy.After, r.Versions.PolicyVersion));
        Assert.InRange(fallback.TotalCount, 1, all - 1);
        Assert.All(fallback.Items, r => Assert.Equal(("support-agent", DemoIncidents.FallbackRoute), (r.AgentName, r.Route)));
        Assert.InRange(slow.TotalCount, 1, all - 1);
        Assert.All(slow.Items, r => Assert.True(r.DurationMs >= 30_000));
    }

    [Fact]
    public async Task The_model_filter_matches_one_model_of_the_list_not_a_prefix()
    {
        var mini = await Queries.GetRunsAsync(Filtered(new RunFilter { Model = "gpt-4o-mini" }));
        var full = await Queries.GetRunsAsync(Filtered(new RunFilter { Model = "gpt-4o" }));
        var none = await Queries.GetRunsAsync(Filtered(new RunFilter { Model = "gpt-4" }));

        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(await db.Runs.CountAsync(r => r.Models!.Contains("gpt-4o-mini")), mini.TotalCount);
        Assert.Equal(await db.Runs.CountAsync(r => r.Models == "gpt-4o" || r.Models!.StartsWith("gpt-4o, ") || r.Models!.Contains(", gpt-4o, ") || r.Models!.EndsWith(", gpt-4o")), full.TotalCount);
        Assert.InRange(mini.TotalCount, 1, 10_000);
        Assert.InRange(full.TotalCount, 1, 10_000);
        Assert.Equal(0, none.TotalCount);
    }

    [Fact]
    public async Task The_time_range_keeps_runs_that_start_inside_it()
    {
        var from = TraceExplorer.Testing.TestStore.DemoEnd.AddDays(-3);
        var to = TraceExplorer.Testing.TestStore.DemoEnd.AddDays(-1);

        var page = await Queries.GetRunsAsync(Filtered(new RunFilter { From = from, To = to }) with { PageSize = 500 });

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, r => Assert.InRange(r.StartTime, from, to.AddTicks(-1)));
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(await db.Runs.CountAsync(r => r.StartTime >= from && r.StartTime < to), page.TotalCount);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("request")]
    [InlineData("trace")]
    [InlineData("toolCall")]
    public async Task Any_id_finds_its_run(string idKind)
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().Where(s => s.ToolCallId != null).OrderBy(s => s.Id).Skip(123).FirstAsync();
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.RunId == step.RunId);
        var id = idKind switch
        {
            "run" => run.RunId,
            "request" => run.RequestId,
            "trace" => run.TraceId.ToUpperInvariant(),
            _ => step.ToolCallId!,
        };

        var page = await Queries.GetRunsAsync(Filtered(new RunFilter { Text = id }));

        // A retry shares its parent's request id, so a request id may find the retry too.
        Assert.Contains(page.Items, r => r.RunId == run.RunId);
        Assert.All(page.Items, r => Assert.Equal(run.RequestId, r.RequestId));
    }

    [Fact]
    public async Task Free_text_matches_the_input_case_insensitively()
    {
        var page = await Queries.GetRunsAsync(Filtered(new RunFilter { Text = "CHARGED TWICE", TextMatchesPayloads = true }));
        var withoutPayloads = await Queries.GetRunsAsync(Filtered(new RunFilter { Text = "CHARGED TWICE" }));

        Assert.NotEmpty(page.Items);
        Assert.Empty(withoutPayloads.Items);
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(await db.Runs.CountAsync(r => r.Input!.Contains("charged twice")), page.TotalCount);
    }

    [Fact]
    public async Task Like_wildcards_in_the_text_are_taken_literally()
    {
        var page = await Queries.GetRunsAsync(Filtered(new RunFilter { Text = "%_%" }));

        Assert.Equal(0, page.TotalCount);
    }

    [Theory]
    [InlineData(RunSortField.StartTime, true)]
    [InlineData(RunSortField.DurationMs, false)]
    [InlineData(RunSortField.StepCount, true)]
    [InlineData(RunSortField.Status, false)]
    public async Task Paging_is_stable_and_covers_every_run_once(RunSortField sort, bool descending)
    {
        var request = new RunListRequest { Sort = sort, Descending = descending, PageSize = 97 };
        var first = await Queries.GetRunsAsync(request);
        var seen = new List<string>();
        for (var page = 1; page <= (first.TotalCount + 96) / 97; page++)
        {
            seen.AddRange((await Queries.GetRunsAsync(request with { Page = page })).Items.Select(r => r.RunId));
        }

        var again = await Queries.GetRunsAsync(request with { Page = 2 });

        Assert.Equal(first.TotalCount, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Skip(97).Take(97), again.Items.Select(r => r.RunId));
    }

    [Fact]
    public async Task Sorting_by_duration_orders_the_page()
    {
        var page = await Queries.GetRunsAsync(new RunListRequest { Sort = RunSortField.DurationMs, Descending = true, PageSize = 100 });

        Assert.Equal(page.Items.Select(r => r.DurationMs).OrderDescending(), page.Items.Select(r => r.DurationMs));
    }

    [Fact]
    public async Task A_run_comes_with_its_retries_steps_and_decisions()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var retry = await db.Runs.AsNoTracking().FirstAsync(r => r.Relation == RunRelation.Retry);

        var parent = await Queries.GetRunAsync(retry.ParentRunId!);
        var steps = await Queries.GetStepsAsync(retry.ParentRunId!, 0, 1000);
        var decisions = await Queries.GetDecisionsAsync(retry.ParentRunId!);

        Assert.NotNull(parent);
        Assert.Contains(parent.ChildRuns, c => c.RunId == retry.RunId && c.Relation == RunRelation.Retry);
        Assert.Equal(parent.StepCount, steps!.Count);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.StepNumber));
        Assert.NotEmpty(decisions!);
        Assert.All(decisions!, d => Assert.NotNull(d.StepNumber));
    }

    [Fact]
    public async Task An_unknown_run_is_null_not_empty()
    {
        Assert.Null(await Queries.GetRunAsync("no-such-run"));
        Assert.Null(await Queries.GetStepsAsync("no-such-run", 0, 10));
        Assert.Null(await Queries.GetDecisionsAsync("no-such-run"));
    }

    [Fact]
    public async Task Filter_options_list_the_distinct_values()
    {
        var options = await Queries.GetFilterOptionsAsync();

        Assert.Equal(["billing-agent", "returns-agent", "support-agent"], options.Agents);
        Assert.Equal([DemoIncidents.Policy.Before, DemoIncidents.Policy.After], options.For(RunDimension.PolicyVersion));
        Assert.Contains(DemoIncidents.FallbackRoute, options.For(RunDimension.Route));
        Assert.Equal(["claude-sonnet-4-5", "gpt-4o", "gpt-4o-mini"], options.For(RunDimension.Model));
    }

    private static RunListRequest Filtered(RunFilter filter) => new() { Filter = filter, PageSize = 200 };
}
