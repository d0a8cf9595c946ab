using Microsoft.Data.Sqlite;
using SQLitePCL;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// A prepared INSERT for steps that skips a span already stored (same trace and span id). It drives SQLite's C API
/// directly, binding by position: ADO.NET's per-execution name lookups and reader set-up cost more than the row itself
/// at ingest rates. Values are written in the formats EF Core's SQLite provider reads back: times as text, enums as
/// names, booleans as integers. Runs inside the connection's open transaction.
/// </summary>
internal sealed class SqliteStepInsert : IDisposable
{
    private const string Sql =
        "INSERT INTO steps (TraceId, SpanId, RunId, ParentSpanId, StepNumber, Kind, Name, StartTime, DurationMs, Status, " +
        "ErrorType, ErrorMessage, ToolName, ToolCallId, ToolArgumentsHash, Model, Provider, Temperature, MaxTokens, " +
        "InputTokens, OutputTokens, ValidationSchema, ValidationPassed, ValidationFailureReason, AttributesJson, EventsJson) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26) " +
        "ON CONFLICT (TraceId, SpanId) DO NOTHING";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStepInsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, Sql, out _statement));
    }

    /// <returns>True when the step was stored; false when the span was already there.</returns>
    public bool Insert(Step step)
    {
        Text(1, step.TraceId);
        Text(2, step.SpanId);
        Text(3, step.RunId);
        Text(4, step.ParentSpanId);
        Integer(5, step.StepNumber);
        Text(6, step.Kind.ToString());
        Text(7, step.Name);
        Text(8, SqliteValues.Time(step.StartTime));
        Real(9, step.DurationMs);
        Text(10, step.Status.ToString());
        Text(11, step.ErrorType);
        Text(12, step.ErrorMessage);
        Text(13, step.ToolName);
        Text(14, step.ToolCallId);
        Text(15, step.ToolArgumentsHash);
        Text(16, step.Model);
        Text(17, step.Provider);
        Real(18, step.Temperature);
        Integer(19, step.MaxTokens);
        Integer(20, step.InputTokens);
        Integer(21, step.OutputTokens);
        Text(22, step.ValidationSchema);
        Integer(23, step.ValidationPassed is { } passed ? (passed ? 1 : 0) : null);
        Text(24, step.ValidationFailureReason);
        Text(25, step.AttributesJson);
        Text(26, step.EventsJson);

        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }

        return raw.sqlite3_changes(_db) == 1;
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    private void Integer(int index, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));

    private void Real(int index, double? value) =>
        Check(value is { } number ? raw.sqlite3_bind_double(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
        }
    }
}
