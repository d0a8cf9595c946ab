using System.Data.Common;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// The run columns ingest reads and writes with plain SQL: a write touches hundreds of runs, and EF's change tracker
/// costs more than the rows. Names and types are those of the EF model (a test reads them back through EF).
/// </summary>
internal static class RunColumns
{
    // IsPinned is the user's, never ingest's: it is read but not written by the upsert.
    public static readonly string[] Written =
    [
        "RunId", "RequestId", "TraceId", "ParentRunId", "Relation", "AgentName", "Route", "Status", "StartTime", "EndTime",
        "DurationMs", "StepCount", "ToolCallCount", "ErrorCount", "InputTokens", "OutputTokens", "PromptVersion",
        "PolicyVersion", "ToolContractVersion", "RouteConfigVersion", "Models", "Input", "Output", "EndUserHash",
        "RootSpanId", "RootFailed", "LastStepStart", "StepIdsFromAgent", "RedactionCounts",
    ];

    /// <summary>The written columns then IsPinned, quoted, for a SELECT that <see cref="Read"/> reads.</summary>
    public static string SelectList => string.Join(", ", Written.Append("IsPinned").Select(c => $"\"{c}\""));

    /// <summary>The values of <see cref="Written"/>, in order, as the CLR types EF maps them to.</summary>
    public static object?[] Values(Run run) =>
    [
        run.RunId, run.RequestId, run.TraceId, run.ParentRunId, run.Relation.ToString(), run.AgentName, run.Route,
        run.Status.ToString(), run.StartTime, run.EndTime, run.DurationMs,
        run.StepCount, run.ToolCallCount, run.ErrorCount, run.InputTokens, run.OutputTokens, run.PromptVersion,
        run.PolicyVersion, run.ToolContractVersion, run.RouteConfigVersion, run.Models, run.Input, run.Output,
        run.EndUserHash, run.RootSpanId, run.RootFailed, run.LastStepStart, run.StepIdsFromAgent, run.RedactionCounts,
    ];

    public static Run Read(DbDataReader reader)
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

    /// <summary>A step as the run summary and step numbering need it (see <see cref="StepTimingSelect"/> for its columns).</summary>
    public const string StepTimingSelect =
        "SELECT \"SpanId\", \"ParentSpanId\", \"Kind\", \"StartTime\", \"DurationMs\", \"Status\", \"Model\", \"InputTokens\", \"OutputTokens\", " +
        "\"TraceId\", \"ToolName\", \"ToolArgumentsHash\", \"StepNumber\" FROM steps";

    public static Step ReadStepTiming(DbDataReader reader, Run run) => new()
    {
        RunId = run.RunId,
        Name = "",
        SpanId = reader.GetString(0),
        ParentSpanId = reader.IsDBNull(1) ? null : reader.GetString(1),
        Kind = Enum.Parse<StepKind>(reader.GetString(2)),
        StartTime = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
        DurationMs = reader.GetDouble(4),
        Status = Enum.Parse<StepStatus>(reader.GetString(5)),
        Model = reader.IsDBNull(6) ? null : reader.GetString(6),
        InputTokens = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        OutputTokens = reader.IsDBNull(8) ? null : reader.GetInt64(8),
        TraceId = reader.GetString(9),
        ToolName = reader.IsDBNull(10) ? null : reader.GetString(10),
        ToolArgumentsHash = reader.IsDBNull(11) ? null : reader.GetString(11),
        StepNumber = reader.GetInt32(12),
    };
}
