using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>The one place the runs filter becomes SQL, shared by the list, the API and later pages.</summary>
public static class RunFilterQuery
{
    public static IQueryable<Run> Apply(TraceDbContext db, IQueryable<Run> query, RunFilter filter)
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

        query = WhereEquals(query, filter.Agent, r => r.AgentName);
        query = WhereEquals(query, filter.Route, r => r.Route);
        query = WhereEquals(query, filter.PromptVersion, r => r.PromptVersion);
        query = WhereEquals(query, filter.PolicyVersion, r => r.PolicyVersion);
        query = WhereEquals(query, filter.ToolContractVersion, r => r.ToolContractVersion);
        query = WhereEquals(query, filter.RouteConfigVersion, r => r.RouteConfigVersion);

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var traceId = text.ToLowerInvariant();
            var pattern = "%" + EscapeLike(text) + "%";
            query = query.Where(r =>
                r.RunId == text
                || r.RequestId == text
                || r.TraceId == traceId
                || db.Steps.Any(s => s.ToolCallId == text && s.RunId == r.RunId)
                || EF.Functions.Like(r.Input, pattern, "\\"));
        }

        return query;
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

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
