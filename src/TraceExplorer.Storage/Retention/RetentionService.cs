using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Conventions;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Deletion;

namespace TraceExplorer.Storage.Retention;

/// <summary>
/// Applies the retention settings in small batches: deletes runs past RunDays, and strips payloads from runs past
/// PayloadDays. Pinned runs are kept whole. Each pass that changed anything leaves an audit record.
/// </summary>
public sealed class RetentionService(IDbContextFactory<TraceDbContext> contextFactory, RunDeletion deletion, Partitions.StepPartitions partitions)
{
    /// <summary>The attributes that carry payloads; everything else about a step (timing, kind, tool, model) stays.</summary>
    public static readonly IReadOnlyList<string> PayloadAttributes =
        [AgentAttributes.ToolArguments, AgentAttributes.ToolResult, AgentAttributes.RetrievalSnippets, AgentAttributes.Input, AgentAttributes.Output];

    public async Task<RetentionResult> ApplyAsync(RetentionOptions options, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        if (options.RunDays > 0)
        {
            var cutoff = utcNow.AddDays(-options.RunDays);

            // On PostgreSQL whole days of steps go at once; the runs are then deleted as on SQLite.
            await partitions.DropBeforeAsync(cutoff, cancellationToken);
            int batch;
            do
            {
                batch = await deletion.DeleteBatchAsync(r => r.StartTime < cutoff && !r.IsPinned, options.BatchSize, cancellationToken);
                deleted += batch;
            }
            while (batch == options.BatchSize);
        }

        var stripped = 0;
        if (options.PayloadDays > 0)
        {
            var cutoff = utcNow.AddDays(-options.PayloadDays);
            int batch;
            do
            {
                batch = await StripPayloadsAsync(cutoff, options.BatchSize, cancellationToken);
                stripped += batch;
            }
            while (batch == options.BatchSize);
        }

        if (deleted + stripped > 0)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.AuditLog.Add(new AuditRecord
            {
                Time = utcNow,
                Action = "retention",
                Target = $"runs before {options.RunDays} / payloads before {options.PayloadDays} days",
                Actor = "retention",
                Detail = $"{deleted} run(s) deleted, payloads removed from {stripped} run(s)",
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RetentionResult(deleted, stripped);
    }

    private async Task<int> StripPayloadsAsync(DateTime cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var runs = await db.Runs.Where(r => r.StartTime < cutoff && !r.IsPinned && !r.PayloadsRemoved).Take(batchSize).ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.RunId).ToList();
        var steps = await db.Steps.Where(s => runIds.Contains(s.RunId) && s.AttributesJson != null).ToListAsync(cancellationToken);
        foreach (var step in steps)
        {
            step.AttributesJson = WithoutPayloads(step.AttributesJson!);
        }

        foreach (var run in runs)
        {
            run.Input = null;
            run.Output = null;
            run.PayloadsRemoved = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runs.Count;
    }

    private static string? WithoutPayloads(string attributesJson)
    {
        if (JsonNode.Parse(attributesJson) is not JsonObject attributes)
        {
            return attributesJson;
        }

        foreach (var key in PayloadAttributes)
        {
            attributes.Remove(key);
        }

        return attributes.Count == 0 ? null : attributes.ToJsonString();
    }
}
