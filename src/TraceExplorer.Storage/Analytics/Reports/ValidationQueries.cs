using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Validation failures by schema and reason, by the version that was live, and over time.</summary>
public sealed class ValidationQueries(AnalyticsContextFactory contextFactory)
{
    /// <summary>The reason shown for a failed validation that gave none.</summary>
    public const string NoReason = "(no reason given)";

    public async Task<IReadOnlyList<ValidationFailureGroup>> GetFailuresAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        query.Append($"""
            WITH checks AS (
                SELECT COALESCE(s."ValidationSchema", s."Name") AS schema_name, s."ValidationPassed" AS passed, s."ValidationFailureReason" AS reason
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE s."Kind" = 'Validate' AND {where}),
            totals AS (SELECT schema_name, COUNT(*) AS validations FROM checks GROUP BY schema_name)
            SELECT c.schema_name, COALESCE(c.reason, '{NoReason}'), COUNT(*), t.validations
            FROM checks c JOIN totals t ON t.schema_name = c.schema_name
            WHERE c.passed IS FALSE
            GROUP BY c.schema_name, COALESCE(c.reason, '{NoReason}'), t.validations
            ORDER BY COUNT(*) DESC, c.schema_name
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
        var where = RunFilterSql.Where(query, filter);
        var day = query.Dialect.Bucket("started", TimeBucket.Day);

        // Each validation step is matched to its run once; both versions are then grouped from that one result.
        query.Append($"""
            WITH checks AS MATERIALIZED (
                SELECT r."PromptVersion" AS prompt, r."ToolContractVersion" AS contract, r."StartTime" AS started,
                    COALESCE(s."ValidationSchema", s."Name") AS schema_name, CASE WHEN s."ValidationPassed" IS FALSE THEN 1 ELSE 0 END AS failed
                FROM steps s JOIN runs r ON r."RunId" = s."RunId"
                WHERE s."Kind" = 'Validate' AND {where})
            SELECT 0, prompt, MIN(started), schema_name, {day} AS d, SUM(failed), COUNT(*) FROM checks WHERE prompt IS NOT NULL GROUP BY prompt, schema_name, d
            UNION ALL
            SELECT 1, contract, MIN(started), schema_name, {day} AS d, SUM(failed), COUNT(*) FROM checks WHERE contract IS NOT NULL GROUP BY contract, schema_name, d
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

    /// <summary>The latest failed validations of one schema and reason, one per run, newest first: the runs behind a row.</summary>
    public async Task<IReadOnlyList<ValidationFailedRun>> GetFailedRunsAsync(RunFilter filter, string schema, string reason, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        query.Append($"""
            SELECT s."RunId", s."StepNumber", s."StartTime"
            FROM {RunFilterSql.StepsOf(filter)}
            WHERE s."Kind" = 'Validate' AND s."ValidationPassed" IS FALSE
                AND COALESCE(s."ValidationSchema", s."Name") = {query.Parameter(schema)}
                AND COALESCE(s."ValidationFailureReason", '{NoReason}') = {query.Parameter(reason)} AND {where}
            ORDER BY s."StartTime" DESC, s."RunId"
            LIMIT {query.Parameter(limit * 4)}
            """);
        var failed = await query.ReadAsync(db, reader => new ValidationFailedRun(
            reader.GetString(0), reader.GetInt32(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)), cancellationToken);
        return failed.DistinctBy(f => f.RunId).Take(limit).ToList();
    }

    /// <summary>The failure share of all validations per day (per hour over three days or less).</summary>
    public async Task<IReadOnlyList<DailyValue>> GetTrendAsync(RunFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        query.Append($"""
            SELECT COALESCE(s."ValidationSchema", s."Name"), {query.Dialect.Bucket("s.\"StartTime\"", bucket)} AS bucket,
                AVG(CASE WHEN s."ValidationPassed" IS FALSE THEN 1.0 ELSE 0.0 END)
            FROM {RunFilterSql.StepsOf(filter)}
            WHERE s."Kind" = 'Validate' AND {where}
            GROUP BY COALESCE(s."ValidationSchema", s."Name"), bucket
            ORDER BY 1, bucket
            """);
        return await query.ReadAsync(db, reader => new DailyValue(reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Double(2)), cancellationToken);
    }
}
