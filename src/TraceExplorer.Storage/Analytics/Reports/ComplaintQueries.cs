using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Complaints per version value and route, and recording a complaint against a run.</summary>
public sealed class ComplaintQueries(AnalyticsContextFactory contextFactory, IDbContextFactory<TraceDbContext> store)
{
    public const int MaxExternalIdLength = 200;
    public const int MaxTextLength = 4000;

    public static readonly IReadOnlyList<CompareDimension> Dimensions = [.. CompareDimensions.Versions, CompareDimension.Route];

    public async Task<IReadOnlyList<ComplaintRate>> GetRatesAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);

        // The runs are read and their complaints counted once; each dimension then groups that one result.
        var columns = Dimensions.Select((d, i) => $"{RunFilterSql.Column("r", CompareDimensions.RunColumn(d)!)} AS d{i}");
        var groups = Dimensions.Select((_, i) =>
            $"SELECT {i} AS dimension, d{i} AS value, COUNT(*), SUM(CASE WHEN complaints > 0 THEN 1 ELSE 0 END), SUM(complaints) FROM counted WHERE d{i} IS NOT NULL GROUP BY d{i}");
        query.Append($"""
            WITH counted AS MATERIALIZED (
                SELECT {string.Join(", ", columns)}, (SELECT COUNT(*) FROM complaints k WHERE k."RunId" = r."RunId") AS complaints
                FROM runs r WHERE {where})
            {string.Join("\nUNION ALL\n", groups)}
            ORDER BY 1, 2
            """);
        var rows = await query.ReadAsync(db, reader => new ComplaintRate(
            Dimensions[(int)reader.Long(0)], reader.GetString(1), reader.Long(2), reader.Long(3), reader.Long(4)), cancellationToken);
        return rows.GroupBy(r => r.Dimension).SelectMany(values => MarkFarAbove(values.ToList())).ToList();
    }

    /// <summary>Each value against the rest of its dimension; only values above the rest, significant as a family, are marked.</summary>
    public static IReadOnlyList<ComplaintRate> MarkFarAbove(IReadOnlyList<ComplaintRate> values)
    {
        var (runs, complained) = (values.Sum(v => v.Runs), values.Sum(v => v.RunsWithComplaints));
        var tests = values.Select(v => TwoProportions.Test(complained - v.RunsWithComplaints, runs - v.Runs, v.RunsWithComplaints, v.Runs)).ToList();
        var significant = MultipleComparisons.Significant(tests);
        return values.Select((v, i) => v with { FarAbove = tests[i].Z > 0 && significant.Contains(tests[i]) }).ToList();
    }

    /// <summary>Records a complaint; the same external id for the same run is stored once.</summary>
    /// <returns>False when the run does not exist.</returns>
    public async Task<bool> AddAsync(string runId, string externalId, string? text, DateTime time, CancellationToken cancellationToken = default)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            return false;
        }

        if (await db.Complaints.AnyAsync(c => c.RunId == runId && c.ExternalId == externalId, cancellationToken))
        {
            return true;
        }

        db.Complaints.Add(new Complaint { RunId = runId, ExternalId = externalId, Text = text, Time = time });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same complaint sent twice at once: the unique index kept one; anything else is a real failure.
            await using var check = await store.CreateDbContextAsync(cancellationToken);
            if (!await check.Complaints.AnyAsync(c => c.RunId == runId && c.ExternalId == externalId, cancellationToken))
            {
                throw;
            }
        }

        return true;
    }
}
