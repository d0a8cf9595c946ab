using System.Globalization;
using Microsoft.Data.Sqlite;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// Run rows for the ingest path, read and written with plain SQL: a write touches hundreds of runs, and EF's change
/// tracker costs more than the rows. Columns and formats are those of the EF model (a test reads them back through EF).
/// </summary>
internal sealed class SqliteRunRows(SqliteConnection connection, SqliteTransaction transaction)
{
    // IsPinned is the user's, never ingest's: it is read but not written by the upsert.
    private static readonly string[] Columns =
    [
        "RunId", "RequestId", "TraceId", "ParentRunId", "Relation", "AgentName", "Route", "Status", "StartTime", "EndTime",
        "DurationMs", "StepCount", "ToolCallCount", "ErrorCount", "InputTokens", "OutputTokens", "PromptVersion",
        "PolicyVersion", "ToolContractVersion", "RouteConfigVersion", "Models", "Input", "Output", "EndUserHash",
        "RootSpanId", "RootFailed", "LastStepStart", "StepIdsFromAgent", "RedactionCounts",
    ];

    public Dictionary<string, Run> Load(IReadOnlyCollection<string> runIds)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var chunk in runIds.Chunk(500))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = chunk.Select((_, i) => "$r" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT {string.Join(", ", Columns)}, IsPinned FROM runs WHERE RunId IN ({string.Join(", ", names)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var run = Read(reader);
                runs[run.RunId] = run;
            }
        }

        return runs;
    }

    /// <summary>Inserts the runs or updates them in place.</summary>
    public void Upsert(IEnumerable<Run> runs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO runs ({string.Join(", ", Columns)}, IsPinned) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))}, 0) " +
            $"ON CONFLICT (RunId) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}";
        var parameters = Columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        command.Prepare();
        foreach (var run in runs)
        {
            object?[] values =
            [
                run.RunId, run.RequestId, run.TraceId, run.ParentRunId, run.Relation.ToString(), run.AgentName, run.Route,
                run.Status.ToString(), SqliteValues.Time(run.StartTime), SqliteValues.Time(run.EndTime), run.DurationMs,
                run.StepCount, run.ToolCallCount, run.ErrorCount, run.InputTokens, run.OutputTokens, run.PromptVersion,
                run.PolicyVersion, run.ToolContractVersion, run.RouteConfigVersion, run.Models, run.Input, run.Output,
                run.EndUserHash, run.RootSpanId, run.RootFailed ? 1 : 0,
                run.LastStepStart is { } last ? SqliteValues.Time(last) : null, run.StepIdsFromAgent ? 1 : 0, run.RedactionCounts,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static Run Read(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTime Time(int i) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);
        return new Run
        {
            RunId = reader.GetString(0),
            RequestId = reader.GetString(1),
            TraceId = reader.GetString(2),
            ParentRunId = Text(3),
            Relation = Enum.Parse<RunRelation>(reader.GetString(4)),
            AgentName = Text(5),
            Route = Text(6),
            Status = Enum.Parse<RunStatus>(reader.GetString(7)),
            StartTime = Time(8),
            EndTime = Time(9),
            DurationMs = reader.GetDouble(10),
            StepCount = reader.GetInt32(11),
            ToolCallCount = reader.GetInt32(12),
            ErrorCount = reader.GetInt32(13),
            InputTokens = reader.GetInt64(14),
            OutputTokens = reader.GetInt64(15),
            PromptVersion = Text(16),
            PolicyVersion = Text(17),
            ToolContractVersion = Text(18),
            RouteConfigVersion = Text(19),
            Models = Text(20),
            Input = Text(21),
            Output = Text(22),
            EndUserHash = Text(23),
            RootSpanId = Text(24),
            RootFailed = reader.GetBoolean(25),
            LastStepStart = reader.IsDBNull(26) ? null : Time(26),
            StepIdsFromAgent = reader.GetBoolean(27),
            RedactionCounts = Text(28),
            IsPinned = reader.GetBoolean(29),
        };
    }
}
