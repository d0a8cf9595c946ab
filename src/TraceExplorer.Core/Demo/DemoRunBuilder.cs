using System.Globalization;
using System.Text.Json;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Core.Demo;

/// <summary>
/// Generates the steps and decisions of one demo run, as a support agent instrumented with the
/// TraceExplorer conventions would emit them. Steps 1-8 are a fixed skeleton so that step 7 is always
/// the orders.lookup tool call; the rest varies per run.
/// </summary>
internal sealed class DemoRunBuilder
{
    private const int MaxSteps = 40;
    private static readonly string[] FollowUpTools = ["shipping.track", "refund.issue", "ticket.update", "email.send"];

    private readonly Random _random;
    private readonly DemoRunPlan _plan;
    private readonly List<Step> _steps = [];
    private readonly List<Decision> _decisions = [];
    private DateTime _clock;

    private DemoRunBuilder(Random random, DemoRunPlan plan)
    {
        _random = random;
        _plan = plan;
        _clock = plan.Start;
    }

    public static DemoRun Build(Random random, DemoRunPlan plan) => new DemoRunBuilder(random, plan).Build();

    private bool OnFallback => _plan.Route == DemoIncidents.FallbackRoute;

    private string ModelName => OnFallback ? "gpt-4o-mini" : _plan.AgentName == "billing-agent" ? "claude-sonnet-4-5" : "gpt-4o";

    private string Provider => ModelName.StartsWith("claude", StringComparison.Ordinal) ? "anthropic" : "openai";

    private DemoRun Build()
    {
        var conversation = _plan.Conversation ?? NewConversation();
        var (orderId, input, output) = (conversation.OrderId, conversation.Input, conversation.Output);

        var root = Open(StepKind.Plan, $"invoke_agent {_plan.AgentName}", parent: null);
        AddPlan(root);
        AddRetrieval(root, orderId, iteration: 0);
        AddModelCall(root, iteration: 0);
        AddTool(root, "customer.get", new { customer_ref = _plan.EndUserHash }, durationMs: LogNormal(90, 0.4));
        AddDecision(DecisionKind.Audit, _steps[^1], "logged", "read of a customer profile", "pii-access", "policy-engine", "customer.get");
        AddValidation(root, "orders.lookup.args@v2", failureRate: 0.0);

        var ordersLookupFailed = AddOrdersLookup(root, orderId);
        var gaveUp = ordersLookupFailed && _random.NextDouble() < 0.6;
        if (ordersLookupFailed)
        {
            AddLookupFallback(gaveUp);
        }

        var replyFailed = false;
        if (gaveUp)
        {
            output = DemoText.Apology(_random, orderId);
            AddModelCall(root, iteration: 1);
        }
        else
        {
            if (ordersLookupFailed)
            {
                AddTool(root, DemoIncidents.TimingOutTool, new { order_id = orderId, attempt = 2 }, LogNormal(900, 0.3));
            }

            var iterations = _random.Next(0, 9);
            // An iteration adds at most 7 steps and the reply at most 4, so the run stays within MaxSteps.
            for (var i = 1; i <= iterations && _steps.Count <= MaxSteps - 11; i++)
            {
                AddIteration(root, orderId, i);
            }

            replyFailed = AddFinalReply(root);
        }

        root.DurationMs = (_clock - root.StartTime).TotalMilliseconds;
        if (gaveUp || (replyFailed && _random.NextDouble() < 0.5))
        {
            root.Status = StepStatus.Error;
            root.ErrorType = gaveUp ? "timeout" : "validation_failed";
            root.ErrorMessage = gaveUp ? "orders.lookup did not answer; the agent gave up" : "reply failed schema validation after repair";
        }

        var run = new Run
        {
            RunId = _plan.RunId,
            RequestId = _plan.RequestId,
            TraceId = _plan.TraceId,
            ParentRunId = _plan.ParentRunId,
            Relation = _plan.Relation,
            AgentName = _plan.AgentName,
            Route = _plan.Route,
            PromptVersion = _plan.PromptVersion,
            PolicyVersion = _plan.PolicyVersion,
            ToolContractVersion = _plan.ToolContractVersion,
            RouteConfigVersion = _plan.RouteConfigVersion,
            Input = input,
            Output = output,
            EndUserHash = _plan.EndUserHash,
        };
        RunRollup.Apply(run, _steps);

        var complaints = new List<Complaint>();
        var complaintChance = 0.01 + (run.Status == RunStatus.Error ? 0.10 : 0) + (replyFailed ? 0.06 : 0) + (OnFallback ? 0.05 : 0);
        if (_random.NextDouble() < complaintChance)
        {
            complaints.Add(new Complaint
            {
                RunId = run.RunId,
                ExternalId = $"ZD-{_random.Next(100_000, 999_999)}",
                Time = run.EndTime.AddMinutes(5 + _random.Next(0, 180)),
                Text = DemoText.Complaint(_random),
            });
        }

        return new DemoRun(run, _steps, _decisions, complaints, conversation);
    }

