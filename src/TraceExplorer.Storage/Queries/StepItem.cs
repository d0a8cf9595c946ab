using System.Text.Json;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

public sealed record StepItem
{
    public int StepNumber { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public StepKind Kind { get; init; }
    public required string Name { get; init; }
    public DateTime StartTime { get; init; }
    public double DurationMs { get; init; }
    public StepStatus Status { get; init; }
    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ToolName { get; init; }
    public string? ToolCallId { get; init; }
    public string? ToolArgumentsHash { get; init; }
    public string? Model { get; init; }
    public string? Provider { get; init; }
    public double? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public string? ValidationSchema { get; init; }
    public bool? ValidationPassed { get; init; }
    public string? ValidationFailureReason { get; init; }
    public JsonElement? Attributes { get; init; }
    public JsonElement? Events { get; init; }

    internal static StepItem From(Step step) => new()
    {
        StepNumber = step.StepNumber,
        SpanId = step.SpanId,
        ParentSpanId = step.ParentSpanId,
        Kind = step.Kind,
        Name = step.Name,
        StartTime = step.StartTime,
        DurationMs = step.DurationMs,
        Status = step.Status,
        ErrorType = step.ErrorType,
        ErrorMessage = step.ErrorMessage,
        ToolName = step.ToolName,
        ToolCallId = step.ToolCallId,
        ToolArgumentsHash = step.ToolArgumentsHash,
        Model = step.Model,
        Provider = step.Provider,
        Temperature = step.Temperature,
        MaxTokens = step.MaxTokens,
        InputTokens = step.InputTokens,
        OutputTokens = step.OutputTokens,
        ValidationSchema = step.ValidationSchema,
        ValidationPassed = step.ValidationPassed,
        ValidationFailureReason = step.ValidationFailureReason,
        Attributes = ParseJson(step.AttributesJson),
        Events = ParseJson(step.EventsJson),
    };

    private static JsonElement? ParseJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
