using System.Globalization;

namespace TraceExplorer.Storage;

/// <summary>When EF Core's SQLite migration lock row was left by a process that is gone, so it may be taken over.</summary>
public static class MigrationLockRules
{
    /// <summary>
    /// A row is abandoned when it was written before this process started: one process owns a SQLite file, and this
    /// one has not locked yet. A time that cannot be read is abandoned too, as no live EF Core writes one.
    /// </summary>
    public static bool IsAbandoned(string? timestamp, DateTimeOffset processStart) =>
        !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written)
        || written < processStart;
}
