using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// Compares two cohorts of runs. Every figure, percentile and rank sum is computed by the database; only one row
/// per cohort (or per step group and cohort) comes back. The run figures are exact; the step groups are read from the
/// rolled-up duration histograms where the range covers rolled-up hours (see <see cref="CohortComparison.StepGroupsEstimated"/>).
/// </summary>
public sealed class CohortComparisonQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    public const int HistogramBins = 30;

    /// <summary>How far either side of a change the default comparison looks.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromDays(1);
    public const string Before = "before";
    public const string After = "after";

    /// <summary>The values the dimension took within the filter, in order of first appearance.</summary>
    public async Task<IReadOnlyList<DimensionValue>> GetValuesAsync(CompareDimension dimension, RunFilter filter, CancellationToken cancellationToken = default) =>
        CohortDefaults.Merge(await GetValuesByAgentAsync(dimension, filter, cancellationToken));

    /// <summary>The values the dimension took within the filter, per agent: versions belong to an agent.</summary>
    public async Task<IReadOnlyList<AgentValue>> GetValuesByAgentAsync(CompareDimension dimension, RunFilter filter, CancellationToken cancellationToken = default)
    {
        if (dimension == CompareDimension.Time)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        if (dimension == CompareDimension.Model)
        {
            query.Append($"""
                SELECT r."AgentName", s."Model", MIN(s."StartTime"), MAX(s."StartTime"), COUNT(DISTINCT s."RunId")
                FROM {RunFilterSql.StepsWithRuns}
                WHERE s."Kind" = 'Model' AND s."Model" IS NOT NULL AND {where}
                GROUP BY r."AgentName", s."Model"
                """);
        }
        else
        {
            var column = RunFilterSql.Column("r", CompareDimensions.RunColumn(dimension)!);
            query.Append($"""
                SELECT r."AgentName", {column}, MIN(r."StartTime"), MAX(r."StartTime"), COUNT(*)
                FROM runs r WHERE {column} IS NOT NULL AND {where}
                GROUP BY r."AgentName", {column}
                """);
        }

        return await query.ReadAsync(db, reader => new AgentValue(
            reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), Utc(reader.GetDateTime(2)), Utc(reader.GetDateTime(3)), reader.Long(4)), cancellationToken);
    }

    /// <summary>
    /// Fills in what the request leaves out: the two latest values within one agent, whose name goes into the
    /// filter (see <see cref="CohortDefaults"/>; for before-and-after, the latest version change), and the time
    /// window around the change. Null when there is nothing to compare.
    /// </summary>
    public async Task<CohortRequest?> WithDefaultsAsync(CohortRequest request, CancellationToken cancellationToken = default)
    {
        DateTime? change;
        if (request.Dimension == CompareDimension.Time)
        {
            // An instant the request names is compared over the runs its filter selects; the default instant is
            // one agent's latest change, compared within that agent's runs.
            if (request.At is null)
            {
                if (await LatestChangeAsync(request.Filter, cancellationToken) is not { } latest)
                {
                    return null;
                }

                request = request with { At = latest.At, Filter = request.Filter with { Agent = request.Filter.Agent ?? latest.Agent } };
            }

            change = request.At;
        }
        else
        {
            var values = await GetValuesByAgentAsync(request.Dimension, request.Filter, cancellationToken);
            if (CohortDefaults.Pick(values, request.A, request.B) is not { } pair)
            {
                return null;
            }

            request = request with { A = pair.A, B = pair.B, Filter = request.Filter with { Agent = request.Filter.Agent ?? pair.Agent } };
            change = CohortDefaults.Merge(request.Filter.Agent is null ? values : values.Where(v => v.Agent == request.Filter.Agent))
                .FirstOrDefault(v => v.Value == pair.B)?.FirstSeen;
        }

        if (request.WholeRange || request.Filter.From is not null || request.Filter.To is not null || change is not { } at)
        {
            return request;
        }

        return request with { Filter = request.Filter with { From = at - ChangeWindow, To = at + ChangeWindow } };
    }

    /// <summary>The latest version change within one agent and that agent (see <see cref="CohortDefaults.LatestChange"/>); null when none ever changed.</summary>
    public async Task<(string? Agent, DateTime At)?> LatestChangeAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        var values = new List<IReadOnlyList<AgentValue>>();
        foreach (var dimension in CompareDimensions.Versions)
        {
            values.Add(await GetValuesByAgentAsync(dimension, filter, cancellationToken));
        }

        return CohortDefaults.LatestChange(values);
    }

    public async Task<CohortComparison> CompareAsync(CohortRequest request, CancellationToken cancellationToken = default)
    {
        var (a, b) = Values(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = await RunMeasuresAsync(db, request, a, b, cancellationToken);
        var enough = runs[0].Runs >= request.MinRuns && runs[1].Runs >= request.MinRuns;
        var validation = await ValidationAsync(db, request, a, b, cancellationToken);
        var (groups, estimated) = await StepGroupsAsync(db, request, a, b, runs[0].Runs, runs[1].Runs, enough, cancellationToken);
        var distribution = await DistributionAsync(db, request, a, b, runs, cancellationToken);
        var agents = await AgentsAsync(db, request, a, b, cancellationToken);
        var typical = await TypicalStratumAsync(db, request, a, b, cancellationToken);

        return new CohortComparison
        {
            Dimension = request.Dimension,
            A = a,
            B = b,
            At = request.At,
            Agent = request.Filter.Agent,
            AgentsA = agents[0],
            AgentsB = agents[1],
            MinRuns = request.MinRuns,
            RunsA = runs[0].Runs,
            RunsB = runs[1].Runs,
            Metrics = CohortMetrics.From(runs[0], runs[1], validation[0], validation[1], enough),
            StepGroups = groups,
            StepGroupsEstimated = estimated,
            Distribution = distribution,
            TypicalAgent = typical?.Agent,
            TypicalRoute = typical?.Route,
            TypicalRunA = typical is { } ta ? await TypicalRunAsync(db, request, a, b, cohort: 0, ta.Agent, ta.Route, cancellationToken) : null,
            TypicalRunB = typical is { } tb ? await TypicalRunAsync(db, request, a, b, cohort: 1, tb.Agent, tb.Route, cancellationToken) : null,
        };
    }

    /// <summary>
    /// A run of cohort B that shows the step group at its worst (a failed step, else the slowest), and the typical
    /// run of A of the same agent and route to diff it against: a run of another agent or route differs in every
    /// step. Null when B never ran the step, or A has no successful run of that agent and route.
    /// </summary>
    public async Task<RunPair?> WorstRunPairAsync(CohortRequest request, StepKind kind, string name, CancellationToken cancellationToken = default)
    {
        var (a, b) = Values(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        query.Append($"""
            SELECT s."RunId", cohort.agent, cohort.route FROM {CohortSql.StepsOfCohort(query.Dialect)}
            WHERE {CohortSql.StepsOfCohortJoin} AND cohort.c = 1 AND s."Kind" = {query.Parameter(kind.ToString())} AND {StepGroup.NameSql("s")} = {query.Parameter(name)}
            ORDER BY {StepGroup.FailedSql("s")} DESC, s."DurationMs" DESC, s."RunId"
            LIMIT 1
            """);
        var worst = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Agent: reader.IsDBNull(1) ? null : reader.GetString(1), Route: reader.IsDBNull(2) ? null : reader.GetString(2)), cancellationToken);
        if (worst.Count == 0)
        {
            return null;
        }

        var w = worst[0];
        var typical = await TypicalRunAsync(db, request, a, b, cohort: 0, w.Agent, w.Route, cancellationToken);
        return typical is null ? null : new RunPair(typical, w.Run);
    }

    private static (string A, string B) Values(CohortRequest request) => request.Dimension == CompareDimension.Time
        ? (Before, After)
        : (request.A ?? throw new ArgumentException("Value A is missing.", nameof(request)), request.B ?? throw new ArgumentException("Value B is missing.", nameof(request)));

    /// <returns>Index 0 is cohort A, 1 is cohort B.</returns>
    private static async Task<CohortMeasures[]> RunMeasuresAsync(TraceDbContext db, CohortRequest request, string a, string b, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        var dialect = query.Dialect;
        query.Append($"""
            , ranked AS (
                SELECT c, run_id, duration, failed, steps, tool_calls, tokens,
                    {PercentileSql.RankColumns("duration", "c")},
                    {RankSumSql.Columns("duration", "duration")},
                    {RankSumSql.Columns("steps", "steps")},
                    {RankSumSql.Columns("tool_calls", "tool_calls")},
                    {RankSumSql.Columns("tokens", "tokens")}
                FROM cohort)
            SELECT c, COUNT(*), SUM(failed), AVG(steps), AVG(tool_calls), AVG(tokens),
                {PercentileSql.Of(dialect, "duration", 50)}, {PercentileSql.Of(dialect, "duration", 95)}, {PercentileSql.Of(dialect, "duration", 99)},
                SUM(duration_rank), SUM(steps_rank), SUM(tool_calls_rank), SUM(tokens_rank),
                {RankSumSql.TieTerm("duration")}, {RankSumSql.TieTerm("steps")}, {RankSumSql.TieTerm("tool_calls")}, {RankSumSql.TieTerm("tokens")},
                SUM(CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d."RunId" = ranked.run_id AND d."Kind" = 'PolicyBlock') THEN 1 ELSE 0 END),
                SUM(CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d."RunId" = ranked.run_id AND d."Kind" = 'Fallback') THEN 1 ELSE 0 END),
                SUM(CASE WHEN EXISTS (SELECT 1 FROM complaints k WHERE k."RunId" = ranked.run_id) THEN 1 ELSE 0 END)
            FROM ranked GROUP BY c
            """);
        var rows = await query.ReadAsync(db, reader => (Cohort: reader.Long(0), Measures: new CohortMeasures
        {
            Runs = reader.Long(1),
            Failed = reader.Long(2),
            MeanSteps = reader.Double(3),
            MeanToolCalls = reader.Double(4),
            MeanTokens = reader.Double(5),
            P50Ms = reader.Double(6),
            P95Ms = reader.Double(7),
            P99Ms = reader.Double(8),
            RankSums = [reader.Double(9), reader.Double(10), reader.Double(11), reader.Double(12)],
            TieTerms = [reader.Double(13), reader.Double(14), reader.Double(15), reader.Double(16)],
            PolicyBlocked = reader.Long(17),
            FellBack = reader.Long(18),
            Complained = reader.Long(19),
        }), cancellationToken);
        return [.. Enumerable.Range(0, 2).Select(c => rows.FirstOrDefault(r => r.Cohort == c).Measures ?? CohortMeasures.Empty)];
    }

    /// <returns>(validation steps, failed) per cohort, exact: the rolled-up hours' checks counted by run dimensions, and the steps of the rest.</returns>
    private async Task<(long Steps, long Failed)[]> ValidationAsync(TraceDbContext db, CohortRequest request, string a, string b, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ScopeAsync(db, query, request, cancellationToken);
        CohortSql.AppendCohort(query, request, a, b);
        query.Append($"""
            , parts AS (
                SELECT cohort.c AS c, COUNT(*) AS checks, SUM({ValidationSql.Failed()}) AS failed
                FROM {CohortSql.StepsOfCohort(query.Dialect)}
                WHERE {CohortSql.StepsOfCohortJoin} AND s."Kind" = 'Validate' AND {RollupCoverage.Condition(query, "cohort.started", scope.Coverage.Raw)}
                GROUP BY cohort.c
            """);
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT c, SUM(checks), SUM(failed) FROM (
                    SELECT {CohortSql.Of(query, request, a, b, "u", "Hour")} AS c, u."Checks" AS checks, CASE WHEN u."Failed" THEN u."Checks" ELSE 0 END AS failed
                    FROM rollup_validation u
                    WHERE {scope.RollupWhere("u")}) x
                WHERE c IS NOT NULL
                GROUP BY c
                """);
        }

        query.Append(")\nSELECT c, SUM(checks), SUM(failed) FROM parts GROUP BY c");
        var rows = await query.ReadAsync(db, reader => (Cohort: reader.Long(0), Steps: reader.Long(1), Failed: reader.Long(2)), cancellationToken);
        return [.. Enumerable.Range(0, 2).Select(c => rows.Where(r => r.Cohort == c).Select(r => (r.Steps, r.Failed)).FirstOrDefault())];
    }

    private async Task<(IReadOnlyList<StepGroupComparison> Groups, bool Estimated)> StepGroupsAsync(
        TraceDbContext db, CohortRequest request, string a, string b, long runsA, long runsB, bool enoughRuns, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ScopeAsync(db, query, request, cancellationToken);
        CohortSql.AppendCohort(query, request, a, b);
        if (scope.HasRollups)
        {
            AppendBinnedGroups(query, scope, request, a, b);
        }
        else
        {
            AppendExactGroups(query);
        }

        var rows = await query.ReadAsync(db, reader => new
        {
            Kind = Enum.Parse<StepKind>(reader.GetString(0)),
            Name = reader.GetString(1),
            Cohort = reader.Long(2),
            Count = reader.Long(3),
            Failures = reader.Long(4),
            TotalMs = reader.Double(5),
            P50 = reader.Double(6),
            P95 = reader.Double(7),
            RankSum = reader.Double(8),
            TieTerm = reader.Double(9),
        }, cancellationToken);

        var comparisons = rows.GroupBy(r => (r.Kind, r.Name)).Select(group =>
        {
            var inA = group.FirstOrDefault(r => r.Cohort == 0);
            var inB = group.FirstOrDefault(r => r.Cohort == 1);
            var statsA = inA is null ? StepGroupStats.None : new StepGroupStats(inA.Count, inA.Failures, inA.P50, inA.P95, inA.TotalMs, PerRun(inA.Count, runsA));
            var statsB = inB is null ? StepGroupStats.None : new StepGroupStats(inB.Count, inB.Failures, inB.P50, inB.P95, inB.TotalMs, PerRun(inB.Count, runsB));

            // Ranked as B against A, so that z > 0 means B's steps are slower.
            var latency = MannWhitney.FromRankSum(statsB.Count, statsA.Count, inB?.RankSum ?? 0, (inA?.TieTerm ?? 0) + (inB?.TieTerm ?? 0));
            return new StepGroupComparison
            {
                Kind = group.Key.Kind,
                Name = group.Key.Name,
                A = statsA,
                B = statsB,
                Latency = latency,
                Failures = TwoProportions.Test(statsA.Failures, statsA.Count, statsB.Failures, statsB.Count),
                Calls = PoissonRates.Test(statsA.Count, runsA, statsB.Count, runsB),
            };
        })
        .ToList();

        // Too few runs on either side: the steps' tests are shown, never claimed, like the run metrics.
        var significant = enoughRuns ? MultipleComparisons.Significant(comparisons.SelectMany(g => new[] { g.Latency, g.Failures, g.Calls })) : new HashSet<TestResult>();
        var ordered = comparisons
            .Select(g => g with
            {
                LatencyWorse = g.Latency.Z > 0 && significant.Contains(g.Latency),
                FailuresWorse = g.Failures.Z > 0 && significant.Contains(g.Failures),
                CallsWorse = !g.IsNew && g.Calls.Z > 0 && significant.Contains(g.Calls),
            })
            .OrderByDescending(g => g.Regressed)
            .ThenByDescending(g => g.Kind != StepKind.Other) // an agent step before the HTTP or database span inside it
            .ThenByDescending(g => g.Worsening)
            .ThenBy(g => g.Kind)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        return (ordered, scope.HasRollups);
    }

    /// <summary>
    /// Per step group and cohort (kind, name, c): steps, failures, total, p50, p95, the rank sum and the tie term,
    /// exact: percentiles and Mann–Whitney ranks from window functions over every step of both cohorts, sorted once.
    /// </summary>
    private static void AppendExactGroups(SqlQuery query)
    {
        var dialect = query.Dialect;
        query.Append($"""
            , grouped AS (
                SELECT cohort.c, s."Kind" AS kind, {StepGroup.NameSql("s")} AS name, s."DurationMs" AS v, {StepGroup.FailedSql("s")} AS failed
                FROM {CohortSql.StepsOfCohort(dialect)}
                WHERE {CohortSql.StepsOfCohortJoin}),
            pooled AS (
                SELECT c, kind, name, v, failed,
                    {RankSumSql.SharedSortColumns("v", "w")},
                    SUM(CASE WHEN c = 0 THEN 1 ELSE 0 END) OVER (w ROWS UNBOUNDED PRECEDING) AS seen_a,
                    SUM(CASE WHEN c = 1 THEN 1 ELSE 0 END) OVER (w ROWS UNBOUNDED PRECEDING) AS seen_b,
                    SUM(CASE WHEN c = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY kind, name) AS n_a,
                    SUM(CASE WHEN c = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY kind, name) AS n_b
                FROM grouped
                WINDOW w AS (PARTITION BY kind, name ORDER BY v)),
            ranked AS (
                -- Each row's 0-based rank within its own cohort, from running counts over the one pooled sort.
                SELECT c, kind, name, v, failed, v_rank, v_ties,
                    CASE WHEN c = 0 THEN seen_a ELSE seen_b END - 1 AS i,
                    CASE WHEN c = 0 THEN n_a ELSE n_b END AS n
                FROM pooled)
            SELECT kind, name, c, COUNT(*), SUM(failed), SUM(v),
                {PercentileSql.Of(dialect, "v", 50)}, {PercentileSql.Of(dialect, "v", 95)},
                SUM(v_rank), {RankSumSql.TieTerm("v")}
            FROM ranked GROUP BY kind, name, c
            """);
    }

    /// <summary>
    /// The same columns as <see cref="AppendExactGroups"/> from duration histograms: the rolled-up hours (and whole
    /// days) of the cohorts' dimensions, and the steps of the rest bucketed the same way (<see cref="DurationHistogram"/>).
    /// Counts, failures and totals stay exact; percentiles are within 1 %; the rank test ranks the buckets, each a tie
    /// of its steps.
    /// </summary>
    private static void AppendBinnedGroups(SqlQuery query, ReportScope scope, CohortRequest request, string a, string b)
    {
        var dialect = query.Dialect;

        // An instant can fall inside a day: before and after are read from whole hours only (the scope left the
        // hour it falls in to the steps).
        var (days, hours) = request.Dimension == CompareDimension.Time ? ([], scope.Coverage.Rollups) : scope.Coverage.SplitDays();
        string Rollup(string table, IReadOnlyList<RunTimeRange> ranges) => ranges.Count == 0 ? "" : $"""

                UNION ALL
                SELECT c, kind, name, b, SUM(n), SUM(f), SUM(v), MAX(top) FROM (
                    SELECT {CohortSql.Of(query, request, a, b, "u", "Hour")} AS c, u."Kind" AS kind, {StepGroup.NameSql("u")} AS name,
                        u."Bucket" AS b, u."Steps" AS n, u."Failures" AS f, u."TotalMs" AS v, u."MaxMs" AS top
                    FROM {table} u
                    WHERE {scope.RollupWhere("u", ranges)}) x
                WHERE c IS NOT NULL
                GROUP BY c, kind, name, b
            """;

        var bucket = DurationHistogram.BucketSql("s.\"DurationMs\"");
        var name = StepGroup.NameSql("s");
        string AtMostTop(string column) => $"CASE WHEN {column} > top THEN top ELSE {column} END";
        query.Append($"""
            , parts AS (
                SELECT cohort.c AS c, s."Kind" AS kind, {name} AS name, {bucket} AS b, COUNT(*) AS n, SUM({StepGroup.FailedSql("s")}) AS f,
                    SUM(s."DurationMs") AS v, MAX(s."DurationMs") AS top
                FROM {CohortSql.StepsOfCohort(dialect)}
                WHERE {CohortSql.StepsOfCohortJoin} AND {RollupCoverage.Condition(query, "cohort.started", scope.Coverage.Raw)}
                GROUP BY cohort.c, s."Kind", {name}, {bucket}{Rollup("rollup_step_hours", hours)}{Rollup("rollup_step_days", days)}),
            hist AS (SELECT c, kind, name, b, SUM(n) AS n, SUM(f) AS f, SUM(v) AS v, MAX(top) AS top FROM parts GROUP BY c, kind, name, b),
            ranked AS (
                -- A bucket's steps of both cohorts tie: they share the mean of the ranks the pooled buckets give them.
                SELECT c, kind, name, b, n, f, v, top, {HistogramPercentileSql.RankColumns("c, kind, name")},
                    SUM(n) OVER (PARTITION BY kind, name ORDER BY b RANGE UNBOUNDED PRECEDING) AS pooled_through,
                    SUM(n) OVER (PARTITION BY kind, name, b) AS tied
                FROM hist),
            estimated AS (
                SELECT kind, name, c, SUM(n) AS n, SUM(f) AS f, SUM(v) AS v, MAX(top) AS top,
                    {HistogramPercentileSql.Of(dialect, 50)} AS p50, {HistogramPercentileSql.Of(dialect, 95)} AS p95,
                    SUM(n * (pooled_through - tied + (tied + 1) / 2.0)) AS rank_sum, SUM(n * (tied * tied - 1.0)) AS tie_term
                FROM ranked GROUP BY kind, name, c)
            SELECT kind, name, c, n, f, v, {AtMostTop("p50")}, {AtMostTop("p95")}, rank_sum, tie_term FROM estimated
            """);
    }

    /// <summary>The shares of each cohort's runs in equal-width latency bins up to the larger p99, with one open bin above.</summary>
    private static async Task<IReadOnlyList<DistributionBin>> DistributionAsync(
        TraceDbContext db, CohortRequest request, string a, string b, CohortMeasures[] runs, CancellationToken cancellationToken)
    {
        var upper = new[] { runs[0].P99Ms, runs[1].P99Ms }.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        if (upper <= 0 || runs[0].Runs + runs[1].Runs == 0)
        {
            return [];
        }

        var width = upper / HistogramBins;
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        var widthParameter = query.Parameter(width);
        var bin = $"CASE WHEN duration >= {query.Parameter(upper)} THEN {HistogramBins} ELSE {query.Dialect.FloorOfNonNegative($"duration / {widthParameter}")} END";
        query.Append($"SELECT c, {bin} AS bin, COUNT(*) FROM cohort GROUP BY c, bin");
        var counts = await query.ReadAsync(db, reader => (Cohort: reader.Long(0), Bin: (int)reader.Long(1), Count: reader.Long(2)), cancellationToken);

        double Share(int cohort, int index) =>
            runs[cohort].Runs == 0 ? 0 : (double)counts.Where(c => c.Cohort == cohort && c.Bin == index).Sum(c => c.Count) / runs[cohort].Runs;
        return Enumerable.Range(0, HistogramBins + 1)
            .Select(i => new DistributionBin(i * width, i == HistogramBins ? null : (i + 1) * width, Share(0, i), Share(1, i)))
            .ToList();
    }

    /// <returns>The agents of each cohort's runs (index 0 is A), from the runs alone.</returns>
    private static async Task<IReadOnlyList<string>[]> AgentsAsync(TraceDbContext db, CohortRequest request, string a, string b, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        query.Append("SELECT c, agent FROM cohort WHERE agent IS NOT NULL GROUP BY c, agent");
        var rows = await query.ReadAsync(db, reader => (Cohort: reader.Long(0), Agent: reader.GetString(1)), cancellationToken);
        return [.. Enumerable.Range(0, 2).Select(c => (IReadOnlyList<string>)rows.Where(r => r.Cohort == c).Select(r => r.Agent).Order(StringComparer.Ordinal).ToList())];
    }

    /// <summary>
    /// The agent and route whose typical runs are compared: the one with the most successful runs on the side that
    /// has fewer, so both typical runs ran the same path. Null when no agent and route has successful runs in both.
    /// </summary>
    private static async Task<(string? Agent, string? Route)?> TypicalStratumAsync(TraceDbContext db, CohortRequest request, string a, string b, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        query.Append("""
            SELECT agent, route, SUM(CASE WHEN c = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN c = 1 THEN 1 ELSE 0 END)
            FROM cohort WHERE failed = 0 GROUP BY agent, route
            """);
        var strata = await query.ReadAsync(db, reader => (
            Agent: reader.IsDBNull(0) ? null : reader.GetString(0), Route: reader.IsDBNull(1) ? null : reader.GetString(1), A: reader.Long(2), B: reader.Long(3)), cancellationToken);
        return strata
            .Where(s => s.A > 0 && s.B > 0)
            .OrderByDescending(s => Math.Min(s.A, s.B))
            .ThenByDescending(s => s.A + s.B)
            .ThenBy(s => s.Agent, StringComparer.Ordinal)
            .ThenBy(s => s.Route, StringComparer.Ordinal)
            .Select(s => ((string? Agent, string? Route)?)(s.Agent, s.Route))
            .FirstOrDefault();
    }

    /// <summary>The successful run of the cohort, agent and route whose latency is nearest the median of those runs.</summary>
    private static async Task<string?> TypicalRunAsync(
        TraceDbContext db, CohortRequest request, string a, string b, int cohort, string? agent, string? route, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b);
        var dialect = query.Dialect;
        query.Append($"""
            , ok AS (
                SELECT c, run_id, duration FROM cohort
                WHERE c = {query.Parameter(cohort)} AND failed = 0 AND {CohortSql.Is(query, "agent", agent)} AND {CohortSql.Is(query, "route", route)}),
            ranked AS (SELECT duration, {PercentileSql.RankColumns("duration", "c")} FROM ok),
            median AS (SELECT {PercentileSql.Of(dialect, "duration", 50)} AS m FROM ranked)
            SELECT ok.run_id FROM ok CROSS JOIN median
            ORDER BY ABS(ok.duration - median.m), ok.run_id
            LIMIT 1
            """);
        return (await query.ReadAsync(db, reader => reader.GetString(0), cancellationToken)).FirstOrDefault();
    }

    /// <summary>The hours of the comparison's range that rollups answer; a before-and-after one reads the hour of its instant from the steps.</summary>
    private Task<ReportScope> ScopeAsync(TraceDbContext db, SqlQuery query, CohortRequest request, CancellationToken cancellationToken) =>
        ReportScope.CreateAsync(db, query, request.Filter, clock.GetUtcNow().UtcDateTime, cancellationToken,
            splitAt: request.Dimension == CompareDimension.Time ? request.At : null);

    private static double PerRun(long count, long runs) => runs == 0 ? 0 : (double)count / runs;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
