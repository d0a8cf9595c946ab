using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>The audit trail across runs: every decision, filtered and paged newest first, and counts per kind over time.</summary>
public sealed class DecisionQueries(AnalyticsContextFactory contextFactory)
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
        var hourly = bucket == TimeBucket.Hour;
        var counts = await Apply(db.Decisions.AsNoTracking(), filter)
            .GroupBy(d => new { d.Kind, Day = d.Time.Date, Hour = hourly ? d.Time.Hour : 0 })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts
            .Select(c => new DailyValue(c.Key.Kind.ToString(), DateTime.SpecifyKind(c.Key.Day.AddHours(c.Key.Hour), DateTimeKind.Utc), c.Count))
            .OrderBy(c => c.Series, StringComparer.Ordinal).ThenBy(c => c.Bucket)
            .ToList();
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
}
