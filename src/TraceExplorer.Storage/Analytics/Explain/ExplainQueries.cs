using System.Data.Common;
using TraceExplorer.Core.Explain;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// What sets a symptom's runs apart from a baseline's. One statement counts, in the database, the runs of each side
/// by every combination of run dimensions, by the step that failed first and by the decisions taken, and the
/// symptom's runs per hour; a second reads when each value was first seen. The rest is arithmetic on those counts.
/// </summary>
public sealed class ExplainQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    /// <summary>Whether whole rolled-up hours are read through the rollups; off, every run is read from the runs and steps (for tests that compare the two).</summary>
    public bool UseRollups { get; init; } = true;

    /// <summary>The longest ranked lists returned.</summary>
    public const int MaxValues = 100;

    /// <summary>A value first seen this close to the symptom's start is offered as what changed then.</summary>
    public static readonly TimeSpan NearestChangeWindow = TimeSpan.FromHours(24);

    public const int MaxNearestChanges = 5;

    private static readonly string[] RunColumns = [.. ExplainDimensions.Run.Select((d, i) => $"{RunFilterSql.Column("r", ExplainDimensions.RunColumn(d)!)} AS d{i}")];

    private static readonly string DimensionList = string.Join(", ", ExplainDimensions.Run.Select((_, i) => $"d{i}"));

    public async Task<ExplainResult> ExplainAsync(ExplainRequest request, CancellationToken cancellationToken = default)
    {
        var counts = await CountAsync(request, cancellationToken);
        var appearances = await FirstAppearancesAsync(request.Symptom.Filter.Agent, cancellationToken);
        return Assemble(counts, appearances);
    }

    private static ExplainResult Assemble(ExplainCounts counts, (IReadOnlyList<FirstAppearance> Values, DateTime? DataStart) appearances)
    {
        var (symptom, baseline) = (counts.Combinations.Where(c => c.Symptom).Sum(c => c.Runs), counts.Combinations.Where(c => !c.Symptom).Sum(c => c.Runs));
        var singles = ExplainRanking.Singles(counts.Combinations);
        var family = singles.Concat(counts.InTheRuns).ToList();
        (long, long) Both(ExplainKey a, ExplainKey b) => ExplainRanking.Both(counts.Combinations, a, b);

        var ranked = ExplainRanking.Rank(singles, family, symptom, baseline);
        var firstSeen = appearances.Values.ToDictionary(a => new ExplainKey(a.Dimension, a.Value), a => a.FirstSeen);
        var causes = ExplainRanking.ExplainAway(ranked, Both, symptom, baseline)
            .Select(v => v with { FirstSeen = firstSeen.TryGetValue(v.Key, out var seen) ? seen : null })
            .Take(MaxValues).ToList();
        var inTheRuns = ExplainRanking.Rank(counts.InTheRuns, family, symptom, baseline).Take(MaxValues).ToList();
        var signature = counts.Signatures.MaxBy(s => s.Runs) is { } top ? top with { Share = ExplainShares.Share(top.Runs, symptom) } : null;
        return new ExplainResult(
            symptom, baseline, counts.Hours.Sum(h => h.Runs), causes, inTheRuns, ExplainRanking.Pairs(ranked, Both, symptom, baseline),
            signature, Start(counts.Hours, appearances.Values, appearances.DataStart), counts.Hours);
    }

    /// <summary>The hour the symptom's rate rose, and the values first seen nearest it (not those there from the first run).</summary>
    public static ExplainStart? Start(IReadOnlyList<ExplainHour> hours, IReadOnlyList<FirstAppearance> appearances, DateTime? dataStart)
    {
        var change = RateChangePoint.FindRise(hours.Select(h => (h.SymptomRuns, h.Runs)).ToList());
        if (change is null)
        {
            return null;
        }

        var since = hours[change.Index].Hour;
        var (before, after) = (hours.Take(change.Index).ToList(), hours.Skip(change.Index).ToList());
        var nearest = appearances
            .Where(a => dataStart is null || a.FirstSeen > dataStart.Value.AddHours(1))
            .Where(a => (a.FirstSeen - since).Duration() <= NearestChangeWindow)
            .OrderBy(a => (a.FirstSeen - since).Duration()).ThenBy(a => a.Dimension)
            .Take(MaxNearestChanges).ToList();
        return new ExplainStart(since, before.Sum(h => h.Runs), before.Sum(h => h.SymptomRuns), after.Sum(h => h.Runs), after.Sum(h => h.SymptomRuns), nearest);
    }

    private sealed record ExplainCounts(
        List<ExplainCombination> Combinations, List<ExplainCount> InTheRuns, List<FailureSignature> Signatures, List<ExplainHour> Hours);

    private async Task<ExplainCounts> CountAsync(ExplainRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var coverage = await CoverageAsync(db, request, cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = RunFilterSql.Where(query, request.Symptom.Scope);
        var symptom = ExplainSql.Symptom(query, request.Symptom, coverage);
        var baselineFilter = ExplainSql.Baseline(request);
        var baseline = RunFilterSql.Where(query, baselineFilter);
        var outer = ExplainSql.Outer(query, request, scope, baseline);
        var rolled = ExplainSql.Rolled(query, "r.\"StartTime\"", coverage);
        var nulls = string.Join(", ", ExplainDimensions.Run.Skip(1).Select(_ => "NULL"));
        var hour = query.Dialect.Bucket("start_time", TimeBucket.Hour);
        var namedFirst = request.Symptom.Filter.FailedStep is { } named ? $"CASE WHEN name = {query.Parameter(named)} THEN 0 ELSE 1 END, " : "";
        var decisions = ExplainSql.DecisionValues.Select(v => $"""
            UNION ALL SELECT 1, {(int)v.Dimension}, side, {v.Value("decided")}, {nulls}, weight * COUNT(DISTINCT run_id), NULL
                FROM decided WHERE {v.Carries("decided")} GROUP BY side, weight, {v.Value("decided")}
            """);

        // The step that failed first: of the steps that did work (a tool, a model, a retrieval, a validation) the
        // lowest-numbered failure, not the agent's root span or an HTTP child that failed with it. A symptom that
        // names the failing step is described by that step, even where an earlier one failed too. A run of a
        // rolled-up hour has its failed steps looked up in their rollup, not among all its steps.
        // Decisions of the runs of rolled-up hours are counted for the baseline from their rollup, which counts every
        // run of the baseline's filter: the symptom's runs among them are taken away (weight -1) as they are counted.
        query.Append($"""
            WITH marked AS MATERIALIZED (
                SELECT r."RunId" AS run_id, r."StartTime" AS start_time, {string.Join(", ", RunColumns)},
                    CASE WHEN {scope} THEN 1 ELSE 0 END AS in_scope,
                    CASE WHEN {symptom} THEN 1 ELSE 0 END AS is_symptom,
                    CASE WHEN {baseline} THEN 1 ELSE 0 END AS in_baseline,
                    CASE WHEN {rolled} THEN 1 ELSE 0 END AS rolled
                FROM runs r WHERE {outer}),
            sides AS MATERIALIZED (
                SELECT * FROM (
                    SELECT m.*, CASE WHEN in_scope = 1 AND is_symptom = 1 THEN 1 WHEN in_baseline = 1 AND is_symptom = 0 THEN 0 END AS side
                    FROM marked m) t
                WHERE side IS NOT NULL),
            failed_steps AS MATERIALIZED (
                SELECT m.run_id, m.side, s."StepNumber" AS num, {StepGroup.NameSql("s")} AS name, s."ErrorType" AS err, s."DurationMs" AS dur, s."Kind" AS kind
                FROM sides m CROSS JOIN steps s {query.Dialect.StepsByRun}
                WHERE m.rolled = 0 AND s."RunId" = m.run_id AND {StepGroup.FailedSql("s")} = 1
                UNION ALL
                SELECT m.run_id, m.side, f."StepNumber", f."Name", f."ErrorType", f."DurationMs", f."Kind"
                FROM sides m JOIN rollup_failed_steps f ON f."RunId" = m.run_id
                WHERE m.rolled = 1),
            first_failed AS MATERIALIZED (
                SELECT * FROM (
                    SELECT run_id, side, num, name, err, dur,
                        ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY {namedFirst}{ExplainSql.DidWorkFirst("kind")}, num) AS rn
                    FROM failed_steps) t
                WHERE rn = 1),
            decided AS MATERIALIZED (
                SELECT DISTINCT m.run_id, m.side, 1 AS weight, d."Kind", d."PolicyId", d."Target"
                FROM sides m JOIN decisions d ON d."RunId" = m.run_id
                WHERE m.rolled = 0 OR m.side = 1
                UNION ALL
                SELECT DISTINCT m.run_id, 0, -1, d."Kind", d."PolicyId", d."Target"
                FROM marked m JOIN decisions d ON d."RunId" = m.run_id
                WHERE m.rolled = 1 AND m.is_symptom = 1 AND m.in_baseline = 1)
            SELECT 0 AS part, 0 AS dim, side, {DimensionList}, COUNT(*) AS n, CAST(NULL AS DOUBLE PRECISION) AS x
                FROM sides GROUP BY side, {DimensionList}
            UNION ALL SELECT 1, {(int)ExplainDimension.FailedStep}, side, name, {nulls}, COUNT(*), NULL FROM first_failed GROUP BY side, name
            UNION ALL SELECT 1, {(int)ExplainDimension.ErrorType}, side, err, {nulls}, COUNT(*), NULL FROM first_failed WHERE err IS NOT NULL GROUP BY side, err
            UNION ALL SELECT 1, {(int)ExplainDimension.FailedAtStep}, side, CAST(num AS TEXT), {nulls}, COUNT(*), NULL FROM first_failed GROUP BY side, num
            {string.Join("\n", decisions)}
            UNION ALL SELECT 2, num, 1, name, err, {string.Join(", ", ExplainDimensions.Run.Skip(2).Select(_ => "NULL"))}, COUNT(*), AVG(dur)
                FROM first_failed WHERE side = 1 GROUP BY num, name, err
            UNION ALL SELECT 3, 0, 0, {hour}, {nulls}, COUNT(*), SUM(is_symptom) FROM marked WHERE in_scope = 1 GROUP BY {hour}
            """);
        if (coverage.Rollups.Count > 0)
        {
            var dimension = $"CASE x.\"Dimension\" {string.Join(" ", ExplainSql.DecisionValues.Select(v => $"WHEN '{ExplainDimensions.Name(v.Dimension)}' THEN {(int)v.Dimension}"))} END";
            query.Append($"""

                UNION ALL SELECT 1, {dimension}, 0, x."Value", {nulls}, CAST(SUM(x."Runs") AS BIGINT), NULL
                    FROM rollup_decision_runs x
                    WHERE {ExplainCoverage.OnRollupRows(query, baselineFilter, "x")} AND {RollupCoverage.Condition(query, "x.\"Hour\"", coverage.Rollups)}
                    GROUP BY x."Dimension", x."Value"
                """);
        }

        var counts = new ExplainCounts([], [], [], []);
        await query.ReadAsync(db, reader =>
        {
            Add(counts, reader);
            return 0;
        }, cancellationToken);
        counts.Hours.Sort((a, b) => a.Hour.CompareTo(b.Hour));
        return counts;
    }

    /// <summary>The hours of both windows that the rollups answer; none where the baseline is chosen by what they do not count.</summary>
    private async Task<RollupCoverage> CoverageAsync(TraceDbContext db, ExplainRequest request, CancellationToken cancellationToken)
    {
        var span = ExplainCoverage.Span(request);
        if (!UseRollups || !ExplainCoverage.RollupsServe(request))
        {
            return RollupCoverage.None(span.From, span.To);
        }

        var hours = await ReportScope.CreateAsync(
            db, new SqlQuery(SqlDialect.For(db)), new RunFilter { From = span.From, To = span.To }, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return ExplainCoverage.WithoutCutHours(hours.Coverage, span, ExplainCoverage.Boundaries(request));
    }

    private static void Add(ExplainCounts counts, DbDataReader reader)
    {
        var (part, dim, side, n) = (reader.Long(reader.GetOrdinal("part")), (int)reader.Long(reader.GetOrdinal("dim")), reader.Long(reader.GetOrdinal("side")), reader.Long(reader.GetOrdinal("n")));
        var first = reader.GetOrdinal("d0");
        string? Value(int i) => reader.Text(first + i);
        switch (part)
        {
            case 0:
                counts.Combinations.Add(new ExplainCombination(side == 1, ExplainDimensions.Run.Select((_, i) => Value(i)).ToList(), n));
                break;
            case 1 when Value(0) is { } value:
                var key = (ExplainDimension)dim;
                var index = counts.InTheRuns.FindIndex(c => c.Dimension == key && c.Value == value);
                var existing = index >= 0 ? counts.InTheRuns[index] : new ExplainCount(key, value, 0, 0);
                var updated = side == 1 ? existing with { Symptom = existing.Symptom + n } : existing with { Baseline = existing.Baseline + n };
                if (index >= 0)
                {
                    counts.InTheRuns[index] = updated;
                }
                else
                {
                    counts.InTheRuns.Add(updated);
                }

                break;
            case 2:
                counts.Signatures.Add(new FailureSignature(dim, Value(0) ?? "", Value(1), reader.Double(reader.GetOrdinal("x")), n, 0));
                break;
            case 3:
                counts.Hours.Add(new ExplainHour(SqlDialect.ParseBucket(Value(0)!, TimeBucket.Hour), n, (long)reader.Double(reader.GetOrdinal("x"))));
                break;
        }
    }

    /// <summary>When a run of the agent (of any agent when null) first carried each value of each run dimension, and the first run of all.</summary>
    private async Task<(IReadOnlyList<FirstAppearance> Values, DateTime? DataStart)> FirstAppearancesAsync(string? agent, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, new RunFilter { Agent = agent });
        var selects = ExplainDimensions.Run.Select(d => (Dimension: d, Column: RunFilterSql.Column("r", ExplainDimensions.RunColumn(d)!)))
            .Select(d => $"SELECT {(int)d.Dimension} AS dim, {d.Column} AS value, MIN(r.\"StartTime\") AS first_seen FROM runs r WHERE {where} AND {d.Column} IS NOT NULL GROUP BY {d.Column}");
        query.Append(string.Join("\nUNION ALL ", selects) + $"\nUNION ALL SELECT -1, NULL, MIN(r.\"StartTime\") FROM runs r WHERE {where}");
        var rows = await query.ReadAsync(db, reader => (
            Dimension: (int)reader.Long(reader.GetOrdinal("dim")),
            Value: reader.Text(reader.GetOrdinal("value")),
            FirstSeen: reader.IsDBNull(reader.GetOrdinal("first_seen")) ? (DateTime?)null : DateTime.SpecifyKind(reader.GetDateTime(reader.GetOrdinal("first_seen")), DateTimeKind.Utc)), cancellationToken);
        var values = rows.Where(r => r.Dimension >= 0 && r.FirstSeen is not null)
            .Select(r => new FirstAppearance((ExplainDimension)r.Dimension, r.Value!, r.FirstSeen!.Value)).ToList();
        return (values, rows.SingleOrDefault(r => r.Dimension < 0).FirstSeen);
    }
}
