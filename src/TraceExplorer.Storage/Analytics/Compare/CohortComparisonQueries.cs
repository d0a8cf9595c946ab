using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Compare;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// Compares two cohorts of runs. The database reads the runs once and returns them as counts: per duration bucket,
/// agent and route, per value of steps and tool calls (see <see cref="CohortRunCounts"/>), and per step group and
/// duration bucket, from the rolled-up hours where the range covers them (see
/// <see cref="CohortComparison.StepGroupsEstimated"/>); the percentiles and rank tests are computed from those few
/// rows. Counts and rates are exact; latency percentiles are within 1 %.
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
        if (dimension != CompareDimension.Model)
        {
            return await VersionValues.ReadAsync(db, CompareDimensions.RunColumn(dimension)!, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        // A run names its models in one column: which runs used a model is read from their model steps.
        var query = new SqlQuery(SqlDialect.For(db));
        query.Append($"""
            SELECT r."AgentName", s."Model", MIN(s."StartTime"), MAX(s."StartTime"), COUNT(DISTINCT s."RunId")
            FROM {RunFilterSql.StepsWithRuns}
            WHERE s."Kind" = {SqlEnum.Literal(StepKind.Model)} AND s."Model" IS NOT NULL AND {RunFilterSql.Where(query, filter)}
            GROUP BY r."AgentName", s."Model"
            """);
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
        var runs = await CohortRunCounts.ReadAsync(db, request, a, b, cancellationToken);
        long runsA = runs.Runs(0), runsB = runs.Runs(1);
        var enough = runsA >= request.MinRuns && runsB >= request.MinRuns;
        var validation = await ValidationAsync(db, request, a, b, cancellationToken);
        var (groups, estimated) = await StepGroupsAsync(db, request, a, b, runsA, runsB, enough, cancellationToken);
        var typical = runs.TypicalStratum();
        async Task<string?> TypicalAsync(int cohort) => typical is { } stratum
            ? await TypicalRunAsync(db, request, a, b, cohort, stratum.Agent, stratum.Route, runs.MedianOfSucceeded(cohort, stratum.Agent, stratum.Route), cancellationToken)
            : null;
        var typicalA = await TypicalAsync(0);
        var typicalB = await TypicalAsync(1);

        return new CohortComparison
        {
            Dimension = request.Dimension,
            A = a,
            B = b,
            At = request.At,
            Agent = request.Filter.Agent,
            AgentsA = runs.Agents(0),
            AgentsB = runs.Agents(1),
            MinRuns = request.MinRuns,
            RunsA = runsA,
            RunsB = runsB,
            Metrics = CohortMetrics.From(runs, validation[0], validation[1], enough),
            StepGroups = groups,
            StepGroupsEstimated = estimated,
            Distribution = runs.Distribution(HistogramBins),
            TypicalAgent = typical?.Agent,
            TypicalRoute = typical?.Route,
            TypicalRunA = typicalA,
            TypicalRunB = typicalB,
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
        var runs = await CohortRunCounts.ReadAsync(db, request, a, b, cancellationToken);
        var typical = await TypicalRunAsync(db, request, a, b, cohort: 0, w.Agent, w.Route, runs.MedianOfSucceeded(0, w.Agent, w.Route), cancellationToken);
        return typical is null ? null : new RunPair(typical, w.Run);
    }

    private static (string A, string B) Values(CohortRequest request) => request.Dimension == CompareDimension.Time
        ? (Before, After)
        : (request.A ?? throw new ArgumentException("Value A is missing.", nameof(request)), request.B ?? throw new ArgumentException("Value B is missing.", nameof(request)));

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
                WHERE {CohortSql.StepsOfCohortJoin} AND s."Kind" = {SqlEnum.Literal(StepKind.Validate)} AND {RollupCoverage.Condition(query, "cohort.started", scope.Coverage.Raw)}
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
        IReadOnlyList<StepGroupSides> sides;
        if (scope.HasRollups)
        {
            AppendBinnedGroups(query, scope, request, a, b);
            sides = StepGroupSides.FromBuckets(await query.ReadAsync(db, reader => new StepGroupBucket(
                Enum.Parse<StepKind>(reader.GetString(reader.GetOrdinal("kind"))), reader.GetString(reader.GetOrdinal("name")), (int)reader.Long("c"),
                DurationHistogram.ValueOf((int)reader.Long("b")), reader.Long("n"), reader.Long("f"), reader.Double("v"), reader.Double("top")), cancellationToken), runsA, runsB);
        }
        else
        {
            AppendExactGroups(query);
            sides = StepGroupSides.FromExact(await query.ReadAsync(db, reader => new StepGroupExact(
                Enum.Parse<StepKind>(reader.GetString(reader.GetOrdinal("kind"))), reader.GetString(reader.GetOrdinal("name")), (int)reader.Long("c"),
                reader.Long("steps"), reader.Long("failures"), reader.Double("total_ms"), reader.Double("p50"), reader.Double("p95"), reader.Double("rank_sum"), reader.Double("tie_term")), cancellationToken), runsA, runsB);
        }

        return (StepGroupVerdicts.Judge(sides, runsA, runsB, enoughRuns), scope.HasRollups);
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
            SELECT kind, name, c, COUNT(*) AS steps, SUM(failed) AS failures, SUM(v) AS total_ms,
                {PercentileSql.Of(dialect, "v", 50)} AS p50, {PercentileSql.Of(dialect, "v", 95)} AS p95,
                SUM(v_rank) AS rank_sum, {RankSumSql.TieTerm("v")} AS tie_term
            FROM ranked GROUP BY kind, name, c
            """);
    }

    /// <summary>
    /// The step groups' duration histograms per cohort (c, kind, name, bucket b: steps n, failures f, total v, longest
    /// top; see <see cref="StepGroupSides.FromBuckets"/>): the rolled-up hours (and whole days) of the cohorts'
    /// dimensions, and the steps of the rest bucketed the same way (<see cref="DurationHistogram"/>).
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
        query.Append($"""
            , parts AS (
                SELECT cohort.c AS c, s."Kind" AS kind, {name} AS name, {bucket} AS b, COUNT(*) AS n, SUM({StepGroup.FailedSql("s")}) AS f,
                    SUM(s."DurationMs") AS v, MAX(s."DurationMs") AS top
                FROM {CohortSql.StepsOfCohort(dialect)}
                WHERE {CohortSql.StepsOfCohortJoin} AND {RollupCoverage.Condition(query, "cohort.started", scope.Coverage.Raw)}
                GROUP BY cohort.c, s."Kind", {name}, {bucket}{Rollup("rollup_step_hours", hours)}{Rollup("rollup_step_days", days)})
            SELECT c, kind, name, b, SUM(n) AS n, SUM(f) AS f, SUM(v) AS v, MAX(top) AS top FROM parts GROUP BY c, kind, name, b
            """);
    }

    /// <summary>
    /// The successful run of the cohort, agent and route whose latency is nearest <paramref name="medianMs"/> (the
    /// median of those runs): the nearest at or above it and the nearest below, read in latency order, the closer
    /// kept. Null when there is no such run.
    /// </summary>
    private static async Task<string?> TypicalRunAsync(
        TraceDbContext db, CohortRequest request, string a, string b, int cohort, string? agent, string? route, double medianMs, CancellationToken cancellationToken)
    {
        if (double.IsNaN(medianMs))
        {
            return null;
        }

        var query = new SqlQuery(SqlDialect.For(db));
        CohortSql.AppendCohort(query, request, a, b, CohortReading.ByDuration);
        var median = query.Parameter(medianMs);
        var ok = $"c = {query.Parameter(cohort)} AND failed = 0 AND {CohortSql.Is(query, "agent", agent)} AND {CohortSql.Is(query, "route", route)}";
        query.Append($"""
            SELECT run_id, duration FROM (SELECT run_id, duration FROM cohort WHERE {ok} AND duration >= {median} ORDER BY duration, run_id LIMIT 1) above
            UNION ALL
            SELECT run_id, duration FROM (SELECT run_id, duration FROM cohort WHERE {ok} AND duration < {median} ORDER BY duration DESC, run_id LIMIT 1) below
            """);
        var nearest = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Distance: Math.Abs(reader.Double(1) - medianMs)), cancellationToken);
        return nearest.OrderBy(n => n.Distance).ThenBy(n => n.Run, StringComparer.Ordinal).Select(n => n.Run).FirstOrDefault();
    }

    /// <summary>The hours of the comparison's range that rollups answer; a before-and-after one reads the hour of its instant from the steps.</summary>
    private Task<ReportScope> ScopeAsync(TraceDbContext db, SqlQuery query, CohortRequest request, CancellationToken cancellationToken) =>
        ReportScope.CreateAsync(db, query, request.Filter, clock.GetUtcNow().UtcDateTime, cancellationToken,
            splitAt: request.Dimension == CompareDimension.Time ? request.At : null);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
