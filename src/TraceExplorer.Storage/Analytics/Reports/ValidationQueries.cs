using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Validation failures by schema and reason, by the version that was live, and over time.</summary>
public sealed class ValidationQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    /// <summary>The reason shown for a failed validation that gave none.</summary>
    public const string NoReason = "(no reason given)";

    public async Task<IReadOnlyList<ValidationFailureGroup>> GetFailuresAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        await AppendCountedAsync(db, query, filter, byVersion: false, bucket: null, cancellationToken);
        query.Append($"""
            totals AS (SELECT schema_name, SUM(checks) AS validations FROM counted GROUP BY schema_name)
            SELECT c.schema_name, c.reason, SUM(c.checks), t.validations
            FROM counted c JOIN totals t ON t.schema_name = c.schema_name
            WHERE c.failures > 0
            GROUP BY c.schema_name, c.reason, t.validations
            ORDER BY SUM(c.checks) DESC, c.schema_name
            """);
        return await query.ReadAsync(db, reader => new ValidationFailureGroup(reader.GetString(0), reader.GetString(1), reader.Long(2), reader.Long(3)), cancellationToken);
    }

    /// <summary>
    /// Each schema's failure rate per prompt version and per tool-contract version, versions in order of first
    /// appearance, with the counts per UTC day that <see cref="ValidationIntroductions"/> compares around each change.
    /// </summary>
    public async Task<IReadOnlyList<ValidationByVersion>> GetByVersionAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        await AppendCountedAsync(db, query, filter, byVersion: true, TimeBucket.Day, cancellationToken);
        query.Append("""
            by_day AS (SELECT prompt, contract, schema_name, bucket, MIN(first_start) AS first_start, SUM(failures) AS failures, SUM(checks) AS checks
                FROM counted GROUP BY prompt, contract, schema_name, bucket)
            SELECT 0, prompt, MIN(first_start), schema_name, bucket, SUM(failures), SUM(checks) FROM by_day WHERE prompt IS NOT NULL GROUP BY prompt, schema_name, bucket
            UNION ALL
            SELECT 1, contract, MIN(first_start), schema_name, bucket, SUM(failures), SUM(checks) FROM by_day WHERE contract IS NOT NULL GROUP BY contract, schema_name, bucket
            """);
        var days = await query.ReadAsync(db, reader => (
            Dimension: reader.Long(0) == 0 ? CompareDimension.PromptVersion : CompareDimension.ToolContractVersion,
            Version: reader.GetString(1),
            FirstSeen: DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            Schema: reader.GetString(3),
            Day: new ValidationDay(SqlDialect.ParseBucket(reader.GetString(4), TimeBucket.Day), reader.Long(5), reader.Long(6))), cancellationToken);

        // A version's first appearance is its earliest run with a validation, the same for every schema.
        var firstSeen = days.GroupBy(r => (r.Dimension, r.Version)).ToDictionary(g => g.Key, g => g.Min(r => r.FirstSeen));
        return days.GroupBy(r => (r.Dimension, r.Version, r.Schema))
            .Select(g => new ValidationByVersion(g.Key.Dimension, g.Key.Version, firstSeen[(g.Key.Dimension, g.Key.Version)], g.Key.Schema,
                g.Sum(r => r.Day.Failures), g.Sum(r => r.Day.Validations))
            {
                Days = g.Select(r => r.Day).OrderBy(d => d.Day).ToList(),
            })
            .OrderBy(r => r.Dimension).ThenBy(r => r.Schema, StringComparer.Ordinal).ThenBy(r => r.FirstSeen).ToList();
    }

    /// <summary>
    /// The latest failed validations of one schema and reason (any reason for null), one per run, newest first: the
    /// runs behind a row.
    /// </summary>
    public async Task<IReadOnlyList<ValidationFailedRun>> GetFailedRunsAsync(RunFilter filter, string schema, string? reason, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var ofReason = reason is null ? "" : $"""AND COALESCE(s."ValidationFailureReason", '{NoReason}') = {query.Parameter(reason)}""";
        query.Append($"""
            SELECT s."RunId", s."StepNumber", s."StartTime"
            FROM {RunFilterSql.StepsOf(filter)}
            WHERE s."Kind" = {SqlEnum.Literal(StepKind.Validate)} AND s."ValidationPassed" IS FALSE
                AND COALESCE(s."ValidationSchema", s."Name") = {query.Parameter(schema)}
                {ofReason} AND {where}
            ORDER BY s."StartTime" DESC, s."RunId"
            LIMIT {query.Parameter(limit * 4)}
            """);
        var failed = await query.ReadAsync(db, reader => new ValidationFailedRun(
            reader.GetString(0), reader.GetInt32(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)), cancellationToken);
        return failed.DistinctBy(f => f.RunId).Take(limit).ToList();
    }

    /// <summary>The failure share of all validations per day (per hour over three days or less), by the time the runs started.</summary>
    public async Task<IReadOnlyList<DailyValue>> GetTrendAsync(RunFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        await AppendCountedAsync(db, query, filter, byVersion: false, bucket, cancellationToken);
        query.Append("""
            trend AS (SELECT schema_name, bucket, SUM(failures) AS failures, SUM(checks) AS checks FROM counted GROUP BY schema_name, bucket)
            SELECT schema_name, bucket, 1.0 * failures / checks FROM trend ORDER BY schema_name, bucket
            """);
        return await query.ReadAsync(db, reader => new DailyValue(reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Double(2)), cancellationToken);
    }

    /// <summary>
    /// Opens a WITH clause with the CTE <c>counted</c>: the filter's validation steps counted by schema_name and
    /// reason (null when passed) into failures and checks, and when asked by the run's prompt and contract versions
    /// (with first_start, the earliest run start) and by a bucket of the run's start time. Whole rolled-up hours come
    /// from the rollups, the rest from the steps. Ends with a comma, for the caller's next CTE.
    /// </summary>
    private async Task AppendCountedAsync(TraceDbContext db, SqlQuery query, RunFilter filter, bool byVersion, TimeBucket? bucket, CancellationToken cancellationToken)
    {
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var needsRuns = byVersion || bucket is not null;

        // The optional columns, as (steps expression, rollup expression, name); absent ones are NULL and not grouped.
        var optional = new (string Steps, string Rollup, string Name, bool Grouped)[]
        {
            (byVersion ? "MIN(r.\"StartTime\")" : "NULL", byVersion ? "MIN(u.\"FirstStart\")" : "NULL", "first_start", false),
            (byVersion ? "r.\"PromptVersion\"" : "NULL", byVersion ? "u.\"PromptVersion\"" : "NULL", "prompt", byVersion),
            (byVersion ? "r.\"ToolContractVersion\"" : "NULL", byVersion ? "u.\"ToolContractVersion\"" : "NULL", "contract", byVersion),
            (bucket is { } b ? query.Dialect.Bucket("r.\"StartTime\"", b) : "NULL", bucket is { } c ? query.Dialect.Bucket("u.\"Hour\"", c) : "NULL", "bucket", bucket is not null),
        };
        string Select(Func<(string Steps, string Rollup, string Name, bool Grouped), string> pick) =>
            string.Join(", ", optional.Select(o => $"{pick(o)} AS {o.Name}"));
        string GroupBy(Func<(string Steps, string Rollup, string Name, bool Grouped), string> pick) =>
            string.Concat(optional.Where(o => o.Grouped).Select(o => ", " + pick(o)));

        var stepsFrom = needsRuns ? scope.StepsWithRunsFrom : scope.StepsFrom;
        query.Append($"""
            WITH counted AS (
                SELECT {ValidationSql.Schema()} AS schema_name, {ValidationSql.Reason()} AS reason, SUM({ValidationSql.Failed()}) AS failures,
                    COUNT(*) AS checks, {Select(o => o.Steps)}
                FROM {stepsFrom}
                WHERE s."Kind" = {SqlEnum.Literal(StepKind.Validate)} AND {scope.StepsWhere}
                GROUP BY {ValidationSql.Schema()}, {ValidationSql.Reason()}{GroupBy(o => o.Steps)}
            """);
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT u."SchemaName", u."Reason", SUM(CASE WHEN u."Failed" THEN u."Checks" ELSE 0 END), SUM(u."Checks"), {Select(o => o.Rollup)}
                FROM rollup_validation u
                WHERE {scope.RollupWhere("u")}
                GROUP BY u."SchemaName", u."Reason"{GroupBy(o => o.Rollup)}
                """);
        }

        query.Append("),\n");
    }
}
