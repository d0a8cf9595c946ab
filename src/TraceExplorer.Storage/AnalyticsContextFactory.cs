using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage;

/// <summary>
/// Contexts for the analytics and report queries, which only read and read a lot: on a read replica when
/// <c>ConnectionStrings:TraceStoreAnalytics</c> is set (a streaming replica of the PostgreSQL store), else on the
/// store itself. Everything that writes uses the store's own factory.
/// </summary>
public sealed class AnalyticsContextFactory(IDbContextFactory<TraceDbContext> store, DbContextOptions<TraceDbContext>? replica) : IDbContextFactory<TraceDbContext>
{
    /// <summary>True when analytics read from a replica rather than from the store.</summary>
    public bool OnReplica => replica is not null;

    public TraceDbContext CreateDbContext() => replica is null ? store.CreateDbContext() : new TraceDbContext(replica);

    public Task<TraceDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        replica is null ? store.CreateDbContextAsync(cancellationToken) : Task.FromResult(new TraceDbContext(replica));
}
