using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Deletion;

/// <summary>
/// Deletes runs with every row that belongs to them (steps, decisions, complaints) in one transaction, and leaves an
/// audit record of each deletion. Related runs (retries, forks) are runs of their own and stay.
/// </summary>
public sealed class RunDeletion(IDbContextFactory<TraceDbContext> contextFactory)
{
    /// <returns>False when the run did not exist.</returns>
    public async Task<bool> DeleteRunAsync(string runId, string? actor, CancellationToken cancellationToken = default)
    {
        var deleted = await DeleteAsync(runs => runs.Where(r => r.RunId == runId), "delete_run", runId, actor, cancellationToken);
        return deleted > 0;
    }

    /// <summary>Deletes every run of the end user with this keyed hash; the audit record names the hash, never the raw id.</summary>
    public Task<int> EraseEndUserAsync(string endUserHash, string? actor, CancellationToken cancellationToken = default) =>
        DeleteAsync(runs => runs.Where(r => r.EndUserHash == endUserHash), "erase_end_user", endUserHash, actor, cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> runs matching the condition, without an audit record of its own (the caller records the pass).</summary>
    public async Task<int> DeleteBatchAsync(System.Linq.Expressions.Expression<Func<Run, bool>> condition, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var runIds = await db.Runs.Where(condition).OrderBy(r => r.StartTime).Select(r => r.RunId).Take(limit).ToListAsync(cancellationToken);
        await DeleteRowsAsync(db, runIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runIds.Count;
    }

    public async Task<IReadOnlyList<AuditRecord>> GetAuditLogAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Time).ThenByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private async Task<int> DeleteAsync(
        Func<IQueryable<Run>, IQueryable<Run>> select, string action, string target, string? actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var runIds = await select(db.Runs).Select(r => r.RunId).ToListAsync(cancellationToken);
        await DeleteRowsAsync(db, runIds, cancellationToken);

        // Every request leaves a record, also one that found nothing: an erasure request is itself worth keeping.
        db.AuditLog.Add(new AuditRecord
        {
            Time = DateTime.UtcNow,
            Action = action,
            Target = target,
            Actor = actor,
            Detail = $"{runIds.Count} run(s) deleted with their steps, decisions and complaints",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runIds.Count;
    }

    private static async Task DeleteRowsAsync(TraceDbContext db, List<string> runIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in runIds.Chunk(500))
        {
            var starts = await db.Runs.Where(r => chunk.Contains(r.RunId)).Select(r => r.StartTime).ToListAsync(cancellationToken);
            await RollupInvalidation.MarkAsync(db, starts, cancellationToken);
            await db.Steps.Where(s => chunk.Contains(s.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.Decisions.Where(d => chunk.Contains(d.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.Complaints.Where(c => chunk.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.Runs.Where(r => chunk.Contains(r.RunId)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
