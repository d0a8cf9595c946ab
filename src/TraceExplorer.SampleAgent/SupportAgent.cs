using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Plays out one support conversation as one trace: plan, retrieve, model, tool calls, model, validate, under an
/// invoke_agent root. Nothing is called for real; the pauses only give the spans believable durations.
/// </summary>
internal sealed class SupportAgent(Random random)
{
    public const string ActivitySourceName = "TraceExplorer.SampleAgent";

    private const string Model = "gpt-4o-mini";
    private const double Temperature = 0.2;
    private const int MaxTokens = 512;
    private const string ReplySchema = "support-reply.v1";

    // Rare enough that most runs are clean, common enough that a default five-run session often shows one.
    private const double ToolTimeoutChance = 0.12;
    private const double ValidationFailureChance = 0.08;

    // The simulated backend's deadline is short so a timed-out span still fits the run's one-second budget.
    private const int ToolDeadlineMs = 75;

    public static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly string[] ValidationFailures =
    [
        "reply is missing the required next_steps field",
        "reply is longer than the schema's 600-character limit",
    ];

    private readonly SupportCaseGenerator _cases = new(random);

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var support = _cases.Next();
        var steps = new RunSteps(Source, new RunContext(Ids.RunId(), Ids.RequestId()));

        using var root = steps.Start($"invoke_agent {RunContext.AgentName}");
        root?.SetTag("gen_ai.operation.name", "invoke_agent");
        root?.SetTag("agent.input", support.Question);
        root?.SetTag("enduser.id", "customer-" + random.Next(1, 500));

        using (var plan = steps.Start("agent.plan"))
        {
            plan?.SetTag("agent.plan.intent", support.Intent);
            await PauseAsync(5, 25, cancellationToken);
            AgentDecision.Routing(support.Intent, RunContext.RouteConfigVersion).AddTo(plan);
        }

        using (var retrieve = steps.Start("agent.retrieve"))
        {
            retrieve?.SetTag("gen_ai.tool.name", "kb.search");
            retrieve?.SetTag("gen_ai.tool.call.arguments", new JsonObject { ["query"] = support.KbQuery, ["top_k"] = support.DocumentIds.Count }.ToJsonString());
            retrieve?.SetTag("agent.retrieval.document_ids", support.DocumentIds.ToArray());
            retrieve?.SetTag("agent.retrieval.snippets", support.Snippets.ToArray());
            await PauseAsync(15, 45, cancellationToken);
        }

        await CallModelAsync(steps, inputTokens: random.Next(700, 1100), outputTokens: random.Next(25, 80), cancellationToken);

        string? recovered = null;
        if (await CallToolAsync(steps, support.Lookup, support.Gate, cancellationToken) is { } lookupError)
        {
            recovered = lookupError;
        }
        else if (support.Action is { } action && await CallToolAsync(steps, action, gate: null, cancellationToken) is { } actionError)
        {
            recovered = actionError;
        }

        var reply = recovered is null ? support.Reply : support.HandOffReply;
        await CallModelAsync(steps, inputTokens: random.Next(1000, 1800), outputTokens: random.Next(60, 200), cancellationToken);

        string? failure = null;
        using (var validate = steps.Start("agent.validate"))
        {
            validate?.SetTag("agent.validation.schema", ReplySchema);
            await PauseAsync(5, 15, cancellationToken);
            var passed = random.NextDouble() >= ValidationFailureChance;
            validate?.SetTag("agent.validation.passed", passed);
            if (!passed)
            {
                var reason = ValidationFailures[random.Next(ValidationFailures.Length)];
                validate?.SetTag("agent.validation.failure_reason", reason);
                failure = "reply failed validation: " + reason;

                // The customer still gets an answer, but not the one asked for, so the run counts as failed.
                reply = support.HoldingReply;
                root?.SetStatus(ActivityStatusCode.Error, failure);
            }
        }

        root?.SetTag("agent.output", reply);
        return new RunResult(steps.Run.RunId, steps.Count, failure, recovered);
    }

    private async Task CallModelAsync(RunSteps steps, int inputTokens, int outputTokens, CancellationToken cancellationToken)
    {
        using var model = steps.Start("agent.model", ActivityKind.Client);
        model?.SetTag("gen_ai.operation.name", "chat");
        model?.SetTag("gen_ai.provider.name", "openai");
        model?.SetTag("gen_ai.request.model", Model);
        model?.SetTag("gen_ai.request.temperature", Temperature);
        model?.SetTag("gen_ai.request.max_tokens", MaxTokens);
        await PauseAsync(40, 80, cancellationToken);
        model?.SetTag("gen_ai.usage.input_tokens", inputTokens);
        model?.SetTag("gen_ai.usage.output_tokens", outputTokens);
    }

    /// <returns>Null when the tool answered; otherwise what went wrong, after the agent has handed the case off.</returns>
    private async Task<string?> CallToolAsync(RunSteps steps, PlannedToolCall call, AgentDecision? gate, CancellationToken cancellationToken)
    {
        var callId = Ids.ToolCallId();
        using var tool = steps.Start("agent.tool");
        tool?.SetTag("gen_ai.operation.name", "execute_tool");
        tool?.SetTag("gen_ai.tool.name", call.Name);
        tool?.SetTag("gen_ai.tool.call.id", callId);
        tool?.SetTag("gen_ai.tool.call.arguments", call.ArgumentsJson);

        if (random.NextDouble() < ToolTimeoutChance)
        {
            await Task.Delay(ToolDeadlineMs, cancellationToken);
            var message = $"{call.Name} did not answer within {ToolDeadlineMs} ms";
            tool?.SetStatus(ActivityStatusCode.Error, message);
            tool?.SetTag("error.type", "timeout");
            tool?.AddException(new TimeoutException(message));
            AgentDecision.Audit(call.Name, callId, "timeout").AddTo(tool);
            AgentDecision.HandOff(message, "fallback.tool-timeout").AddTo(tool);
            return $"{call.Name} timed out and the case was handed off";
        }

        await PauseAsync(10, 50, cancellationToken);
        tool?.SetTag("gen_ai.tool.call.result", call.ResultJson);
        AgentDecision.Audit(call.Name, callId, "ok").AddTo(tool);
        gate?.AddTo(tool);
        return null;
    }

    private Task PauseAsync(int minMs, int maxMs, CancellationToken cancellationToken) =>
        Task.Delay(random.Next(minMs, maxMs + 1), cancellationToken);
}
