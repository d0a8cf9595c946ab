namespace TraceExplorer.Storage.Ingest;

internal static class IngestSessions
{
    public static async Task<IIngestSession> OpenAsync(TraceDbContext db, CancellationToken cancellationToken) =>
        StoreProviders.ProviderOf(db) == StoreProvider.Postgres
            ? await PostgresIngestSession.OpenAsync(db, cancellationToken)
            : await SqliteIngestSession.OpenAsync(db, cancellationToken);
}
