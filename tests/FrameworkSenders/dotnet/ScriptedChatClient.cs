using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TraceExplorer.FrameworkSenders;

/// <summary>
/// The fake model: asks for both tools until the conversation holds a tool result, then answers. It offers the
/// tools under the names the framework sent (Semantic Kernel prefixes them with the plugin name), and reports usage,
/// finish reason, model and provider as a real client would.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new(Scenario.ProviderName, new Uri("http://127.0.0.1:9/"), Scenario.ModelId);
    private int _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var secondTurn = messages.Any(m => m.Role == ChatRole.Tool || m.Contents.OfType<FunctionResultContent>().Any());
        var message = secondTurn
            ? new ChatMessage(ChatRole.Assistant, Scenario.FinalAnswer)
            : new ChatMessage(ChatRole.Assistant, [.. Scenario.ToolCalls.Select(c => new FunctionCallContent(c.Id, ToolName(c.Name, options), c.Arguments))]);
        var response = new ChatResponse(message)
        {
            ModelId = Scenario.ModelId,
            ResponseId = $"resp-fake-{Interlocked.Increment(ref _calls)}",
            FinishReason = secondTurn ? ChatFinishReason.Stop : ChatFinishReason.ToolCalls,
            Usage = new UsageDetails
            {
                InputTokenCount = Scenario.InputTokens,
                OutputTokenCount = Scenario.OutputTokens,
                TotalTokenCount = Scenario.InputTokens + Scenario.OutputTokens,
            },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static string ToolName(string name, ChatOptions? options) =>
        options?.Tools?.Select(t => t.Name).FirstOrDefault(n => n == name || n.EndsWith("_" + name, StringComparison.Ordinal) || n.EndsWith("-" + name, StringComparison.Ordinal))
        ?? name;
}
