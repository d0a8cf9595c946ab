using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Model.Waterfall;

internal static class WaterfallTestSteps
{
    public static WaterfallStep Step(string span, string? parent, double start, double duration, int number = 0) =>
        new() { StepNumber = number, SpanId = span, ParentSpanId = parent, Label = span, StartMs = start, DurationMs = duration };
}
