using System.Diagnostics;
using TraceExplorer.Replay;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Plays a recorded run again: its input and versions, its model calls with the recorded parameters, and every tool
/// call answered from the recording by TraceExplorer.Replay. A call the recording cannot answer is a visible error,
/// not an invented result. Traced as a replay of the original, so the two are linked on the run page.
/// </summary>
internal sealed class ReplayAgent(ToolCassette cassette)
{
    public int ServedByArguments { get; private set; }

    public int ServedByOrder { get; private set; }

    public int Misses { get; private set; }

    public RunResult Run()
    {
        var recorded = cassette.Bundle;
        var context = new RunContext(Ids.RunId(), recorded.Run.RequestId)
        {
            ReplayOf = recorded.Run.RunId,
            Prompt = recorded.Run.Versions.PromptVersion ?? RunContext.PromptVersion,
            Policy = recorded.Run.Versions.PolicyVersion ?? RunContext.PolicyVersion,
            ToolContract = recorded.Run.Versions.ToolContractVersion ?? RunContext.ToolContractVersion,
            RouteConfig = recorded.Run.Versions.RouteConfigVersion ?? RunContext.RouteConfigVersion,
        };
        var steps = new RunSteps(SupportAgent.Source, context);
        using var root = steps.Start($"invoke_agent {RunContext.AgentName}");
        root?.SetTag("gen_ai.operation.name", "invoke_agent");
        root?.SetTag("agent.input", recorded.Run.Input);

        foreach (var step in recorded.Steps.OrderBy(s => s.StepNumber))
        {
            if (step.ToolCall?.ToolName is { } toolName)
            {
                using var tool = steps.Start("agent.tool");
                tool?.SetTag("gen_ai.tool.name", toolName);
                tool?.SetTag("gen_ai.tool.call.arguments", step.ToolCall.Arguments);
                var answer = cassette.Play(toolName, step.ToolCall.Arguments);
                tool?.SetTag("gen_ai.tool.call.id", answer.ToolCallId ?? Ids.ToolCallId());
                if (!answer.Hit)
                {
                    Misses++;
                    tool?.SetStatus(ActivityStatusCode.Error, answer.Miss);
                    tool?.SetTag("error.type", "replay_miss");
                    continue;
                }

                ServedByArguments += answer.MatchedBy == "arguments" ? 1 : 0;
                ServedByOrder += answer.MatchedBy == "order" ? 1 : 0;
                if (answer.Result is not null)
                {
                    tool?.SetTag("gen_ai.tool.call.result", answer.Result);
                }

                if (answer.ErrorType is not null)
                {
                    tool?.SetStatus(ActivityStatusCode.Error, answer.ErrorMessage);
                    tool?.SetTag("error.type", answer.ErrorType);
                }
            }
            else if (step.Model is { } model)
            {
                using var call = steps.Start("agent.model", ActivityKind.Client);
                call?.SetTag("gen_ai.operation.name", "chat");
                call?.SetTag("gen_ai.provider.name", model.Provider);
                call?.SetTag("gen_ai.request.model", model.Model);
                call?.SetTag("gen_ai.request.temperature", model.Temperature);
                call?.SetTag("gen_ai.request.max_tokens", model.MaxTokens);
            }
        }

        root?.SetTag("agent.output", recorded.Run.Output);
        var failure = Misses > 0 ? $"{Misses} tool call(s) the recording could not answer" : null;
        if (failure is not null)
        {
            root?.SetStatus(ActivityStatusCode.Error, failure);
        }

        return new RunResult(context.RunId, steps.Count, failure, null);
    }
}
