using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class CompareVerdictTests
{
    private static readonly TestResult Clear = new(0, 4, 0.0001, SmallSample: false);
    private static readonly TestResult Small = new(0, 0, 1, SmallSample: true);

    private static CohortComparison With(long runsA, long runsB, params CohortMetric[] metrics) => new()
    {
        Dimension = CompareDimension.PolicyVersion,
        A = "v1",
        B = "v2",
        RunsA = runsA,
        RunsB = runsB,
        Metrics = metrics,
        StepGroups = [],
        Distribution = [],
    };

    [Fact]
    public void Too_few_runs_on_either_side_is_neutral_and_claims_nothing()
    {
        var worse = new CohortMetric("Error rate", MetricUnit.Rate, 0.05, 0.3, Clear, "") { Significant = true };

        var verdict = CompareVerdict.Of(With(234, 5, worse with { Significant = false, Testable = false }));

        Assert.Equal(VerdictTone.Neutral, verdict.Tone);
        Assert.Equal("Not enough runs to tell (A 234, B 5): each side needs at least 20 runs.", verdict.Text);
        Assert.DoesNotContain("No metric", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_names_what_is_worse_better_and_not_testable()
    {
        var worse = new CohortMetric("Error rate", MetricUnit.Rate, 0.05, 0.3, Clear, "") { Significant = true };
        var better = new CohortMetric("p95 latency", MetricUnit.Milliseconds, 900, 400, Clear, "") { Significant = true };
        var small = new CohortMetric("Validation failure rate", MetricUnit.Rate, 0, 0.5, Small, "");
        var runs = new CohortMetric("Runs", MetricUnit.Count, 40, 40, null, "", HigherIsWorse: null);

        var verdict = CompareVerdict.Of(With(40, 40, runs, worse, better, small));

        Assert.Equal(VerdictTone.Worse, verdict.Tone);
        Assert.Equal("B is worse on error rate. Better on p95 latency. Not testable (too few to count): validation failure rate.", verdict.Text);
        var clear = CompareVerdict.Of(With(40, 40, runs, better, small));
        Assert.Equal((VerdictTone.NoneWorse, "No metric is significantly worse in B. Better on p95 latency. Not testable (too few to count): validation failure rate."), (clear.Tone, clear.Text));
        Assert.Equal(VerdictTone.Neutral, CompareVerdict.Of(With(40, 40, runs, small)).Tone); // nothing tested: no tick
    }

    [Fact]
    public void A_metric_without_enough_runs_reads_not_testable()
    {
        var metric = new CohortMetric("Error rate", MetricUnit.Rate, 0.05, 0.3, Clear, "") { Testable = false };

        Assert.Equal("not testable", CompareFormat.Verdict(metric));
        Assert.True(metric.NotTestable);
    }
}
