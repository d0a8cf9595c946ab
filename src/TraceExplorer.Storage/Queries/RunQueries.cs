using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>Reads for the runs list, the run page and the runs API. A context per call, so it is safe to share.</summary>
public sealed class RunQueries(IDbContextFactory<TraceDbContext> contextFactory)
{
    public const int MaxStepPageSize = 5000;

    public async Task<PagedResult<RunListItem>> GetRunsAsync(RunListRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = await RunFilterQuery.ApplyAsync(db, db.Runs.AsNoTracking(), request.Filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(request.PageSize, 1, RunListRequest.MaxPageSize);
        var page = Math.Max(request.Page, 1);
        var items = await RunSorting.Apply(query, request.Sort, request.Descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new RunListItem
            {
                RunId = r.RunId,
                RequestId = r.RequestId,
                TraceId = r.TraceId,
                AgentName = r.AgentName,
                Route = r.Route,
                Status = r.Status,
                StartTime = r.StartTime,
                DurationMs = r.DurationMs,
                StepCount = r.StepCount,
                ToolCallCount = r.ToolCallCount,
                ErrorCount = r.ErrorCount,
                TotalTokens = r.InputTokens + r.OutputTokens,
                Relation = r.Relation,
                Versions = new RunVersions(r.PromptVersion, r.PolicyVersion, r.ToolContractVersion, r.RouteConfigVersion),
            })
            .ToListAsync(cancellationToken);
        var failures = (await RunFailureQuery.ReadAsync(db, items.Where(r => r.ErrorCount > 0).Select(r => r.RunId).ToList(), request.WithErrorMessages, cancellationToken))
            .ToDictionary(f => f.RunId, StringComparer.Ordinal);
        items = items.Select(r => failures.TryGetValue(r.RunId, out var failure) ? r with { Failure = failure } : r).ToList();
        return new PagedResult<RunListItem>(items, total, page, pageSize);
    }

    /// <summary>The newest runs in the filter, at most <paramref name="max"/>, for the duration-over-time chart.</summary>
    public async Task<IReadOnlyList<RunDurationPoint>> GetDurationPointsAsync(RunFilter filter, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = await RunFilterQuery.ApplyAsync(db, db.Runs.AsNoTracking(), filter, cancellationToken);
        return await query.OrderByDescending(r => r.StartTime).ThenBy(r => r.RunId)
            .Take(Math.Max(max, 1))
            .Select(r => new RunDurationPoint(r.RunId, r.StartTime, r.DurationMs, r.Status == RunStatus.Error))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Each agent's most common version values among the runs in the filter, counted in the database.</summary>
    public async Task<UsualVersions> GetUsualVersionsAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = await RunFilterQuery.ApplyAsync(db, db.Runs.AsNoTracking(), filter, cancellationToken);
        var prompt = await MostCommonAsync(runs.Select(r => new AgentValue { Agent = r.AgentName, Value = r.PromptVersion }), cancellationToken);
        var policy = await MostCommonAsync(runs.Select(r => new AgentValue { Agent = r.AgentName, Value = r.PolicyVersion }), cancellationToken);
        var tools = await MostCommonAsync(runs.Select(r => new AgentValue { Agent = r.AgentName, Value = r.ToolContractVersion }), cancellationToken);
        var routes = await MostCommonAsync(runs.Select(r => new AgentValue { Agent = r.AgentName, Value = r.RouteConfigVersion }), cancellationToken);
        var agents = prompt.Keys.Concat(policy.Keys).Concat(tools.Keys).Concat(routes.Keys).Distinct(StringComparer.Ordinal);
        return new UsualVersions(agents.ToDictionary(a => a, a => new RunVersions(
            prompt.GetValueOrDefault(a), policy.GetValueOrDefault(a), tools.GetValueOrDefault(a), routes.GetValueOrDefault(a)), StringComparer.Ordinal));
    }

    private static async Task<Dictionary<string, string?>> MostCommonAsync(IQueryable<AgentValue> values, CancellationToken cancellationToken)
    {
        var counts = await values.GroupBy(v => new { v.Agent, v.Value })
            .Select(g => new { g.Key.Agent, g.Key.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Ties go to the larger value, so the answer does not depend on the order rows come back in.
        return counts.GroupBy(c => c.Agent ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Count).ThenByDescending(c => c.Value, StringComparer.Ordinal).First().Value, StringComparer.Ordinal);
    }

    private sealed class AgentValue
    {
        public string? Agent { get; init; }
        public string? Value { get; init; }
    }

    public async Task<RunDetails?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var children = await db.Runs.AsNoTracking()
            .Where(r => r.ParentRunId == runId)
            .OrderBy(r => r.StartTime)
            .Select(r => new RunLink(r.RunId, r.Relation, r.Status, r.StartTime))
            .ToListAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.RunId == runId)
            .OrderBy(c => c.Time)
            .Select(c => new ComplaintItem(c.ExternalId, c.Time, c.Text))
            .ToListAsync(cancellationToken);

        return new RunDetails
        {
            RunId = run.RunId,
            RequestId = run.RequestId,
            TraceId = run.TraceId,
            ParentRunId = run.ParentRunId,
            Relation = run.Relation,
            AgentName = run.AgentName,
            Route = run.Route,
            Status = run.Status,
            StartTime = run.StartTime,
            EndTime = run.EndTime,
            DurationMs = run.DurationMs,
            StepCount = run.StepCount,
            ToolCallCount = run.ToolCallCount,
            ErrorCount = run.ErrorCount,
            InputTokens = run.InputTokens,
            OutputTokens = run.OutputTokens,
            Versions = new RunVersions(run.PromptVersion, run.PolicyVersion, run.ToolContractVersion, run.RouteConfigVersion),
            Models = run.Models,
            Input = run.Input,
            Output = run.Output,
            IsPinned = run.IsPinned,
            PinNote = run.PinNote,
            PayloadsRemoved = run.PayloadsRemoved,
            RedactionCounts = run.RedactionCounts,
            ChildRuns = children,
            Complaints = complaints,
        };
    }

