using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Demo;

/// <summary>
/// Deterministic, realistic demo traffic: support-agent runs over two weeks with retries, forks, decisions
/// of every kind and the incidents in <see cref="DemoIncidents"/>. Runs are streamed so benchmark-sized
/// stores never sit in memory.
/// </summary>
public static class DemoDataGenerator
{
    private const string EndUserHashKey = "demo-end-user-key";
    private static readonly (string Agent, double Share)[] Agents = [("support-agent", 0.7), ("billing-agent", 0.2), ("returns-agent", 0.1)];

    public static IEnumerable<DemoRun> Generate(DemoDataOptions options)
    {
        var random = new Random(options.Seed);
        var start = options.End.AddDays(-options.Days);
        var slot = TimeSpan.FromDays(options.Days) / options.RunCount;
        long steps = 0;

        for (var i = 0; i < options.RunCount; i++)
        {
            var runStart = start + (slot * (i + random.NextDouble()));
            var day = (runStart - start).TotalDays;
            var plan = NewPlan(random, runStart, day, DrawAgent(random));
            var run = DemoRunBuilder.Build(random, plan);
            foreach (var produced in WithFollowUps(random, run, plan))
            {
                yield return produced;
                steps += produced.Steps.Count;
                if (steps >= options.MaxSteps)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>The run itself, then the retry an error may trigger or the fork a hand-off starts.</summary>
    private static IEnumerable<DemoRun> WithFollowUps(Random random, DemoRun run, DemoRunPlan plan)
    {
        yield return run;
        if (run.Run.Status == RunStatus.Error && random.NextDouble() < 0.35)
        {
            var retry = plan with
            {
                RunId = DemoIds.RunId(random),
                TraceId = DemoIds.TraceId(random),
                Start = run.Run.EndTime.AddSeconds(random.Next(2, 20)),
                ParentRunId = plan.RunId,
                Relation = RunRelation.Retry,
                Conversation = run.Conversation,
            };
            yield return DemoRunBuilder.Build(random, retry);
        }
        else if (plan.AgentName == "support-agent" && random.NextDouble() < 0.02)
        {
            var fork = plan with
            {
                RunId = DemoIds.RunId(random),
                TraceId = DemoIds.TraceId(random),
                AgentName = "billing-agent",
                Start = run.Run.StartTime.AddMilliseconds(run.Run.DurationMs / 2),
                ParentRunId = plan.RunId,
                Relation = RunRelation.Fork,
                Conversation = run.Conversation,
            };
            yield return DemoRunBuilder.Build(random, fork);
        }
    }

    private static DemoRunPlan NewPlan(Random random, DateTime runStart, double day, string agent)
    {
        var runId = DemoIds.RunId(random);
        var routeConfig = DemoIncidents.RouteConfig.ValueAt(day, random.NextDouble());
        var route = routeConfig == DemoIncidents.RouteConfig.After && random.NextDouble() < 0.3
            ? DemoIncidents.FallbackRoute
            : DemoIncidents.PrimaryRoute;
        return new DemoRunPlan(
            RunId: runId,
            RequestId: DemoIds.RequestId(random),
            TraceId: DemoIds.TraceId(random),
            AgentName: agent,
            Route: route,
            Start: runStart,
            PromptVersion: DemoIncidents.Prompt.ValueAt(day, random.NextDouble()),
            PolicyVersion: DemoIncidents.Policy.ValueAt(day, random.NextDouble()),
            ToolContractVersion: DemoIncidents.ToolContract.ValueAt(day, random.NextDouble()),
            RouteConfigVersion: routeConfig,
            EndUserHash: KeyedHash.Compute(EndUserHashKey, $"customer-{random.Next(1, 1800)}"));
    }

    private static string DrawAgent(Random random)
    {
        var draw = random.NextDouble();
        foreach (var (agent, share) in Agents)
        {
            if (draw < share)
            {
                return agent;
            }

            draw -= share;
        }

        return Agents[0].Agent;
    }
}
