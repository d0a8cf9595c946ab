using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>A step without its payload: enough to draw it in the waterfall. Details load when it is selected.</summary>
public sealed record StepOutline(
    int StepNumber,
    string SpanId,
    string? ParentSpanId,
    StepKind Kind,
    string Name,
    string? ToolName,
    string? Model,
    DateTime StartTime,
    double DurationMs,
    StepStatus Status,
    string? ErrorType,
    bool? ValidationPassed,
    string? ToolArgumentsHash = null,
    string? ValidationSchema = null);
