using Microsoft.Data.Sqlite;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// A prepared INSERT for steps that skips a span already stored (same trace and span id). Values are written in the
/// formats EF Core's SQLite provider reads back: times as text, enums as names, booleans as integers.
/// </summary>
internal sealed class SqliteStepInsert : IDisposable
{
    private static readonly string[] Columns =
    [
        "TraceId", "SpanId", "RunId", "ParentSpanId", "StepNumber", "Kind", "Name", "StartTime", "DurationMs", "Status",
        "ErrorType", "ErrorMessage", "ToolName", "ToolCallId", "ToolArgumentsHash", "Model", "Provider", "Temperature",
        "MaxTokens", "InputTokens", "OutputTokens", "ValidationSchema", "ValidationPassed", "ValidationFailureReason",
        "AttributesJson", "EventsJson",
    ];

    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteStepInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO steps ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))}) " +
            "ON CONFLICT (TraceId, SpanId) DO NOTHING";
        _parameters = Columns.Select(c => _command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        _command.Prepare();
    }

    /// <returns>True when the step was stored; false when the span was already there.</returns>
    public bool Insert(Step step)
    {
        object?[] values =
        [
            step.TraceId, step.SpanId, step.RunId, step.ParentSpanId, step.StepNumber, step.Kind.ToString(), step.Name,
            SqliteValues.Time(step.StartTime), step.DurationMs, step.Status.ToString(), step.ErrorType, step.ErrorMessage,
            step.ToolName, step.ToolCallId, step.ToolArgumentsHash, step.Model, step.Provider, step.Temperature,
            step.MaxTokens, step.InputTokens, step.OutputTokens, step.ValidationSchema,
            step.ValidationPassed is { } passed ? (passed ? 1 : 0) : null, step.ValidationFailureReason,
            step.AttributesJson, step.EventsJson,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return _command.ExecuteNonQuery() == 1;
    }

    public void Dispose() => _command.Dispose();
}
