using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// The few SQL expressions that differ between the providers. Everything else the analytics queries use
/// (window functions, CASE, COALESCE, IS TRUE) is standard SQL both SQLite and PostgreSQL run.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new();

    private SqlDialect()
    {
    }

    public static SqlDialect For(TraceDbContext db) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        var provider => throw new NotSupportedException($"No analytics SQL for the provider '{provider}'."),
    };

    /// <summary>The largest integer not above a non-negative value.</summary>
    public string FloorOfNonNegative(string expression) => $"CAST(({expression}) AS INTEGER)";

    /// <summary>A timestamp column truncated to the hour or the day, as sortable text ("2026-11-12 02" or "2026-11-12").</summary>
    public string Bucket(string column, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => $"substr({column}, 1, 13)",
        _ => $"substr({column}, 1, 10)",
    };

    /// <summary>Reads back a bucket produced by <see cref="Bucket"/>.</summary>
    public static DateTime ParseBucket(string text, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Hour => DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };
}