    private DemoConversation NewConversation()
    {
        var orderId = DemoIds.OrderId(_random);
        var amount = (_random.Next(1_500, 60_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture) + " EUR";
        var (input, output) = DemoText.Conversation(_random, orderId, amount);
        return new DemoConversation(orderId, amount, input, output);
    }

    private void AddPlan(Step root)
    {
        var plan = Add(StepKind.Plan, "agent.plan", root, LogNormal(12, 0.5));
        plan.AttributesJson = Json(new Dictionary<string, object?> { ["agent.route"] = _plan.Route, ["agent.route_config_version"] = _plan.RouteConfigVersion });
        var weights = _plan.RouteConfigVersion == DemoIncidents.RouteConfig.After ? "primary=70 fallback-small=30" : "primary=100";
        AddDecision(DecisionKind.Routing, plan, _plan.Route, $"{_plan.RouteConfigVersion} weights {weights}", _plan.RouteConfigVersion, "router", ModelName);
        if (OnFallback)
        {
            AddDecision(DecisionKind.Fallback, plan, "fallback-small", "primary pool shed by route weights", _plan.RouteConfigVersion, "router", "gpt-4o-mini");
        }
    }

    private void AddRetrieval(Step parent, string orderId, int iteration)
    {
        // The planted route-config incident: the fallback route's small model keeps re-asking the same search,
        // where the primary route refines its query on each iteration.
        string[] topics = ["status", "refund policy", "shipping times", "returns window", "address change"];
        var topic = OnFallback ? topics[0] : topics[iteration % topics.Length] + (iteration >= topics.Length ? " details" : "");
        var query = new { query = $"order {orderId} {topic}", top_k = 5 };
        var repeats = OnFallback && iteration > 0 ? _random.Next(2, 5) : 1;
        for (var i = 0; i < repeats; i++)
        {
            var step = Add(StepKind.Retrieve, "agent.retrieve", parent, LogNormal(160, 0.45));
            step.ToolName = DemoIncidents.RepeatedRetrievalTool;
            var arguments = JsonSerializer.Serialize(query);
            step.ToolArgumentsHash = KeyedHash.Content(arguments);
            var documents = Enumerable.Range(0, 3).Select(_ => $"kb-{_random.Next(1000, 9999)}").ToArray();
            step.AttributesJson = Json(new Dictionary<string, object?>
            {
                ["gen_ai.tool.call.arguments"] = arguments,
                ["agent.retrieval.document_ids"] = documents,
                ["agent.retrieval.snippets"] = documents.Select(d => $"{d}: Orders can be changed until they ship; refunds take 3-5 business days.").ToArray(),
            });
        }
    }

    private void AddModelCall(Step parent, int iteration)
    {
        var inputTokens = 900 + (iteration * 420) + _random.Next(0, 900);
        var outputTokens = _random.Next(40, 520);
        var perToken = OnFallback ? 6 : ModelName == "gpt-4o" ? 14 : 17;
        var step = Add(StepKind.Model, "agent.model", parent, LogNormal(280 + (outputTokens * perToken), 0.25));
        step.Model = ModelName;
        step.Provider = Provider;
        step.Temperature = 0.2;
        step.MaxTokens = 1024;
        step.InputTokens = inputTokens;
        step.OutputTokens = outputTokens;
        step.AttributesJson = Json(new Dictionary<string, object?>
        {
            ["gen_ai.operation.name"] = "chat",
            ["gen_ai.response.model"] = ModelName + (Provider == "openai" ? "-2024-08-06" : "-20250929"),
            ["gen_ai.response.finish_reasons"] = new[] { "stop" },
        });
    }

    private Step AddTool(Step parent, string tool, object arguments, double durationMs)
    {
        var step = Add(StepKind.Tool, "agent.tool", parent, durationMs);
        var argumentsJson = JsonSerializer.Serialize(arguments);
        step.ToolName = tool;
        step.ToolCallId = DemoIds.ToolCallId(_random);
        step.ToolArgumentsHash = KeyedHash.Content(argumentsJson);
        step.AttributesJson = Json(new Dictionary<string, object?>
        {
            ["gen_ai.tool.call.arguments"] = argumentsJson,
            ["gen_ai.tool.call.result"] = JsonSerializer.Serialize(new { ok = true, tool }),
            ["agent.tool_contract_version"] = _plan.ToolContractVersion,
        });
        return step;
    }

    /// <summary>Step 7 and its HTTP child. Under the new policy an egress check makes the orders API time out.</summary>
    private bool AddOrdersLookup(Step root, string orderId)
    {
        var newPolicy = _plan.PolicyVersion == DemoIncidents.Policy.After;
        var timesOut = _random.NextDouble() < (newPolicy ? 0.55 : 0.005);
        var duration = timesOut ? DemoIncidents.ToolTimeoutMs + _random.Next(0, 40) : LogNormal(240, 0.35);
        var tool = AddTool(root, DemoIncidents.TimingOutTool, new { order_id = orderId }, duration);
        var http = new Step
        {
            TraceId = _plan.TraceId,
            SpanId = DemoIds.SpanId(_random),
            RunId = _plan.RunId,
            ParentSpanId = tool.SpanId,
            StepNumber = _steps.Count + 1,
            Kind = StepKind.Other,
            Name = "GET /v2/orders/{id}",
            StartTime = tool.StartTime.AddMilliseconds(newPolicy ? 4 : 1),
            DurationMs = duration - (newPolicy ? 6 : 2),
            AttributesJson = Json(new Dictionary<string, object?> { ["http.request.method"] = "GET", ["server.address"] = "orders-api.internal" }),
        };
        _steps.Add(http);
        if (newPolicy)
        {
            AddDecision(DecisionKind.Audit, tool, "pending", "data-residency egress check on orders-api", "egress-residency", "policy-engine", DemoIncidents.TimingOutTool);
        }

        if (timesOut)
        {
            foreach (var step in new[] { tool, http })
            {
                MarkError(step, "timeout", $"{DemoIncidents.TimingOutTool} timed out after {DemoIncidents.ToolTimeoutMs:0} ms");
            }

            // A call that timed out returned nothing.
            tool.AttributesJson = Json(new Dictionary<string, object?>
            {
                ["gen_ai.tool.call.arguments"] = JsonSerializer.Serialize(new { order_id = orderId }),
                ["agent.tool_contract_version"] = _plan.ToolContractVersion,
            });
        }

        return timesOut;
    }

    /// <summary>The agent's way out of a timed-out step 7, decided when the call gave up: one retry, or an apology.</summary>
    private void AddLookupFallback(bool gaveUp)
    {
        var lookup = _steps[DemoIncidents.TimingOutStep - 1];
        AddDecision(
            DecisionKind.Fallback, lookup, gaveUp ? "apology reply" : "retry once",
            $"{DemoIncidents.TimingOutTool} timed out after {DemoIncidents.ToolTimeoutMs:0} ms", "tool-timeouts", "agent", DemoIncidents.TimingOutTool,
            at: lookup.StartTime.AddMilliseconds(lookup.DurationMs));
    }

    private void AddIteration(Step root, string orderId, int iteration)
    {
        if (OnFallback || _random.NextDouble() < 0.3)
        {
            AddRetrieval(root, orderId, iteration);
        }

        AddModelCall(root, iteration);
        var toolName = FollowUpTools[_random.Next(FollowUpTools.Length)];
        var step = toolName switch
        {
            "refund.issue" => AddRefund(root, orderId),
            "email.send" => AddEmail(root),
            _ => AddTool(root, toolName, new { order_id = orderId }, LogNormal(180, 0.5)),
        };
        if (_random.NextDouble() < 0.35)
        {
            AddValidation(root, $"{step.ToolName}.result@v1", failureRate: 0.02);
        }
    }

    private Step AddRefund(Step parent, string orderId)
    {
        var amount = _random.Next(10, 400);
        var step = AddTool(parent, "refund.issue", new { order_id = orderId, amount_eur = amount }, LogNormal(320, 0.4));
        var human = amount > 200;
        var approved = !human || _random.NextDouble() < 0.8;
        AddDecision(DecisionKind.Approval, step, approved ? "approved" : "denied",
            human ? $"refund of {amount} EUR is above the 200 EUR auto-approval limit" : $"refund of {amount} EUR within auto-approval limit",
            "refund-limit-v3", human ? "human:ops-oncall" : "auto-approver", "refund.issue");
        AddDecision(DecisionKind.Audit, step, "logged", "money movement", "finance-audit", "policy-engine", "refund.issue");
        if (!approved)
        {
            MarkError(step, "approval_denied", "refund not approved");
        }

        return step;
    }

    private Step AddEmail(Step parent)
    {
        var step = AddTool(parent, "email.send", new { template = "order_update", channel = "email" }, LogNormal(140, 0.3));
        var newPolicy = _plan.PolicyVersion == DemoIncidents.Policy.After;
        if (_random.NextDouble() < (newPolicy ? 0.12 : 0.02))
        {
            AddDecision(DecisionKind.PolicyBlock, step, "blocked", "outbound message contains an unmasked account number", "pii-egress", "policy-engine", "email.send");
            MarkError(step, "policy_blocked", "blocked by policy pii-egress");
        }
        else
        {
            AddDecision(DecisionKind.Approval, step, "approved", "outbound message passed PII checks", "pii-egress", "policy-engine", "email.send");
        }

        return step;
    }

    /// <summary>The composed reply and its schema check; the planted prompt incident makes the check fail often.</summary>
    private bool AddFinalReply(Step root)
    {
        var failureRate = _plan.PromptVersion == DemoIncidents.Prompt.After ? 0.28 : 0.04;
        AddModelCall(root, iteration: 9);
        var failed = !AddValidation(root, DemoIncidents.FailingReplySchema, failureRate);
        if (failed)
        {
            // One repair attempt, as most agents do.
            AddModelCall(root, iteration: 10);
            failed = !AddValidation(root, DemoIncidents.FailingReplySchema, 0.3);
        }

        return failed;
    }

    private bool AddValidation(Step parent, string schema, double failureRate)
    {
        var step = Add(StepKind.Validate, "agent.validate", parent, LogNormal(6, 0.5));
        var passed = _random.NextDouble() >= failureRate;
        step.ValidationSchema = schema;
        step.ValidationPassed = passed;
        if (!passed)
        {
            string[] reasons = ["missing required field: order_id", "invalid enum value for resolution", "reply exceeds 1200 characters"];
            step.ValidationFailureReason = reasons[_random.Next(10) < 6 ? 0 : _random.Next(1, reasons.Length)];
        }

        return passed;
    }

    private Step Open(StepKind kind, string name, Step? parent)
    {
        var step = new Step
        {
            TraceId = _plan.TraceId,
            SpanId = DemoIds.SpanId(_random),
            RunId = _plan.RunId,
            ParentSpanId = parent?.SpanId,
            StepNumber = _steps.Count + 1,
            Kind = kind,
            Name = name,
            StartTime = _clock,
            Status = StepStatus.Ok,
        };
        _steps.Add(step);
        return step;
    }

    private Step Add(StepKind kind, string name, Step parent, double durationMs)
    {
        var step = Open(kind, name, parent);
        step.DurationMs = Math.Round(durationMs, 3);
        _clock = _clock.AddMilliseconds(step.DurationMs + _random.Next(1, 12));
        return step;
    }

    private void AddDecision(DecisionKind kind, Step step, string outcome, string reason, string policyId, string actor, string target, DateTime? at = null)
    {
        var decision = new Decision
        {
            RunId = _plan.RunId,
            TraceId = _plan.TraceId,
            SpanId = step.SpanId,
            Time = at ?? step.StartTime.AddMilliseconds(Math.Min(1, step.DurationMs)),
            Kind = kind,
            Outcome = outcome,
            Reason = reason,
            PolicyId = policyId,
            Actor = actor,
            Target = target,
        };
        decision.Fingerprint = DecisionFingerprint.Of(decision);
        _decisions.Add(decision);
    }

    private static void MarkError(Step step, string type, string message)
    {
        step.Status = StepStatus.Error;
        step.ErrorType = type;
        step.ErrorMessage = message;
        step.EventsJson = Json(new[]
        {
            new Dictionary<string, object?>
            {
                ["name"] = "exception",
                ["time"] = step.StartTime.AddMilliseconds(step.DurationMs).ToString("O", CultureInfo.InvariantCulture),
                ["attributes"] = new Dictionary<string, object?> { ["exception.type"] = type, ["exception.message"] = message },
            },
        });
    }

    /// <summary>A log-normal duration with the given median, the usual shape of service latencies.</summary>
    private double LogNormal(double median, double sigma)
    {
        // Box-Muller transform: two uniform draws give one standard normal draw.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
