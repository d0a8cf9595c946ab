using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>The audit trail across runs: every decision, filtered and paged newest first, and counts per kind over time.</summary>
public sealed class DecisionQueries(IDbContextFactory<TraceDbContext> contextFactory)
{
    public const int MaxPageSize = 500;

    public async Task<PagedResult<DecisionRow>> GetAsync(DecisionFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decisions = Apply(db.Decisions.AsNoTracking(), filter);
        var total = await decisions.CountAsync(cancellationToken);
        var rows = await decisions
            .OrderByDescending(d => d.Time).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DecisionRow(d.Id, d.Time, d.Kind, d.Outcome, d.Reason, d.PolicyId, d.Actor, d.Target, d.RunId,
                db.Steps.Where(s => s.TraceId == d.TraceId && s.SpanId == d.SpanId).OrderBy(s => s.Id).Select(s => (int?)s.StepNumber).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new PagedResult<DecisionRow>(rows, total, page, pageSize);
    }

    /// <summary>Decisions per kind per day (per hour over three days or less).</summary>
    public async Task<IReadOnlyList<DailyValue>> GetCountsAsync(DecisionFilter filter, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = Where(query, filter);
        query.Append($"""
            SELECT d."Kind", {query.Dialect.Bucket("d.\"Time\"", bucket)} AS bucket, COUNT(*)
            FROM decisions d WHERE {where}
            GROUP BY d."Kind", bucket ORDER BY d."Kind", bucket
            """);
        return await query.ReadAsync(db, reader => new DailyValue(reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Long(2)), cancellationToken);
    }

    /// <summary>The values each text filter can take, for the filter bar.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        async Task<IReadOnlyList<string>> Distinct(IQueryable<string?> values) =>
            await values.Where(v => v != null).Distinct().OrderBy(v => v).Take(200).Select(v => v!).ToListAsync(cancellationToken);
        return new Dictionary<string, IReadOnlyList<string>>
        {
            ["outcome"] = await Distinct(db.Decisions.Select(d => d.Outcome)),
            ["policyId"] = await Distinct(db.Decisions.Select(d => d.PolicyId)),
            ["actor"] = await Distinct(db.Decisions.Select(d => d.Actor)),
            ["target"] = await Distinct(db.Decisions.Select(d => d.Target)),
        };
    }

    private static IQueryable<Decision> Apply(IQueryable<Decision> decisions, DecisionFilter filter)
    {
        if (filter.From is { } from)
        {
            decisions = decisions.Where(d => d.Time >= from);
        }

        if (filter.To is { } to)
        {
            decisions = decisions.Where(d => d.Time < to);
        }

        if (filter.Kind is { } kind)
        {
            decisions = decisions.Where(d => d.Kind == kind);
        }

        if (filter.Outcome is { } outcome)
        {
            decisions = decisions.Where(d => d.Outcome == outcome);
        }

        if (filter.PolicyId is { } policyId)
        {
            decisions = decisions.Where(d => d.PolicyId == policyId);
        }

        if (filter.Actor is { } actor)
        {
            decisions = decisions.Where(d => d.Actor == actor);
        }

        if (filter.Target is { } target)
        {
            decisions = decisions.Where(d => d.Target == target);
        }

        if (filter.RunId is { } runId)
        {
            decisions = decisions.Where(d => d.RunId == runId);
        }

        return decisions;
    }

    private static string Where(SqlQuery query, DecisionFilter filter)
    {
        var conditions = new List<string> { "1 = 1" };
        void Add(string column, object? value)
        {
            if (value is not null)
            {
                conditions.Add($"d.\"{column}\" = {query.Parameter(value)}");
            }
        }

        if (filter.From is { } from)
        {
            conditions.Add($"d.\"Time\" >= {query.Parameter(from)}");
        }

        if (filter.To is { } to)
        {
            conditions.Add($"d.\"Time\" < {query.Parameter(to)}");
        }

        Add("Kind", filter.Kind?.ToString());
        Add("Outcome", filter.Outcome);
        Add("PolicyId", filter.PolicyId);
        Add("Actor", filter.Actor);
        Add("Target", filter.Target);
        Add("RunId", filter.RunId);
        return string.Join(" AND ", conditions);
    }
}
