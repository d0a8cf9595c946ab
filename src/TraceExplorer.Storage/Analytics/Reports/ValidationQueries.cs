using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Validation failures by schema and reason, by the version that was live, and over time.</summary>
public sealed class ValidationQueries(AnalyticsContextFactory contextFactory)
{
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
            SELECT c.schema_name, COALESCE(c.reason, '(no reason given)'), COUNT(*), t.validations
            FROM checks c JOIN totals t ON t.schema_name = c.schema_name
            WHERE c.passed IS FALSE
            GROUP BY c.schema_name, COALESCE(c.reason, '(no reason given)'), t.validations
            ORDER BY COUNT(*) DESC, c.schema_name
            """);
        return await query.ReadAsync(db, reader => new ValidationFailureGroup(reader.GetString(0), reader.GetString(1), reader.Long(2), reader.Long(3)), cancellationToken);
    }

    /// <summary>Each schema's failure rate per prompt version and per tool-contract version, versions in order of first appearance.</summary>
    public async Task<IReadOnlyList<ValidationByVersion>> GetByVersionAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);

        // Each validation step is matched to its run once; both versions are then grouped from that one result.
        query.Append($"""
            WITH checks AS MATERIALIZED (
                SELECT r."PromptVersion" AS prompt, r."ToolContractVersion" AS contract, r."StartTime" AS started,
                    COALESCE(s."ValidationSchema", s."Name") AS schema_name, CASE WHEN s."ValidationPassed" IS FALSE THEN 1 ELSE 0 END AS failed
                FROM steps s JOIN runs r ON r."RunId" = s."RunId"
                WHERE s."Kind" = 'Validate' AND {where})
            SELECT 0, prompt, MIN(started), schema_name, SUM(failed), COUNT(*) FROM checks WHERE prompt IS NOT NULL GROUP BY prompt, schema_name
            UNION ALL
            SELECT 1, contract, MIN(started), schema_name, SUM(failed), COUNT(*) FROM checks WHERE contract IS NOT NULL GROUP BY contract, schema_name
            """);
        var rows = await query.ReadAsync(db, reader => new ValidationByVersion(
            reader.Long(0) == 0 ? CompareDimension.PromptVersion : CompareDimension.ToolContractVersion,
            reader.GetString(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc), reader.GetString(3), reader.Long(4), reader.Long(5)), cancellationToken);

        // A version's first appearance is its earliest run with a validation, the same for every schema.
        var firstSeen = rows.GroupBy(r => (r.Dimension, r.Version)).ToDictionary(g => g.Key, g => g.Min(r => r.FirstSeen));
        return rows.Select(r => r with { FirstSeen = firstSeen[(r.Dimension, r.Version)] })
            .OrderBy(r => r.Dimension).ThenBy(r => r.Schema, StringComparer.Ordinal).ThenBy(r => r.FirstSeen).ToList();
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
