using System.Data.Common;

namespace TraceExplorer.Storage.Analytics;

/// <summary>Typed reads of aggregate columns, whose type differs by provider (SUM of integers is an integer in SQLite, a numeric in PostgreSQL).</summary>
public static class DataReaderValues
{
    public static double Double(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static string? Text(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
