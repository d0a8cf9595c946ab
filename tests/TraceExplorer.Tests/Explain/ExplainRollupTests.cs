using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;
using TraceExplorer.Tests.Analytics;

namespace TraceExplorer.Tests.Explain;

/// <summary>
/// Explain reads the failed steps and the baseline's decisions of whole rolled-up hours from their rollups: on the demo
/// data (SQLite, or PostgreSQL when the tests run against it) what it finds must be what the runs and steps alone give,
/// for every kind of symptom and baseline, with windows that cut hours and an hour written to since it was rolled up.
/// </summary>
public sealed class ExplainRollupTests(FullDemoStoreFixture fixture) : IClassFixture<FullDemoStoreFixture>
{
    private static readonly DateTime MidHour = TestStore.DemoEnd.AddDays(-5).AddMinutes(30);

    /// <summary>An hour of the policy incident, written to again after its rollup (its rows stay until it is rolled up again): read from the steps.</summary>
    private static readonly DateTime Pending = TestStore.DemoEnd.AddDays(-3).AddHours(4);

    public static TheoryData<string> Requests =>
    [
        "errors", "timeouts", "repeated search", "policy blocks", "complaints", "errors, mid-hour window",
        "errors, window before", "errors against a policy", "timeouts under one policy", "slow runs against slow runs",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Explain_through_the_rollups_finds_what_the_runs_and_steps_alone_give(string name)
    {
        await RollUpAsync();
        var request = Request(name);
        var fromSteps = new ExplainQueries(fixture.Store.Get<AnalyticsContextFactory>(), TimeProvider.System) { UseRollups = false };

        var exact = await fromSteps.ExplainAsync(request);
        var rolledUp = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);

        Assert.True(exact.SymptomRuns > 0 && exact.BaselineRuns > 0);
        Assert.Contains(exact.InTheRuns, v => v.Dimension == ExplainDimension.DecisionKind && v.BaselineShare > 0);
        Assert.Equal(Json(exact), Json(rolledUp));
    }

    [Fact]
    public async Task The_rollups_hold_each_runs_failed_steps_and_the_runs_with_each_decision()
    {
        await RollUpAsync();
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();

        var failedSteps = await db.Steps.CountAsync(s => s.Status == StepStatus.Error || s.ValidationPassed == false);
        Assert.True(failedSteps > 0);
        Assert.Equal(failedSteps, await db.Set<FailedStepRollup>().CountAsync());

        var blocked = await db.Decisions.Where(d => d.Kind == DecisionKind.PolicyBlock).Select(d => d.RunId).Distinct().CountAsync();
        var counted = await db.Set<DecisionRunsRollup>()
            .Where(d => d.Dimension == ExplainDimensions.Name(ExplainDimension.DecisionKind) && d.Value == nameof(DecisionKind.PolicyBlock)).SumAsync(d => d.Runs);
        Assert.True(blocked > 0);
        Assert.Equal(blocked, counted);
    }

    private static ExplainRequest Request(string name) => name switch
    {
        "errors" => new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { Status = RunStatus.Error } } },
        "timeouts" => new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { FailedStep = DemoIncidents.TimingOutTool } } },
        "repeated search" => new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { RepeatedTool = DemoIncidents.RepeatedRetrievalTool } } },
        "policy blocks" => new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { Decision = DecisionKind.PolicyBlock } } },
        "complaints" => new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { WithComplaints = true } } },
        "errors, mid-hour window" => new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = new RunFilter { Status = RunStatus.Error, From = MidHour, To = MidHour.AddDays(3).AddMinutes(15) } },
        },
        "errors, window before" => new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = new RunFilter { Status = RunStatus.Error, From = MidHour.AddDays(1), To = MidHour.AddDays(3).AddMinutes(15) } },
            Baseline = ExplainBaseline.WindowBefore,
        },
        "errors against a policy" => new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = new RunFilter { Status = RunStatus.Error, From = MidHour } },
            Baseline = ExplainBaseline.Filter,
            BaselineFilter = new RunFilter { PolicyVersion = DemoIncidents.Policy.Before, To = MidHour.AddDays(2).AddMinutes(10) },
        },
        "timeouts under one policy" => new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = new RunFilter { FailedStep = DemoIncidents.TimingOutTool, PolicyVersion = DemoIncidents.Policy.After } },
        },
        _ => new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = new RunFilter { MinDurationMs = 20_000 } },
            Baseline = ExplainBaseline.Filter,
            BaselineFilter = new RunFilter { MinDurationMs = 5_000 },
        },
    };

    private async Task RollUpAsync()
    {
        await new RollupMaterializer(fixture.Store.ContextFactory, TimeProvider.System).RunAsync(10_000, onlySettled: false);
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        await RollupInvalidation.QueueAsync(db, [Pending], CancellationToken.None);
    }

    private static string Json(ExplainResult result) =>
        JsonSerializer.Serialize(result, new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
