using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;

namespace TraceExplorer.Storage.Queries;

/// <summary>The one place the runs filter becomes SQL, shared by the list, the API and later pages.</summary>
public static class RunFilterQuery
{
    /// <remarks>
    /// Text that is an id (run, request, trace or tool call) selects exactly the runs it identifies, through the
    /// id indexes; any other text matches within the runs' input.
    /// </remarks>
    public static async Task<IQueryable<Run>> ApplyAsync(TraceDbContext db, IQueryable<Run> query, RunFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter.From is { } from)
        {
            query = query.Where(r => r.StartTime >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.StartTime < to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.MinDurationMs is { } minDuration)
        {
            query = query.Where(r => r.DurationMs >= minDuration);
        }

        foreach (var dimension in RunDimension.All.Where(d => !d.IsList))
        {
            query = WhereEquals(query, dimension.Filter(filter), dimension.Value);
        }

        if (!string.IsNullOrEmpty(filter.Model))
        {
            var model = filter.Model;
            var (first, middle, last) = ModelListPattern.For(model);
            query = query.Where(r => r.Models == model
                || EF.Functions.Like(r.Models, first, LikePattern.EscapeCharacter)
                || EF.Functions.Like(r.Models, middle, LikePattern.EscapeCharacter)
                || EF.Functions.Like(r.Models, last, LikePattern.EscapeCharacter));
        }

        if (filter.LooksInsideRuns)
        {
            // What happened in a run is looked up in SQL, the one definition explain counts with (InsideRunSql); the
            // whole filter goes with it so that the lookup starts from the runs of the window.
            var inside = new SqlQuery(SqlDialect.For(db), "@inside");
            var condition = RunFilterSql.Where(inside, filter);
            // The text is SQL of this assembly only; every value travels as a parameter (SqlQuery).
            var sql = "SELECT * FROM runs r WHERE " + condition;
            var matching = db.Runs.FromSqlRaw(sql, inside.Parameters(db)).Select(r => r.RunId);
            query = query.Where(r => matching.Contains(r.RunId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var matchedIds = await RunIdsMatchingAsync(db, text, cancellationToken);
            if (matchedIds.Count > 0)
            {
                query = query.Where(r => matchedIds.Contains(r.RunId));
            }
            else if (filter.TextMatchesPayloads)
            {
                // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
                var pattern = "%" + LikePattern.Escape(text).ToLowerInvariant() + "%";
                query = query.Where(r => EF.Functions.Like(r.Input!.ToLower(), pattern, LikePattern.EscapeCharacter));
            }
            else
            {
                var pattern = "%" + LikePattern.Escape(text).ToLowerInvariant() + "%";
                query = query.Where(r => EF.Functions.Like(r.AgentName!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.Route!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.PromptVersion!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.PolicyVersion!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.ToolContractVersion!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.RouteConfigVersion!.ToLower(), pattern, LikePattern.EscapeCharacter)
                    || EF.Functions.Like(r.Models!.ToLower(), pattern, LikePattern.EscapeCharacter));
            }
        }

        return query;
    }

    private static async Task<List<string>> RunIdsMatchingAsync(TraceDbContext db, string text, CancellationToken cancellationToken)
    {
        var traceId = text.ToLowerInvariant();
        var runs = db.Runs.AsNoTracking();
        return await runs.Where(r => r.RunId == text).Select(r => r.RunId)
            .Union(runs.Where(r => r.RequestId == text).Select(r => r.RunId))
            .Union(runs.Where(r => r.TraceId == traceId).Select(r => r.RunId))
            .Union(db.Steps.AsNoTracking().Where(s => s.ToolCallId == text).Select(s => s.RunId))
            .Take(RunListRequest.MaxPageSize)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Run> WhereEquals(IQueryable<Run> query, string? value, Expression<Func<Run, string?>> column)
    {
        if (string.IsNullOrEmpty(value))
        {
            return query;
        }

        var parameter = column.Parameters[0];
        var body = Expression.Equal(column.Body, Expression.Constant(value, typeof(string)));
        return query.Where(Expression.Lambda<Func<Run, bool>>(body, parameter));
    }
}
