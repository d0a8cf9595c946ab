using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// A report's runs as SQL, split by <see cref="RollupCoverage"/>: the steps of the runs outside the rolled-up hours,
/// and conditions that pick the rollup rows of the rest. Without rollups it is the runs filter as before.
/// </summary>
public sealed class ReportScope
{
    private readonly SqlQuery _query;
    private readonly RunFilter _timeless;

    private ReportScope(SqlQuery query, RunFilter filter, RollupCoverage coverage)
    {
        _query = query;
        _timeless = filter with { From = null, To = null };
        Coverage = coverage;
        if (HasRollups)
        {
            // The steps outside the rolled-up hours are few: read them run by run, from the runs' start time index.
            RunsWhere = $"{RunFilterSql.Where(query, _timeless)} AND {RollupCoverage.Condition(query, "r.\"StartTime\"", coverage.Raw)}";
            StepsFrom = query.Dialect.StepsOfRuns;
            StepsWhere = $"{SqlDialect.StepsOfRunsJoin} AND {RunsWhere}";
        }
        else
        {
            RunsWhere = RunFilterSql.Where(query, filter);
            StepsFrom = RunFilterSql.StepsOf(filter);
            StepsWhere = RunsWhere;
        }
    }

    public RollupCoverage Coverage { get; }

    public bool HasRollups => Coverage.Rollups.Count > 0;

    /// <summary>The condition on the runs table (alias r): the filter's runs outside the rolled-up hours.</summary>
    public string RunsWhere { get; }

    /// <summary>The steps table (alias s), joined to its runs (alias r) when the condition needs them.</summary>
    public string StepsFrom { get; }

    /// <summary><see cref="StepsFrom"/> always joined to the runs, for a report that reads the runs' columns too.</summary>
    public string StepsWithRunsFrom => HasRollups ? StepsFrom : RunFilterSql.StepsWithRuns;

    /// <summary>The condition on <see cref="StepsFrom"/>: the filter's runs outside the rolled-up hours.</summary>
    public string StepsWhere { get; }

    /// <summary>The condition on a rollup table with run dimensions under <paramref name="alias"/>.</summary>
    public string RollupWhere(string alias) => RollupWhere(alias, Coverage.Rollups);

    /// <summary>The condition on a rollup table with run dimensions under <paramref name="alias"/>, over some of the rolled-up ranges.</summary>
    public string RollupWhere(string alias, IReadOnlyList<RunTimeRange> ranges) =>
        $"{RunFilterSql.Where(_query, _timeless, alias)} AND {RollupCoverage.Condition(_query, RunFilterSql.Column(alias, "Hour"), ranges)}";

    /// <summary>The condition on a per-run rollup table under <paramref name="alias"/>, joined to its runs as r.</summary>
    public string RunRollupWhere(string alias) =>
        $"{RunFilterSql.Where(_query, _timeless)} AND {RollupCoverage.Condition(_query, RunFilterSql.Column(alias, "Hour"), Coverage.Rollups)}";

    /// <summary>Reads which hours of the filter's range have current rollups, as of <paramref name="utcNow"/>.</summary>
    /// <param name="splitAt">An instant the report divides its runs at: the hour it falls inside is read from the steps.</param>
    public static async Task<ReportScope> CreateAsync(TraceDbContext db, SqlQuery query, RunFilter filter, DateTime utcNow, CancellationToken cancellationToken, DateTime? splitAt = null)
    {
        // Status, duration, text and what happened inside select single runs: the rollups count runs by their dimensions only.
        if (filter.Status is not null || filter.MinDurationMs is not null || !string.IsNullOrEmpty(filter.Text) || filter.LooksInsideRuns)
        {
            return new ReportScope(query, filter, RollupCoverage.None(filter.From, filter.To));
        }

        var upper = RollupCoverage.HourOf(filter.To is { } to && to < utcNow ? to : utcNow);
        var lower = filter.From is { } from ? RollupCoverage.HourOf(from) : DateTime.MinValue;
        var hours = await db.Set<RollupHour>()
            .Where(h => h.Hour >= lower && h.Hour < upper && !db.Set<PendingRollupHour>().Any(p => p.Hour == h.Hour))
            .OrderBy(h => h.Hour).Select(h => h.Hour).ToListAsync(cancellationToken);
        if (splitAt is { } at)
        {
            hours.RemoveAll(h => h < at && at < h + RollupCoverage.Hour);
        }

        return new ReportScope(query, filter, RollupCoverage.Split(filter.From, filter.To, hours));
    }
}
