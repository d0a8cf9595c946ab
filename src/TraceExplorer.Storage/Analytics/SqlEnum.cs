namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// An enum value as the SQL literal the store holds (<see cref="TraceDbContext"/> stores enums by name), so that SQL
/// text names the model's values instead of copying them: a renamed value cannot leave a query behind.
/// </summary>
public static class SqlEnum
{
    public static string Literal<T>(T value)
        where T : struct, Enum => $"'{value}'";

    /// <summary>A list for <c>IN (...)</c>.</summary>
    public static string Literals<T>(params T[] values)
        where T : struct, Enum => string.Join(", ", values.Select(Literal));
}
