namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// Which values, of which agent, a comparison compares when the request leaves them out. Versions are per agent:
/// two agents' versions interleave in time, and the latest two values overall are often one of each, which compares
/// the agents rather than the versions. So the defaults are the two latest values within one agent, and values of
/// different agents are compared only when the request names both.
/// </summary>
public static class CohortDefaults
{
    /// <param name="values">The dimension's values per agent, within the request's filter.</param>
    /// <param name="a">The value the request asks for as A, if any; likewise <paramref name="b"/>.</param>
    /// <returns>Null when no agent has a second value to compare with.</returns>
    public static CohortPair? Pick(IReadOnlyList<AgentValue> values, string? a, string? b)
    {
        var byAgent = values.GroupBy(v => v.Agent).ToList();
        var firstSeen = Merge(values).ToDictionary(v => v.Value, v => v.FirstSeen, StringComparer.Ordinal);
        if (a is not null && b is not null)
        {
            // Both named: the agent that has both (the one with the most of their runs), else the user asked for two agents.
            var shared = byAgent
                .Select(g => (Agent: g.Key, Runs: g.Where(v => v.Value == a || v.Value == b).ToList()))
                .Where(g => g.Runs.Count == 2)
                .OrderByDescending(g => g.Runs.Sum(v => v.Runs))
                .ThenBy(g => g.Agent, StringComparer.Ordinal)
                .FirstOrDefault();
            return new CohortPair(shared.Runs is null ? null : shared.Agent, a, b);
        }

        var candidates = new List<(CohortPair Pair, long Runs)>();
        foreach (var agent in byAgent)
        {
            var own = agent.OrderBy(v => v.FirstSeen).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            if ((a is not null && own.All(v => v.Value != a)) || (b is not null && own.All(v => v.Value != b)))
            {
                continue;
            }

            var others = own.Where(v => v.Value != a && v.Value != b).ToList();
            var pickedB = b ?? (others.Count > 0 ? others[^1].Value : null);
            var pickedA = a ?? others.LastOrDefault(v => v.Value != pickedB)?.Value;
            if (pickedA is not null && pickedB is not null)
            {
                candidates.Add((new CohortPair(agent.Key, pickedA, pickedB), own.Where(v => v.Value == pickedA || v.Value == pickedB).Sum(v => v.Runs)));
            }
        }

        // The latest change first; a change made to several agents at once goes to the agent with the most runs of it.
        return candidates
            .OrderByDescending(c => firstSeen[c.Pair.B])
            .ThenByDescending(c => c.Runs)
            .ThenBy(c => c.Pair.Agent, StringComparer.Ordinal)
            .Select(c => c.Pair)
            .FirstOrDefault();
    }

    /// <summary>
    /// Before-and-after's default instant: the latest version change, at its first run within one agent, and that
    /// agent, so that the cohorts on either side of it are the same agent's runs (another agent's traffic is no
    /// effect of the change). A change is a value's first appearance within an agent after another value of the same
    /// dimension there; a value rolled out to several agents is one change, given to the agent with the most runs of it
    /// (as <see cref="Pick"/> does), and dated by its first run anywhere.
    /// </summary>
    /// <param name="valuesPerDimension">For each version dimension, its values per agent within the filter.</param>
    /// <returns>Null when no agent's versions ever changed.</returns>
    public static (string? Agent, DateTime At)? LatestChange(IEnumerable<IReadOnlyList<AgentValue>> valuesPerDimension) => valuesPerDimension
        .SelectMany((values, dimension) => values.GroupBy(v => v.Agent)
            .SelectMany(agent => agent.OrderBy(v => v.FirstSeen).ThenBy(v => v.Value, StringComparer.Ordinal).Skip(1))
            .GroupBy(v => (dimension, v.Value)))
        .Select(change => (First: change.Min(v => v.FirstSeen), Owner: change
            .OrderByDescending(v => v.Runs).ThenBy(v => v.Agent, StringComparer.Ordinal).First()))
        .OrderByDescending(c => c.First)
        .ThenBy(c => c.Owner.Agent, StringComparer.Ordinal)
        .Select(c => ((string? Agent, DateTime At)?)(c.Owner.Agent, c.Owner.FirstSeen))
        .FirstOrDefault();

    /// <summary>The values over all agents, in order of first appearance.</summary>
    public static IReadOnlyList<DimensionValue> Merge(IEnumerable<AgentValue> values) => values
        .GroupBy(v => v.Value, StringComparer.Ordinal)
        .Select(g => new DimensionValue(g.Key, g.Min(v => v.FirstSeen), g.Max(v => v.LastSeen), g.Sum(v => v.Runs)))
        .OrderBy(v => v.FirstSeen)
        .ThenBy(v => v.Value, StringComparer.Ordinal)
        .ToList();
}
