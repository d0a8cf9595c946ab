using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// The two cohorts' runs as the counts <see cref="CohortRunSql"/> returns, and what follows from them: each cohort's
/// measures, the rank tests, the latency histogram, the agents and the typical runs' agent and route. Counts, rates and
/// means are exact; latency percentiles and the latency and token rank tests are read from buckets 2 % wide
/// (<see cref="DurationHistogram"/>), within 1 %; the steps and tool-call tests rank every value.
/// </summary>
internal sealed class CohortRunCounts
{
    private readonly IReadOnlyList<RunBucket> _runs;
    private readonly IReadOnlyDictionary<(string Measure, int Cohort), long> _flagged;

    private CohortRunCounts(IReadOnlyList<RunBucket> runs, IReadOnlyList<PooledCount> steps, IReadOnlyList<PooledCount> toolCalls,
        IReadOnlyList<PooledCount> tokens, IReadOnlyDictionary<(string, int), long> flagged)
    {
        _runs = runs;
        _flagged = flagged;
        Durations = PooledCounts.Of(runs.Select(r => r.Count));
        Steps = steps;
        ToolCalls = toolCalls;
        Tokens = tokens;
    }

    /// <summary>Runs per duration bucket, valued at the bucket's value.</summary>
    public IReadOnlyList<PooledCount> Durations { get; }

    public IReadOnlyList<PooledCount> Steps { get; }

    public IReadOnlyList<PooledCount> ToolCalls { get; }

    /// <summary>Runs per token bucket, valued at the bucket's value.</summary>
    public IReadOnlyList<PooledCount> Tokens { get; }

    public static async Task<CohortRunCounts> ReadAsync(TraceDbContext db, CohortRequest request, string a, string b, CancellationToken cancellationToken)
    {
        var rows = await CohortRunSql.Counts(SqlDialect.For(db), request, a, b).ReadAsync(db, reader => new
        {
            Measure = reader.GetString(reader.GetOrdinal("measure")),
            Cohort = (int)reader.Long("c"),
            Value = reader.Double("v"),
            Agent = reader.Text("agent"),
            Route = reader.Text("route"),
            Count = reader.Long("n"),
            Failed = reader.Long("failed"),
            Total = reader.Double("total"),
        }, cancellationToken);

        PooledCount Count(double value, int cohort, long count) => cohort == 0 ? new(value, count, 0) : new(value, 0, count);
        IReadOnlyList<PooledCount> PerValue(string measure, Func<double, double> value) =>
            PooledCounts.Of(rows.Where(r => r.Measure == measure).Select(r => Count(value(r.Value), r.Cohort, r.Count)));
        double BucketValue(double bucket) => DurationHistogram.ValueOf((int)bucket);

        var runs = rows.Where(r => r.Measure == CohortRunSql.Runs)
            .Select(r => new RunBucket(r.Cohort, r.Agent, r.Route, Count(BucketValue(r.Value), r.Cohort, r.Count), r.Failed, r.Total))
            .ToList();
        var flagged = rows.Where(r => r.Measure is CohortRunSql.PolicyBlocked or CohortRunSql.FellBack or CohortRunSql.Complained)
            .ToDictionary(r => (r.Measure, r.Cohort), r => r.Count);
        return new CohortRunCounts(runs, PerValue(CohortRunSql.Steps, v => v), PerValue(CohortRunSql.ToolCalls, v => v),
            PerValue(CohortRunSql.Tokens, BucketValue), flagged);
    }

    public long Runs(int cohort) => _runs.Where(r => r.Cohort == cohort).Sum(r => r.Runs);

