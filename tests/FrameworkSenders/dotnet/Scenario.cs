namespace TraceExplorer.FrameworkSenders;

/// <summary>
/// The scripted agent every sender plays (the same as js/scenario.mjs): one system instruction, one question, two
/// tool calls in one model turn (orders_lookup times out, kb_search answers), then a final text; 120 input and 30
/// output tokens a model call, so a correct run totals 240 / 60.
/// </summary>
public static class Scenario
{
    public const string SystemPrompt = "You are a support agent for Acme. Use the tools to look things up before answering.";
    public const string Question = "Where is my order A-1001, and can I get a refund?";
    public const string FinalAnswer =
        "I could not reach the order system (it timed out), but under our refund policy you can get a full refund within 30 days.";
    public const string ModelId = "fake-model-1";
    public const string ProviderName = "fake-provider";
    public const string AgentName = "support-agent";
    public const int InputTokens = 120;
    public const int OutputTokens = 30;

    public static readonly IReadOnlyList<(string Id, string Name, Dictionary<string, object?> Arguments)> ToolCalls =
    [
        ("call_1", "orders_lookup", new() { ["orderId"] = "A-1001" }),
        ("call_2", "kb_search", new() { ["query"] = "refund policy" }),
    ];

    public static string OrdersLookup(string orderId) =>
        throw new TimeoutException($"orders service timed out after 5000 ms looking up {orderId}");

    public static KbResult KbSearch(string query) =>
        new([new KbHit("kb-42", "Refund policy", $"Full refund within 30 days ({query}).")]);

    public sealed record KbResult(IReadOnlyList<KbHit> Hits);

    public sealed record KbHit(string Id, string Title, string Snippet);
}
