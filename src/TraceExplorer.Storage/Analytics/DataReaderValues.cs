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

    /// <summary><see cref="Double(DbDataReader, int)"/> of the column named <paramref name="name"/>.</summary>
    public static double Double(this DbDataReader reader, string name) => reader.Double(reader.GetOrdinal(name));

    /// <summary><see cref="Long(DbDataReader, int)"/> of the column named <paramref name="name"/>.</summary>
    public static long Long(this DbDataReader reader, string name) => reader.Long(reader.GetOrdinal(name));

    /// <summary><see cref="Text(DbDataReader, int)"/> of the column named <paramref name="name"/>.</summary>
    public static string? Text(this DbDataReader reader, string name) => reader.Text(reader.GetOrdinal(name));
}
