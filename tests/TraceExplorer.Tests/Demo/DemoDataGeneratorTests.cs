using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Demo;

public sealed class DemoDataGeneratorTests
{
    private static readonly DemoDataOptions Options = new() { End = TestStore.DemoEnd, RunCount = 3000 };
    private static readonly IReadOnlyList<DemoRun> Runs = DemoDataGenerator.Generate(Options).ToList();

    [Fact]
    public void Same_options_generate_identical_runs()
    {
        var again = DemoDataGenerator.Generate(Options).ToList();

        Assert.Equal(Runs.Count, again.Count);
        for (var i = 0; i < Runs.Count; i++)
        {
            Assert.Equivalent(Runs[i], again[i], strict: true);
        }
    }

    [Fact]
    public void A_different_seed_generates_different_runs()
    {
        var other = DemoDataGenerator.Generate(Options with { Seed = 1 }).Take(10).Select(r => r.Run.RunId);

        Assert.NotEqual(Runs.Take(10).Select(r => r.Run.RunId), other);
    }

    [Fact]
    public void Runs_span_two_weeks_with_8_to_40_steps_of_every_kind()
    {
        Assert.InRange(Runs.Count, 3000, 3500);
        Assert.All(Runs, r => Assert.InRange(r.Steps.Count, 8, 40));
        Assert.All(Runs, r => Assert.InRange(r.Run.StartTime, TestStore.DemoEnd.AddDays(-14), TestStore.DemoEnd.AddHours(1)));
        var kinds = Runs.SelectMany(r => r.Steps).Select(s => s.Kind).ToHashSet();
        Assert.Superset(new HashSet<StepKind> { StepKind.Plan, StepKind.Retrieve, StepKind.Model, StepKind.Tool, StepKind.Validate }, kinds);
    }

    [Fact]
    public void Steps_are_numbered_in_start_order_and_span_ids_are_unique()
    {
        foreach (var run in Runs.Take(200))
        {
            Assert.Equal(Enumerable.Range(1, run.Steps.Count), run.Steps.Select(s => s.StepNumber));
            Assert.Equal(run.Steps.OrderBy(s => s.StartTime).ThenBy(s => s.StepNumber).Select(s => s.StepNumber), run.Steps.Select(s => s.StepNumber));
        }

        var spans = Runs.SelectMany(r => r.Steps).Select(s => (s.TraceId, s.SpanId)).ToList();
        Assert.Equal(spans.Count, spans.Distinct().Count());
    }

    [Fact]
    public void There_are_retries_forks_and_decisions_of_every_kind()
    {
        Assert.Contains(Runs, r => r.Run.Relation == RunRelation.Retry && r.Run.RequestId == Runs.First(p => p.Run.RunId == r.Run.ParentRunId).Run.RequestId);
        Assert.Contains(Runs, r => r.Run.Relation == RunRelation.Fork);
        Assert.All(Runs.Where(r => r.Run.Relation != RunRelation.None), r => Assert.Equal(Runs.First(p => p.Run.RunId == r.Run.ParentRunId).Run.Input, r.Run.Input));
        var kinds = Runs.SelectMany(r => r.Decisions).Select(d => d.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<DecisionKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void The_policy_rollout_makes_step_7_time_out()
    {
        double TimeoutRate(string policy)
        {
            var runs = Runs.Where(r => r.Run.PolicyVersion == policy && r.Run.Relation == RunRelation.None).ToList();
            return runs.Count(r => r.Steps[DemoIncidents.TimingOutStep - 1] is { ToolName: DemoIncidents.TimingOutTool, ErrorType: "timeout" }) / (double)runs.Count;
        }

        Assert.All(Runs, r => Assert.Equal(DemoIncidents.TimingOutTool, r.Steps[DemoIncidents.TimingOutStep - 1].ToolName));
        Assert.True(TimeoutRate(DemoIncidents.Policy.Before) < 0.02);
        Assert.True(TimeoutRate(DemoIncidents.Policy.After) > 0.4);
    }

    [Fact]
    public void A_timed_out_step_7_carries_the_fallback_the_agent_took_at_its_end()
    {
        var timedOut = Runs.Where(r => r.Steps[DemoIncidents.TimingOutStep - 1].ErrorType == "timeout").ToList();

        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, r =>
        {
            var lookup = r.Steps[DemoIncidents.TimingOutStep - 1];
            var fallback = Assert.Single(r.Decisions, d => d.Kind == DecisionKind.Fallback && d.SpanId == lookup.SpanId);
            Assert.Equal(lookup.StartTime.AddMilliseconds(lookup.DurationMs), fallback.Time);
            Assert.Equal(r.Steps[0].ErrorType == "timeout" ? "apology reply" : "retry once", fallback.Outcome);
        });
        Assert.DoesNotContain(Runs.Except(timedOut), r => r.Decisions.Any(d => d.Kind == DecisionKind.Fallback && d.Target == DemoIncidents.TimingOutTool));
    }

    [Fact]
    public void The_prompt_rollout_makes_reply_validation_fail_more_often()
    {
        double FailureRate(string prompt)
        {
            var checks = Runs.Where(r => r.Run.PromptVersion == prompt)
                .SelectMany(r => r.Steps)
                .Where(s => s.ValidationSchema == DemoIncidents.FailingReplySchema)
                .ToList();
            return checks.Count(s => s.ValidationPassed == false) / (double)checks.Count;
        }

        Assert.True(FailureRate(DemoIncidents.Prompt.After) > 3 * FailureRate(DemoIncidents.Prompt.Before));
    }

    [Fact]
    public void The_fallback_route_repeats_retrieval_with_identical_arguments()
    {
        static int MostRepeats(DemoRun run) => run.Steps
            .Where(s => s.Kind == StepKind.Retrieve)
            .GroupBy(s => s.ToolArgumentsHash)
            .Select(g => g.Count())
            .DefaultIfEmpty(0)
            .Max();

        var fallback = Runs.Where(r => r.Run.Route == DemoIncidents.FallbackRoute).ToList();
        Assert.NotEmpty(fallback);
        Assert.All(fallback, r => Assert.Equal(DemoIncidents.RouteConfig.After, r.Run.RouteConfigVersion));
        Assert.True(fallback.Average(MostRepeats) >= 3);
        Assert.True(Runs.Where(r => r.Run.Route == DemoIncidents.PrimaryRoute).Average(MostRepeats) < 2);
    }

    [Fact]
    public void Complaints_cluster_on_the_bad_versions()
    {
        double ComplaintRate(Func<Run, bool> cohort)
        {
            var runs = Runs.Where(r => cohort(r.Run)).ToList();
            return runs.Sum(r => r.Complaints.Count) / (double)runs.Count;
        }

        var good = ComplaintRate(r => r.PolicyVersion == DemoIncidents.Policy.Before && r.PromptVersion == DemoIncidents.Prompt.Before);
        Assert.True(ComplaintRate(r => r.PolicyVersion == DemoIncidents.Policy.After) > 2 * good);
        Assert.True(ComplaintRate(r => r.Route == DemoIncidents.FallbackRoute) > 2 * good);
    }

    [Fact]
    public void MaxSteps_stops_generation_once_reached()
    {
        var runs = DemoDataGenerator.Generate(Options with { MaxSteps = 1000 }).ToList();

        var steps = runs.Sum(r => r.Steps.Count);
        Assert.InRange(steps, 1000, 1000 + 40);
        Assert.True(runs.Take(runs.Count - 1).Sum(r => r.Steps.Count) < 1000);
    }
}
