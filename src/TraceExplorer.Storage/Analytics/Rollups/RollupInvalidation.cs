namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Marks hours of runs pending, so that reports read them from the steps until <see cref="RollupMaterializer"/> has
/// rolled them up again. Every write that adds, moves or deletes a run's rows calls this in its own transaction.
/// </summary>
public static class RollupInvalidation
{
    /// <summary>The statement that bumps one hour's version; <paramref name="hour"/> is its placeholder.</summary>
    public static string MarkSql(string hour) => $"""
        INSERT INTO rollup_pending ("Hour", "Version") VALUES ({hour}, 1)
            ON CONFLICT ("Hour") DO UPDATE SET "Version" = rollup_pending."Version" + 1
        """;

    /// <summary>The hours these runs started in, each once.</summary>
    public static IReadOnlyList<DateTime> HoursOf(IEnumerable<DateTime> runStarts) =>
        runStarts.Select(RollupCoverage.HourOf).Distinct().Order().ToList();

    /// <summary>Marks the hours of these run start times pending, in the context's current transaction.</summary>
    public static async Task MarkAsync(TraceDbContext db, IEnumerable<DateTime> runStarts, CancellationToken cancellationToken)
    {
        foreach (var hour in HoursOf(runStarts))
        {
            var query = new SqlQuery(SqlDialect.For(db));
            await query.Append(MarkSql(query.Parameter(hour))).ExecuteAsync(db, cancellationToken);
        }
    }

    /// <summary>Queues hours never rolled up; an hour already pending keeps its version.</summary>
    public static async Task QueueAsync(TraceDbContext db, IReadOnlyList<DateTime> hours, CancellationToken cancellationToken)
    {
        foreach (var chunk in hours.Chunk(500))
        {
            var query = new SqlQuery(SqlDialect.For(db));
            var values = string.Join(", ", chunk.Select(h => $"({query.Parameter(h)}, 0)"));
            await query.Append($"INSERT INTO rollup_pending (\"Hour\", \"Version\") VALUES {values} ON CONFLICT (\"Hour\") DO NOTHING")
                .ExecuteAsync(db, cancellationToken);
        }
    }
}
