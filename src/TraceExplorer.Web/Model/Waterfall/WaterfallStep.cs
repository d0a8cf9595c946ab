using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>The little the waterfall needs of a step to draw its row; details are loaded when a step is selected.</summary>
public sealed record WaterfallStep
{
    public required int StepNumber { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public StepKind Kind { get; init; }

    /// <summary>The tool for tool calls, the model for model calls, else the span name.</summary>
    public required string Label { get; init; }

    /// <summary>Milliseconds from the start of the run.</summary>
    public double StartMs { get; init; }
    public double DurationMs { get; init; }
    public bool Failed { get; init; }
    public string? ErrorType { get; init; }
    public bool ValidationFailed { get; init; }

    /// <summary>The tool called, for telling repeated calls apart.</summary>
    public string? ToolName { get; init; }

    /// <summary>The keyed hash of the tool call's (redacted) arguments: equal hashes, equal arguments.</summary>
    public string? ToolArgumentsHash { get; init; }

    public double EndMs => StartMs + DurationMs;

    public bool TimedOut => ErrorType is { } type && type.Contains("timeout", StringComparison.OrdinalIgnoreCase);

    /// <summary>A step's row, with its times counted from the run's start.</summary>
    public static WaterfallStep From(StepOutline outline, DateTime runStart) => new()
    {
        StepNumber = outline.StepNumber,
        SpanId = outline.SpanId,
        ParentSpanId = outline.ParentSpanId,
        Kind = outline.Kind,
        Label = StepLabels.DisplayName(outline.Kind, outline.Name, outline.ToolName, outline.Model),
        StartMs = (outline.StartTime - runStart).TotalMilliseconds,
        DurationMs = outline.DurationMs,
        Failed = outline.Status == StepStatus.Error,
        ErrorType = outline.ErrorType,
        ValidationFailed = outline.ValidationPassed == false,
        ToolName = outline.ToolName,
        ToolArgumentsHash = outline.ToolArgumentsHash,
    };
}
