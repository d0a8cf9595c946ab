using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class LatencyReportHeadingTests
{
    private static readonly DateTime From = new(2026, 11, 24, 20, 9, 31, DateTimeKind.Utc);

    [Fact]
    public void The_period_names_both_ends_as_dates_never_now()
    {
        var (current, _) = LatencyPeriods.For(new RunFilter { From = From }, From.AddDays(7));

        var text = LatencyReportHeading.Period(current);

        Assert.StartsWith("2026-11-24 20:09 to 2026-12-01 20:09 UTC", text, StringComparison.Ordinal);
        Assert.DoesNotContain("now", text, StringComparison.Ordinal);
        Assert.Equal("All time.", LatencyReportHeading.Period(new RunFilter()));
    }

    [Fact]
    public void The_filters_list_every_filter_and_option_that_shaped_the_figures()
    {
        var request = new AnalyticsRequest(new RunFilter { From = From, Agent = "support-agent", PolicyVersion = "p2" }, StepGrouping.Tool, 2, LatencyGrouping.PromptVersion, null, 60_000);

        Assert.Equal("Agent support-agent · Policy version p2 · One line per prompt version · Per day · SLO 1m 00s", LatencyReportHeading.Filters(request, TimeBucket.Day));
        Assert.Equal("Per hour · SLO 800 ms", LatencyReportHeading.Filters(request with { Filter = new RunFilter(), By = LatencyGrouping.None, SloMs = 800 }, TimeBucket.Hour));
    }
}