    public CohortMeasures Measures(int cohort)
    {
        var runs = Runs(cohort);
        if (runs == 0)
        {
            return CohortMeasures.Empty;
        }

        var ofB = cohort == 1;
        return new CohortMeasures
        {
            Runs = runs,
            Failed = _runs.Where(r => r.Cohort == cohort).Sum(r => r.Failed),
            MeanSteps = PooledCounts.Mean(Steps, ofB),
            MeanToolCalls = PooledCounts.Mean(ToolCalls, ofB),
            MeanTokens = _runs.Where(r => r.Cohort == cohort).Sum(r => r.Tokens) / runs,
            P50Ms = PooledCounts.Percentile(Durations, ofB, 50),
            P95Ms = PooledCounts.Percentile(Durations, ofB, 95),
            P99Ms = PooledCounts.Percentile(Durations, ofB, 99),
            PolicyBlocked = _flagged.GetValueOrDefault((CohortRunSql.PolicyBlocked, cohort)),
            FellBack = _flagged.GetValueOrDefault((CohortRunSql.FellBack, cohort)),
            Complained = _flagged.GetValueOrDefault((CohortRunSql.Complained, cohort)),
        };
    }

    /// <returns>The agents of the cohort's runs, by name.</returns>
    public IReadOnlyList<string> Agents(int cohort) =>
        _runs.Where(r => r.Cohort == cohort && r.Agent is not null).Select(r => r.Agent!).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The agent and route whose typical runs are compared: the one with the most successful runs on the side that
    /// has fewer, so both typical runs ran the same path. Null when no agent and route has successful runs in both.
    /// </summary>
    public (string? Agent, string? Route)? TypicalStratum() =>
        _runs.GroupBy(r => (r.Agent, r.Route))
            .Select(g => (g.Key.Agent, g.Key.Route, A: g.Where(r => r.Cohort == 0).Sum(r => r.Succeeded), B: g.Where(r => r.Cohort == 1).Sum(r => r.Succeeded)))
            .Where(s => s.A > 0 && s.B > 0)
            .OrderByDescending(s => Math.Min(s.A, s.B))
            .ThenByDescending(s => s.A + s.B)
            .ThenBy(s => s.Agent, StringComparer.Ordinal)
            .ThenBy(s => s.Route, StringComparer.Ordinal)
            .Select(s => ((string? Agent, string? Route)?)(s.Agent, s.Route))
            .FirstOrDefault();

    /// <summary>The median latency of the cohort's successful runs of one agent and route (within 1 %); NaN when it has none.</summary>
    public double MedianOfSucceeded(int cohort, string? agent, string? route)
    {
        var succeeded = _runs
            .Where(r => r.Cohort == cohort && r.Agent == agent && r.Route == route)
            .Select(r => new PooledCount(r.Count.Value, r.Succeeded, 0));
        return PooledCounts.Percentile(PooledCounts.Of(succeeded), ofB: false, 50);
    }

    /// <summary>The shares of each cohort's runs in <paramref name="bins"/> equal-width latency bins up to the larger p99, with one open bin above.</summary>
    public IReadOnlyList<DistributionBin> Distribution(int bins)
    {
        var upper = new[] { PooledCounts.Percentile(Durations, false, 99), PooledCounts.Percentile(Durations, true, 99) }
            .Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        long runsA = Runs(0), runsB = Runs(1);
        if (upper <= 0 || runsA + runsB == 0)
        {
            return [];
        }

        var width = upper / bins;
        var counts = new (long A, long B)[bins + 1];
        foreach (var bucket in Durations)
        {
            var bin = bucket.Value >= upper ? bins : (int)Math.Floor(bucket.Value / width);
            counts[bin] = (counts[bin].A + bucket.A, counts[bin].B + bucket.B);
        }

        double Share(long count, long runs) => runs == 0 ? 0 : (double)count / runs;
        return Enumerable.Range(0, bins + 1)
            .Select(i => new DistributionBin(i * width, i == bins ? null : (i + 1) * width, Share(counts[i].A, runsA), Share(counts[i].B, runsB)))
            .ToList();
    }

    /// <summary>The runs of one cohort, agent, route and duration bucket.</summary>
    private sealed record RunBucket(int Cohort, string? Agent, string? Route, PooledCount Count, long Failed, double Tokens)
    {
        public long Runs => Count.Total;

        public long Succeeded => Runs - Failed;
    }
}
