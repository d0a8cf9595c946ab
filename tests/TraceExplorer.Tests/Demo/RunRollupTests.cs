using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Tests.Demo;

public sealed class RunRollupTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Derives_times_counts_tokens_and_models_from_steps()
    {
        var run = NewRun();
        Step[] steps =
        [
            NewStep("root", null, 0, 5000),
            NewStep("a", "root", 10, 1200, s => { s.Kind = StepKind.Model; s.Model = "gpt-4o"; s.InputTokens = 100; s.OutputTokens = 20; }),
            NewStep("b", "root", 1300, 400, s => { s.Kind = StepKind.Tool; s.Status = StepStatus.Error; }),
            NewStep("c", "root", 1800, 3500, s => { s.Kind = StepKind.Model; s.Model = "gpt-4o-mini"; s.InputTokens = 50; s.OutputTokens = 5; }),
        ];

        RunRollup.Apply(run, steps);

        Assert.Equal(Start, run.StartTime);
        Assert.Equal(Start.AddMilliseconds(5300), run.EndTime);
        Assert.Equal(5300, run.DurationMs, precision: 6);
        Assert.Equal(4, run.StepCount);
        Assert.Equal(1, run.ToolCallCount);
        Assert.Equal(1, run.ErrorCount);
        Assert.Equal(150, run.InputTokens);
        Assert.Equal(25, run.OutputTokens);
        Assert.Equal("gpt-4o, gpt-4o-mini", run.Models);
        Assert.Equal(RunStatus.Ok, run.Status);
    }

    [Fact]
    public void A_failed_root_fails_the_run()
    {
        var run = NewRun();

        RunRollup.Apply(run, [NewStep("root", null, 0, 100, s => s.Status = StepStatus.Error)]);

        Assert.Equal(RunStatus.Error, run.Status);
    }

    [Fact]
    public void Without_a_root_any_error_fails_the_run()
    {
        var run = NewRun();

        // Both steps have a parent that has not arrived, so both are roots of what is known.
        RunRollup.Apply(run, [NewStep("a", "missing", 0, 100), NewStep("b", "missing", 0, 100, s => s.Status = StepStatus.Error)]);

        Assert.Equal(RunStatus.Error, run.Status);
    }

    [Fact]
    public void Steps_in_any_order_give_the_same_run()
    {
        Step[] steps =
        [
            NewStep("root", null, 0, 900),
            NewStep("a", "root", 10, 100, s => { s.Kind = StepKind.Model; s.Model = "m1"; s.InputTokens = 7; }),
            NewStep("b", "root", 200, 50, s => { s.Kind = StepKind.Tool; s.Status = StepStatus.Error; }),
            NewStep("c", "root", 300, 800, s => { s.Model = "m2"; s.OutputTokens = 3; }),
        ];
        var whole = NewRun();
        RunRollup.Apply(whole, steps);

        var pieces = NewRun();
        RunRollup.Apply(pieces, [steps[3], steps[1], steps[2], steps[0]]);

        Assert.Equivalent(whole, pieces, strict: true);
        Assert.Equal(1100, whole.DurationMs, precision: 6);
    }

    [Fact]
    public void Counts_each_model_call_tool_call_and_cause_once_and_leaves_plumbing_out()
    {
        // Semantic Kernel over MEAI: orchestrate_tools repeats its calls' tokens, each tool call is two nested spans.
        var run = NewRun();
        Step[] steps =
        [
            NewStep("loop", null, 0, 100, s => { s.InputTokens = 240; s.OutputTokens = 60; }),
            NewStep("chat1", "loop", 0, 10, s => { s.Kind = StepKind.Model; s.InputTokens = 120; s.OutputTokens = 30; }),
            NewStep("outer", "loop", 20, 10, s => { s.Kind = StepKind.Tool; s.ToolName = "support_orders_lookup"; s.Status = StepStatus.Error; }),
            NewStep("inner", "outer", 21, 5, s => { s.Kind = StepKind.Tool; s.ToolName = "orders_lookup"; s.Status = StepStatus.Error; }),
            NewStep("wire", "loop", 35, 1, s => s.Kind = StepKind.Plumbing),
            NewStep("chat2", "loop", 40, 10, s => { s.Kind = StepKind.Model; s.InputTokens = 120; s.OutputTokens = 30; }),
        ];

        RunRollup.Apply(run, steps);

        Assert.Equal((240, 60), (run.InputTokens, run.OutputTokens));
        Assert.Equal(1, run.ToolCallCount);
        Assert.Equal(1, run.ErrorCount);
        Assert.Equal(5, run.StepCount);
    }

    private static Run NewRun() => new() { RunId = "run-1", RequestId = "req-1", TraceId = new string('a', 32) };

    private static Step NewStep(string spanId, string? parent, double offsetMs, double durationMs, Action<Step>? configure = null)
    {
        var step = new Step
        {
            TraceId = new string('a', 32),
            SpanId = spanId,
            ParentSpanId = parent,
            RunId = "run-1",
            Name = spanId,
            StartTime = Start.AddMilliseconds(offsetMs),
            DurationMs = durationMs,
        };
        configure?.Invoke(step);
        return step;
    }
}
