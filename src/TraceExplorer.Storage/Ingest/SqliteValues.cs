using System.Globalization;

namespace TraceExplorer.Storage.Ingest;

/// <summary>Values as EF Core's SQLite provider stores them, for the raw-SQL ingest path.</summary>
internal static class SqliteValues
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
