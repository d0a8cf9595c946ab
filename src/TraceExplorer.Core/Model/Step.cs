namespace TraceExplorer.Core.Model;

/// <summary>One span of a run.</summary>
public sealed class Step
{
    public long Id { get; set; }
    public required string TraceId { get; set; }
    public required string SpanId { get; set; }
    public required string RunId { get; set; }
    public string? ParentSpanId { get; set; }

    /// <summary>The seed's step_id: a monotonic counter within the run.</summary>
    public int StepNumber { get; set; }
    public StepKind Kind { get; set; }
    public required string Name { get; set; }

    public DateTime StartTime { get; set; }
    public double DurationMs { get; set; }
    public StepStatus Status { get; set; }
    public string? ErrorType { get; set; }
    public string? ErrorMessage { get; set; }

    public string? ToolName { get; set; }
    public string? ToolCallId { get; set; }
    public string? ToolArgumentsHash { get; set; }

    public string? Model { get; set; }
    public string? Provider { get; set; }
    public double? Temperature { get; set; }
    public int? MaxTokens { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }

    public string? ValidationSchema { get; set; }
    public bool? ValidationPassed { get; set; }
    public string? ValidationFailureReason { get; set; }

    /// <summary>Every attribute not mapped to a column above, as a JSON object.</summary>
    public string? AttributesJson { get; set; }

    /// <summary>Span events (exceptions among them) as a JSON array.</summary>
    public string? EventsJson { get; set; }
}