    /// <summary>A window of a run's steps in step order; null when the run does not exist.</summary>
    public async Task<IReadOnlyList<StepItem>?> GetStepsAsync(string runId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            return null;
        }

        var steps = await db.Steps.AsNoTracking()
            .Where(s => s.RunId == runId)
            .OrderBy(s => s.StepNumber)
            .ThenBy(s => s.Id)
            .Skip(Math.Max(offset, 0))
            .Take(Math.Clamp(limit, 1, MaxStepPageSize))
            .ToListAsync(cancellationToken);
        return steps.Select(StepItem.From).ToList();
    }

    /// <summary>A run's decisions in time order, each with the step it belongs to; null when the run does not exist.</summary>
    public async Task<IReadOnlyList<DecisionItem>?> GetDecisionsAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            return null;
        }

        return await db.Decisions.AsNoTracking()
            .Where(d => d.RunId == runId)
            .OrderBy(d => d.Time)
            .ThenBy(d => d.Id)
            .Select(d => new DecisionItem
            {
                Time = d.Time,
                Kind = d.Kind,
                Outcome = d.Outcome,
                Reason = d.Reason,
                PolicyId = d.PolicyId,
                Actor = d.Actor,
                Target = d.Target,
                SpanId = d.SpanId,
                StepNumber = db.Steps
                    .Where(s => s.RunId == d.RunId && s.SpanId == d.SpanId)
                    .Select(s => (int?)s.StepNumber)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Pins a run for an incident (retention keeps it) or unpins it; false when the run does not exist.</summary>
    public async Task<bool> SetPinAsync(string runId, bool pinned, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Runs.Where(r => r.RunId == runId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.IsPinned, pinned).SetProperty(r => r.PinNote, pinned ? note : null), cancellationToken);
        return updated == 1;
    }

    public async Task<RunFilterOptions> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.AsNoTracking();
        var values = new Dictionary<RunDimension, IReadOnlyList<string>>();
        foreach (var dimension in RunDimension.All)
        {
            var distinct = await DistinctAsync(runs.Select(dimension.Value), cancellationToken);
            values[dimension] = dimension.IsList
                ? distinct.SelectMany(list => list.Split(", ")).Distinct().Order(StringComparer.Ordinal).ToList()
                : distinct;
        }

        return new RunFilterOptions(values);
    }

    private static async Task<IReadOnlyList<string>> DistinctAsync(IQueryable<string?> values, CancellationToken cancellationToken) =>
        await values.Where(v => v != null).Distinct().OrderBy(v => v).Select(v => v!).ToListAsync(cancellationToken);
}
