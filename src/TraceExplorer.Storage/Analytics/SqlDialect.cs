namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// The few SQL expressions that differ between the providers. Everything else the analytics queries use
/// (window functions, CASE, COALESCE, IS TRUE, MATERIALIZED common table expressions) is SQL both SQLite and
/// PostgreSQL run as written.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(StoreProvider.Sqlite);

    public static readonly SqlDialect Postgres = new(StoreProvider.Postgres);

    private SqlDialect(StoreProvider provider) => Provider = provider;

    public StoreProvider Provider { get; }

    public static SqlDialect For(TraceDbContext db) =>
        StoreProviders.ProviderOf(db) == StoreProvider.Postgres ? Postgres : Sqlite;

    /// <summary>
    /// Runs (alias r), then the steps (alias s) of each through the (RunId, StepNumber) index, for the steps of a few
    /// runs picked by the runs' own columns; the condition <see cref="StepsOfRunsJoin"/> goes in the WHERE clause.
    /// SQLite keeps the order of a CROSS JOIN and INDEXED BY holds it to the index: with parameters for times it
    /// guesses a range of runs large, and would scan the steps or another index of them per run. PostgreSQL would hash
    /// every partition of the steps; a LATERAL subquery it may not flatten (OFFSET 0) reads each run's steps by index.
    /// </summary>
    public string StepsOfRuns => Provider == StoreProvider.Postgres
        ? "runs r CROSS JOIN LATERAL (SELECT * FROM steps WHERE \"RunId\" = r.\"RunId\" OFFSET 0) s"
        : $"runs r CROSS JOIN steps s {StepsByRun}";

    /// <summary>
    /// Written after the steps table of a join on its run id: on SQLite, holds the join to the (RunId, StepNumber)
    /// index. Without it, a join that also asks for validation steps (<c>"Kind" = 'Validate'</c>) reads them through
    /// the partial validation index, whose run id is its last column: every validation step in the store for each run
    /// joined. PostgreSQL, with its statistics, needs no hint.
    /// </summary>
    public string StepsByRun => Provider == StoreProvider.Postgres ? "" : "INDEXED BY \"IX_steps_RunId_StepNumber\"";

    /// <summary>
    /// Written after the runs table of a query that wants the run nearest a duration (<c>ORDER BY</c> duration
    /// <c>LIMIT 1</c> from a bound): on SQLite, reads the duration index from the bound instead of every run of an
    /// agent sorted. PostgreSQL, with its statistics, needs no hint.
    /// </summary>
    public string RunsByDuration => Provider == StoreProvider.Postgres ? "" : "INDEXED BY \"IX_runs_DurationMs\"";

    public const string StepsOfRunsJoin = "s.\"RunId\" = r.\"RunId\"";

    /// <summary>The largest integer not above a non-negative value (SQLite's CAST truncates; PostgreSQL's rounds).</summary>
    public string FloorOfNonNegative(string expression) =>
        Provider == StoreProvider.Postgres ? $"FLOOR({expression})" : $"CAST(({expression}) AS INTEGER)";

    /// <summary>A timestamp column truncated to the UTC hour or day, as sortable text ("2026-11-12 02" or "2026-11-12").</summary>
    public string Bucket(string column, TimeBucket bucket) => (Provider, bucket) switch
    {
        // SQLite keeps times as UTC text.
        (StoreProvider.Sqlite, TimeBucket.Hour) => $"substr({column}, 1, 13)",
        (StoreProvider.Sqlite, _) => $"substr({column}, 1, 10)",
        (_, TimeBucket.Hour) => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')",
        _ => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
    };

    /// <summary>Reads back a bucket produced by <see cref="Bucket"/>.</summary>
    public static DateTime ParseBucket(string text, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };
}
