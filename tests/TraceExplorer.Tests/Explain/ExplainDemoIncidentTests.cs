using TraceExplorer.Core.Demo;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;
using TraceExplorer.Tests.Analytics;
using TraceExplorer.Web.Model;
using Xunit.Abstractions;

namespace TraceExplorer.Tests.Explain;

/// <summary>
/// On the demo data (SQLite, or PostgreSQL when the tests run against it), each planted incident's change ranks first
/// for its symptom, the sentence names its step, tool and version, and the benign tool-contract change is never a cause.
/// </summary>
public sealed class ExplainDemoIncidentTests(FullDemoStoreFixture fixture, ITestOutputHelper output) : IClassFixture<FullDemoStoreFixture>
{
    private async Task<(ExplainResult Result, string Sentence)> ExplainAsync(ExplainSymptom symptom)
    {
        var request = new ExplainRequest { Symptom = symptom };
        var result = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);
        var sentence = ExplainSentence.Text(ExplainSentence.For(result, request));
        output.WriteLine(sentence);
        output.WriteLine($"symptom {result.SymptomRuns}, baseline {result.BaselineRuns}, since {result.Start?.Since:u}");
        foreach (var value in result.Causes.Take(8))
        {
            output.WriteLine($"{value.Key} {value.SymptomShare:P1} vs {value.BaselineShare:P1} explains {value.Explains:0.###} adj p {value.AdjustedP:0.####} cause {value.IsCause} by {value.ExplainedBy}");
        }

        foreach (var change in result.Start?.NearestChanges ?? [])
        {
            output.WriteLine($"near: {change.Dimension}={change.Value} {change.FirstSeen:u}");
        }

        Assert.DoesNotContain(result.Causes, c => c.IsCause && c.Value == DemoIncidents.ToolContract.After);
        Assert.DoesNotContain(result.Start?.NearestChanges ?? [], c => c.Value == DemoIncidents.ToolContract.After);
        return (result, sentence);
    }

    [Fact]
    public async Task Refund_timeouts_are_explained_by_the_policy_version()
    {
        var (result, sentence) = await ExplainAsync(new ExplainSymptom { Filter = new RunFilter { FailedStep = DemoIncidents.TimingOutTool } });

        Assert.Equal(new ExplainKey(ExplainDimension.PolicyVersion, DemoIncidents.Policy.After), result.TopCause?.Key);
        Assert.Equal(DemoIncidents.TimingOutStep, result.Signature?.StepNumber);
        Assert.Equal(DemoIncidents.TimingOutTool, result.Signature?.Step);
        Assert.Equal("timeout", result.Signature?.ErrorType);
        Assert.Contains(result.Start!.NearestChanges, c => c.Value == DemoIncidents.Policy.After);
        Assert.Contains($"fail at step {DemoIncidents.TimingOutStep} ({DemoIncidents.TimingOutTool}, timeout after 30", sentence);
        Assert.Contains($"ran {DemoIncidents.Policy.After}", sentence);
    }

    [Fact]
    public async Task Validation_failures_are_explained_by_the_prompt_version()
    {
        var (result, sentence) = await ExplainAsync(new ExplainSymptom { Filter = new RunFilter { FailedStep = DemoIncidents.FailingReplySchema } });

        Assert.Equal(new ExplainKey(ExplainDimension.PromptVersion, DemoIncidents.Prompt.After), result.TopCause?.Key);
        Assert.Equal(DemoIncidents.FailingReplySchema, result.Signature?.Step);
        Assert.Contains(result.Start!.NearestChanges, c => c.Value == DemoIncidents.Prompt.After);
        Assert.Contains(DemoIncidents.FailingReplySchema, sentence);
        Assert.Contains($"ran {DemoIncidents.Prompt.After}", sentence);
    }

    [Fact]
    public async Task Repeated_retrieval_is_explained_by_the_fallback_route_and_its_route_config()
    {
        var (result, sentence) = await ExplainAsync(new ExplainSymptom { Filter = new RunFilter { RepeatedTool = DemoIncidents.RepeatedRetrievalTool } });

        Assert.Equal(new ExplainKey(ExplainDimension.Route, DemoIncidents.FallbackRoute), result.TopCause?.Key);
        var routeConfig = result.Causes.Single(c => c.Value == DemoIncidents.RouteConfig.After);
        Assert.True(routeConfig.IsCause || routeConfig.ExplainedBy == result.TopCause!.Key.ToString());
        Assert.Equal(DemoIncidents.RouteConfig.After, result.Start!.NearestChanges.First(c => ExplainDimensions.IsVersion(c.Dimension)).Value);
        Assert.Contains($"took route {DemoIncidents.FallbackRoute}", sentence);
    }

    public static TheoryData<string> Symptoms => ["failed", "validation", "repeated"];

    [Theory]
    [MemberData(nameof(Symptoms))]
    public async Task Each_number_of_the_sentence_links_to_a_runs_list_of_exactly_the_runs_it_counts(string name)
    {
        var filter = name switch
        {
            "failed" => new RunFilter { FailedStep = DemoIncidents.TimingOutTool },
            "validation" => new RunFilter { FailedStep = DemoIncidents.FailingReplySchema },
            _ => new RunFilter { RepeatedTool = DemoIncidents.RepeatedRetrievalTool },
        };
        var request = new ExplainRequest { Symptom = new ExplainSymptom { Filter = filter } };
        var result = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);
        var cause = result.TopCause!;
        long[] expected = result.Start is { } start
            ? [start.SymptomRunsAfter, start.SymptomRunsBefore, cause.SymptomRuns, cause.BaselineRuns]
            : [result.SymptomRuns, result.ScopeRuns, cause.SymptomRuns, cause.BaselineRuns];

        var links = ExplainSentence.For(result, request).Where(p => p.Href is not null).Select(p => p.Href!).ToList();

        Assert.Equal(expected.Length, links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var listed = RunListQuery.FromUri(links[i]).ToRequest(out var errors);
            Assert.Empty(errors);
            var page = await fixture.Store.Queries.GetRunsAsync(listed with { PageSize = 1 });
            output.WriteLine($"{links[i]} lists {page.TotalCount}, counted {expected[i]}");
            Assert.Equal(expected[i], page.TotalCount);
        }
    }

    [Fact]
    public async Task The_window_before_as_baseline_still_finds_the_policy_version()
    {
        var policyDay = TestStore.DemoEnd.AddDays(-14 + DemoIncidents.Policy.StartDay);
        var request = new ExplainRequest
        {
            Symptom = new ExplainSymptom
            {
                Filter = new() { From = policyDay, To = policyDay.AddDays(2), FailedStep = DemoIncidents.TimingOutTool },
            },
            Baseline = ExplainBaseline.WindowBefore,
        };

        var result = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);

        Assert.Equal(DemoIncidents.Policy.After, result.TopCause?.Value);
        Assert.True(result.BaselineRuns > 0);
    }

    [Fact]
    public async Task An_empty_symptom_explains_nothing_and_says_so()
    {
        var request = new ExplainRequest { Symptom = new ExplainSymptom { Filter = new RunFilter { FailedStep = "no.such.tool" } } };

        var result = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);

        Assert.Equal(0, result.SymptomRuns);
        Assert.Null(result.TopCause);
        Assert.StartsWith("No runs match", ExplainSentence.Text(ExplainSentence.For(result, request)));
    }
}
