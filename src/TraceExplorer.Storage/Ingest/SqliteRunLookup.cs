using Microsoft.Data.Sqlite;
using TraceExplorer.Core.Ingest;

namespace TraceExplorer.Storage.Ingest;

/// <summary>Which run a trace or a span already belongs to in the store, asked once per trace within a write.</summary>
internal sealed class SqliteRunLookup(SqliteConnection connection, SqliteTransaction transaction)
{
    private readonly Dictionary<string, string?> _runOfTrace = new(StringComparer.Ordinal);

    /// <summary>The run a trace's stored steps belong to, when it is not the trace's own default run.</summary>
    public string? RunOfTrace(string traceId)
    {
        if (!_runOfTrace.TryGetValue(traceId, out var runId))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT RunId FROM steps WHERE TraceId = $trace AND RunId <> $trace LIMIT 1";
            command.Parameters.AddWithValue("$trace", traceId);
            runId = command.ExecuteScalar() as string;
            _runOfTrace[traceId] = runId;
        }

        return runId;
    }

    /// <summary>The run of a span, from this write's spans or from the store.</summary>
    public string? RunOfSpan(string? traceId, string? spanId, IReadOnlyList<IngestedSpan> pending)
    {
        if (traceId is null || spanId is null)
        {
            return null;
        }

        if (pending.FirstOrDefault(s => s.Step.SpanId == spanId && s.Step.TraceId == traceId) is { } span)
        {
            return span.Step.RunId;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT RunId FROM steps WHERE TraceId = $trace AND SpanId = $span";
        command.Parameters.AddWithValue("$trace", traceId);
        command.Parameters.AddWithValue("$span", spanId);
        return command.ExecuteScalar() as string;
    }
}
