using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Tests.Model;

public sealed class CompareFormatTests
{
    private static readonly TestResult Clear = new(0, 4, 0.0001, SmallSample: false);

    [Fact]
    public void Deltas_read_as_percentage_points_for_rates_and_relative_change_otherwise()
    {
        Assert.Equal("+26.3 pp", CompareFormat.Delta(new CohortMetric("Error rate", MetricUnit.Rate, 0.047, 0.31, Clear, "")));
        Assert.Equal("+1.50 s (+50 %)", CompareFormat.Delta(new CohortMetric("p95", MetricUnit.Milliseconds, 3000, 4500, Clear, "")));
        Assert.Equal("−2 (−10 %)", CompareFormat.Delta(new CohortMetric("Steps", MetricUnit.PerRun, 20, 18, Clear, "")));
        Assert.Equal("—", CompareFormat.Delta(new CohortMetric("p95", MetricUnit.Milliseconds, double.NaN, 1, Clear, "")));
    }

    [Fact]
    public void The_verdict_claims_only_what_the_test_supports()
    {
        var worse = new CohortMetric("Error rate", MetricUnit.Rate, 0.05, 0.3, Clear, "") { Significant = true };
        var neutral = new CohortMetric("Steps per run", MetricUnit.PerRun, 20, 18, Clear, "", HigherIsWorse: null) { Significant = true };
        var small = new CohortMetric("Error rate", MetricUnit.Rate, 0, 1, new TestResult(1, 3, 0.001, SmallSample: true), "");

        Assert.Equal("worse · p < 0.001", CompareFormat.Verdict(worse));
        Assert.Equal("better · p < 0.001", CompareFormat.Verdict(worse with { A = 0.3, B = 0.05 }));
        Assert.Equal("lower · p < 0.001", CompareFormat.Verdict(neutral));
        Assert.Equal("no clear difference", CompareFormat.Verdict(worse with { Significant = false }));
        Assert.Equal("small sample", CompareFormat.Verdict(small));
    }

    [Fact]
    public void Chart_labels_from_agents_cannot_become_markup()
    {
        Assert.Equal("&lt;b onmouseover=x&gt;v1&lt;/b&gt; &amp;", ChartText.Safe("<b onmouseover=x>v1</b> &"));
    }
}
