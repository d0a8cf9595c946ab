using System.Text.Json;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Otlp.Conventions;
using TraceExplorer.Otlp.Mapping;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Tests.Ingest.Frameworks;

/// <summary>
/// Each framework's real spans (the dumps) mapped and summarised as the writer does: the scripted agent's truth is
/// 2 model calls, 2 tool calls (orders_lookup failed), 240 / 60 tokens, the question in and the answer out.
/// </summary>
public sealed class FrameworkMappingTests
{
    private const string Question = "Where is my order A-1001, and can I get a refund?";
    private const string AnswerStart = "I could not reach the order system";
    private static readonly OtlpTraceMapper Mapper = new(new IngestMappingOptions { EndUserHashKey = "test-key" });

    private static readonly string[] AllStacks = ["langchain", "ai-sdk-7", "ai-sdk-7-legacy", "ai-sdk-legacy", "meai", "agent-framework", "semantic-kernel"];

    public static TheoryData<string> Stacks => new(AllStacks);

    [Theory]
    [MemberData(nameof(Stacks))]
    [InlineData("openllmetry")]
    public void The_tools_offered_to_the_model_are_listed(string stack)
    {
        var (_, steps) = Summarise(stack);

        var offered = steps.SelectMany(s => ToolDefinitionsJson.Read(Attribute(s, A.ToolsOffered))).Select(t => t.Name.Replace("support_", "", StringComparison.Ordinal)).ToHashSet();

        Assert.True(offered.IsSupersetOf(["orders_lookup", "kb_search"]), $"{stack}: {string.Join(", ", offered)}");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Counts_each_model_call_and_tool_call_once(string stack)
    {
        var (run, steps) = Summarise(stack);

        Assert.Equal((240L, 60L), (run.InputTokens, run.OutputTokens));
        Assert.Equal(2, run.ToolCallCount);
        Assert.Equal(1, run.ErrorCount);
        Assert.Equal(2, steps.Count(s => s.Kind == StepKind.Model));
        var cause = Assert.Single(steps, s => s.Status == StepStatus.Error && !steps.Any(c => c.ParentSpanId == s.SpanId && c.Status == StepStatus.Error));
        Assert.EndsWith("orders_lookup", cause.ToolName);
        Assert.Equal(0, steps.Count(s => s.Kind == StepKind.Other));
        Assert.Equal(steps.Count(s => s.Kind != StepKind.Plumbing), run.StepCount);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Reads_the_run_input_and_output(string stack)
    {
        var (run, _) = Summarise(stack);

        Assert.Equal(Question, run.Input);
        Assert.StartsWith(AnswerStart, run.Output);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Model_steps_carry_the_conversation_normalized(string stack)
    {
        var (_, steps) = Summarise(stack);
        var models = steps.Where(s => s.Kind == StepKind.Model).OrderBy(s => s.StepNumber).ToList();
        var first = Messages(models[0]);
        var second = Messages(models[1]);

        Assert.Contains(first, m => m.Role == "system" && m.Text.StartsWith("You are a support agent", StringComparison.Ordinal));
        Assert.Contains(first, m => m.Role == "user" && m.Text == Question);
        var calls = first.Where(m => m.Output).SelectMany(m => m.Parts).Where(p => p.Type == "tool_call").ToList();
        Assert.Equal(["orders_lookup", "kb_search"], calls.Select(c => c.Name!.Replace("support_", "", StringComparison.Ordinal)));
        Assert.Contains("A-1001", calls[0].Arguments);
        Assert.Contains(second, m => m.Parts.Any(p => p.Type == "tool_result" && p.Result!.Contains("kb-42", StringComparison.Ordinal)));
        Assert.StartsWith(AnswerStart, second.Last(m => m.Output).Text);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Tool_steps_carry_arguments_and_results_where_the_step_details_read_them(string stack)
    {
        var (_, steps) = Summarise(stack);
        var forest = new StepForest(steps);
        var tools = Enumerable.Range(0, steps.Count).Where(i => steps[i].Kind == StepKind.Tool && !RepeatedToolSpans.IsRepeat(forest, i)).Select(i => steps[i]).ToList();

        Assert.Equal(2, tools.Count);
        Assert.All(tools, t => Assert.Contains(t.ToolName == null ? "" : t.ToolName.Contains("orders", StringComparison.Ordinal) ? "A-1001" : "refund policy", Attribute(t, A.ToolArguments)));
        Assert.Contains("kb-42", Attribute(tools.Single(t => t.ToolName!.EndsWith("kb_search", StringComparison.Ordinal)), A.ToolResult));
    }

    [Fact]
    public void LangGraph_wiring_is_plumbing_and_the_graph_is_the_agent()
    {
        var (run, steps) = Summarise("langchain");

        Assert.Equal(10, steps.Count(s => s.Kind == StepKind.Plumbing));
        Assert.Equal(StepKind.Plan, steps.Single(s => s.ParentSpanId is null).Kind);
        Assert.Equal(5, run.StepCount);
        Assert.Equal("support-agent", run.AgentName);
    }

    [Theory]
    [InlineData("ai-sdk-7", "support-agent")]
    [InlineData("ai-sdk-legacy", "support-agent")]
    [InlineData("agent-framework", "support-agent")]
    [InlineData("meai", "framework-sender-meai")]
    public void The_agent_name_is_the_frameworks_before_the_service_name(string stack, string agent) =>
        Assert.Equal(agent, Summarise(stack).Run.AgentName);

    [Fact]
    public void OpenLLMetry_reads_its_agent_and_tool_spans()
    {
        // Its SDK never exports a tool span that threw, so only kb_search arrives.
        var (run, steps) = Summarise("openllmetry");

        Assert.Equal((240L, 60L), (run.InputTokens, run.OutputTokens));
        Assert.Equal(Question, run.Input);
        Assert.StartsWith(AnswerStart, run.Output);
        var tool = Assert.Single(steps, s => s.Kind == StepKind.Tool);
        Assert.Equal("kb_search", tool.ToolName);
        Assert.Equal("{\"query\":\"refund policy\"}", Attribute(tool, A.ToolArguments));
        Assert.Equal(StepKind.Plan, steps.Single(s => s.ParentSpanId is null).Kind);
        Assert.Equal("support-agent", run.AgentName);
    }

    [Fact]
    public void A_child_starting_in_its_parents_millisecond_is_numbered_after_it()
    {
        foreach (var stack in AllStacks.Append("openllmetry"))
        {
            var (_, steps) = Summarise(stack);
            var bySpan = steps.ToDictionary(s => s.SpanId);
            Assert.All(steps.Where(s => s.ParentSpanId is not null), s => Assert.True(s.StepNumber > bySpan[s.ParentSpanId!].StepNumber, stack));
        }
    }

    internal static (Run Run, List<Step> Steps) Summarise(string stack)
    {
        var batch = Mapper.Map(FrameworkDump.Load(stack));
        var run = new Run { RunId = "run", RequestId = "run", TraceId = batch.Spans[0].Step.TraceId };
        foreach (var span in batch.Spans.OrderBy(s => s.Step.ParentSpanId is null))
        {
            span.Run.ApplyTo(run, fromRoot: span.Step.ParentSpanId is null);
        }

        var steps = batch.Spans.Select(s => s.Step).ToList();
        var numbers = StepOrder.Numbers(new StepForest(steps));
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].StepNumber = numbers[i];
        }

        RunRollup.Apply(run, steps);
        return (run, steps);
    }

    private static IReadOnlyList<ChatMessage> Messages(Step step) => MessagesJson.Read(Attribute(step, A.Messages));

    private static string Attribute(Step step, string key)
    {
        using var document = JsonDocument.Parse(step.AttributesJson ?? "{}");
        return document.RootElement.TryGetProperty(key, out var value) ? value.GetString() ?? "" : "";
    }
}
