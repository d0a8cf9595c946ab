using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Tests.Analytics;

public sealed class CohortDefaultsTests
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private static AgentValue Value(string agent, string value, double firstDay, long runs) => new(agent, value, Day.AddDays(firstDay), Day.AddDays(firstDay + 1), runs);

    [Fact]
    public void The_latest_change_is_dated_and_owned_within_one_agent()
    {
        // v2 rolled out to support (most runs, first on day 3) and to returns (a few runs, first on day 3.5); the sample
        // agent's first and only version is the newest value of all, and no change.
        IReadOnlyList<AgentValue> policy =
        [
            Value("support", "v1", 0, 500), Value("support", "v2", 3, 400),
            Value("returns", "v1", 0, 20), Value("returns", "v2", 3.5, 5),
            Value("sample", "sample-v1", 5, 5),
        ];
        IReadOnlyList<AgentValue> prompt = [Value("billing", "p1", 0, 50), Value("billing", "p2", 2, 50)];

        Assert.Equal(("support", Day.AddDays(3)), CohortDefaults.LatestChange([policy, prompt]));
        Assert.Equal(("billing", Day.AddDays(2)), CohortDefaults.LatestChange([prompt]));
        Assert.Null(CohortDefaults.LatestChange([[Value("sample", "sample-v1", 5, 5)], []]));
    }
}
