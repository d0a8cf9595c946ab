namespace TraceExplorer.Storage;

/// <summary>The database behind the store, chosen at run time by <c>Storage:Provider</c>.</summary>
public enum StoreProvider
{
    /// <summary>One file on one machine: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several ingest nodes and months of traces.</summary>
    Postgres,
}
