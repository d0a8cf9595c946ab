using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class AnalyticsQueryTests
{
    [Fact]
    public void A_link_round_trips_and_defaults_fill_what_it_leaves_out()
    {
        var query = new AnalyticsQuery { From = "2026-11-01T00:00:00Z", PolicyVersion = "p2", GroupBy = "model", MinCalls = "3", By = "route", SloMs = "2500" };

        Assert.Equal(query, AnalyticsQuery.FromUri("/analytics/slow-steps?" + query.ToQueryString()));
        var request = query.ToRequest(60_000, out var errors);
        Assert.Empty(errors);
        Assert.Equal((StepGrouping.Model, 3, LatencyGrouping.Route, 2500.0), (request.Grouping, request.MinCalls, request.By, request.SloMs));
        Assert.Equal("p2", request.Filter.PolicyVersion);
        var defaults = new AnalyticsQuery().ToRequest(60_000, out _);
        Assert.Equal((StepGrouping.Tool, 2, LatencyGrouping.None, 60_000.0), (defaults.Grouping, defaults.MinCalls, defaults.By, defaults.SloMs));
    }

    [Fact]
    public void The_bucket_is_hourly_for_three_days_or_less_and_daily_beyond()
    {
        var now = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        AnalyticsRequest For(DateTime? from) => new(new RunFilter { From = from }, StepGrouping.Tool, 2, LatencyGrouping.None, null, 1000);

        Assert.Equal(TimeBucket.Hour, For(now.AddDays(-3)).BucketFor(now));
        Assert.Equal(TimeBucket.Day, For(now.AddDays(-4)).BucketFor(now));
        Assert.Equal(TimeBucket.Day, For(null).BucketFor(now));
    }

    [Fact]
    public void The_cards_compare_with_the_period_of_the_same_length_before()
    {
        var from = new DateTime(2026, 11, 17, 0, 0, 0, DateTimeKind.Utc);
        var (current, previous) = LatencyPeriods.For(new RunFilter { From = from, Agent = "a" }, from.AddDays(7));

        Assert.Equal((from, from.AddDays(7)), (current.From, current.To));
        Assert.Equal((from.AddDays(-7), from, "a"), (previous!.From, previous.To, previous.Agent));

        var cards = LatencyCards.For(new LatencySummary(110, 22, 11, 1500), new LatencySummary(100, 10, 5, 1000), 1200);
        Assert.Equal(["+10 % vs previous period", "+50 % vs previous period", "+10 pp vs previous period", "+5 pp vs previous period"], cards.Select(c => c.Change));
        Assert.Equal(["", "worse", "worse", "worse"], cards.Select(c => c.Tone));
        Assert.Equal(["Previous period: 100", "Previous period: 1.00 s", "Previous period: 10 %", "Previous period: 5 %"], cards.Select(c => c.Previous));

        var empty = LatencyCards.For(new LatencySummary(0, 0, 0, double.NaN), new LatencySummary(0, 0, 0, double.NaN), 1200);
        Assert.Equal(["0", "—", "", ""], empty.Take(2).Select(c => c.Value).Concat(empty.Take(2).Select(c => c.Change)));
        Assert.All(empty, card => Assert.Equal("", card.Previous));
    }
}
