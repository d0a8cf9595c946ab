using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Seeding;

/// <summary>Writes generated demo runs into the store in batches, a fresh context per batch so memory stays flat.</summary>
public sealed class DemoSeeder(IDbContextFactory<TraceDbContext> contextFactory, Partitions.StepPartitions partitions, TimeProvider clock)
{
    private const int RunsPerBatch = 500;

    // Held on PostgreSQL while one app instance checks and seeds, so that instances starting together seed once.
    private const long SeedLock = 0x7472616365_02;

    /// <summary>Seeds the store when it holds no run; returns null when it was not empty.</summary>
    public async Task<DemoSeedResult?> SeedIfEmptyAsync(DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        await using var guard = await contextFactory.CreateDbContextAsync(cancellationToken);
        var postgres = StoreProviders.ProviderOf(guard) == StoreProvider.Postgres;
        if (postgres)
        {
            await guard.Database.OpenConnectionAsync(cancellationToken);
            await guard.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SeedLock})", cancellationToken);
        }

        try
        {
            return await StoreIsEmptyAsync(cancellationToken) ? await SeedAsync(options, cancellationToken) : null;
        }
        finally
        {
            if (postgres)
            {
                await guard.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SeedLock})", CancellationToken.None);
            }
        }
    }

    public async Task<DemoSeedResult> SeedAsync(DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        long runs = 0, steps = 0, decisions = 0, complaints = 0;
        foreach (var batch in DemoDataGenerator.Generate(options).Chunk(RunsPerBatch))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await partitions.EnsureAsync(db, batch.SelectMany(r => r.Steps).Select(s => s.StartTime), clock.GetUtcNow().UtcDateTime, cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var run in batch)
            {
                db.Runs.Add(run.Run);
                db.Steps.AddRange(run.Steps);
                db.Decisions.AddRange(run.Decisions);
                db.Complaints.AddRange(run.Complaints);
                steps += run.Steps.Count;
                decisions += run.Decisions.Count;
                complaints += run.Complaints.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            await RollupInvalidation.MarkAsync(db, batch.Select(r => r.Run.StartTime), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            runs += batch.Length;
        }

        return new DemoSeedResult(runs, steps, decisions, complaints);
    }

    public async Task<bool> StoreIsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Runs.AnyAsync(cancellationToken);
    }
}
