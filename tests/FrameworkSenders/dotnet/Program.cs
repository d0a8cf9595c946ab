using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TraceExplorer.FrameworkSenders;

// dotnet run -- --stack meai|agent-framework|semantic-kernel
// Exports OTLP as the OTEL_EXPORTER_OTLP_* variables say (default: gRPC to http://localhost:4317).
var stack = args.SkipWhile(a => a != "--stack").Skip(1).FirstOrDefault() ?? "meai";
if (stack is not ("meai" or "agent-framework" or "semantic-kernel"))
{
    Console.Error.WriteLine($"unknown stack '{stack}': use --stack meai|agent-framework|semantic-kernel");
    return 2;
}

// Semantic Kernel's own GenAI telemetry, with the message contents, is behind this switch.
AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true);

const string SourceName = "TraceExplorer.FrameworkSenders";
using var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService($"framework-sender-{stack}", serviceVersion: "0.1.0"))
    .AddSource("*")
    .AddOtlpExporter()
    .Build();

var tools = new AITool[]
{
    AIFunctionFactory.Create((string orderId) => Scenario.OrdersLookup(orderId), "orders_lookup", "Looks up an order by id."),
    AIFunctionFactory.Create((string query) => Scenario.KbSearch(query), "kb_search", "Searches the knowledge base."),
};

string answer;
try
{
    answer = stack switch
    {
        "meai" => await RunExtensionsAi(),
        "agent-framework" => await RunAgentFramework(),
        _ => await RunSemanticKernel(),
    };
}
finally
{
    tracerProvider.ForceFlush();
}
Console.WriteLine(answer);
return 0;

// Microsoft.Extensions.AI: function invocation around an OpenTelemetry chat client, as the MEAI docs compose them.
async Task<string> RunExtensionsAi()
{
    using var client = new ChatClientBuilder(new ScriptedChatClient())
        .UseFunctionInvocation()
        .UseOpenTelemetry(sourceName: SourceName, configure: c => c.EnableSensitiveData = true)
        .Build();
    var response = await client.GetResponseAsync(
        [new ChatMessage(ChatRole.System, Scenario.SystemPrompt), new ChatMessage(ChatRole.User, Scenario.Question)],
        new ChatOptions { Tools = tools, Temperature = 0.2f, ModelId = Scenario.ModelId });
    return response.Text;
}

// Microsoft Agent Framework: a ChatClientAgent (it adds function invocation itself) with OpenTelemetry on the agent
// and on its chat client, as the framework's observability sample does.
async Task<string> RunAgentFramework()
{
    var chatClient = new ScriptedChatClient().AsBuilder()
        .UseOpenTelemetry(sourceName: SourceName, configure: c => c.EnableSensitiveData = true)
        .Build();
    var agent = new ChatClientAgent(chatClient, new ChatClientAgentOptions
        {
            Name = Scenario.AgentName,
            Description = "Answers order and refund questions.",
            ChatOptions = new ChatOptions { Instructions = Scenario.SystemPrompt, Tools = tools, Temperature = 0.2f },
        })
        .AsBuilder()
        .UseOpenTelemetry(sourceName: SourceName, configure: c => c.EnableSensitiveData = true)
        .Build();
    var response = await agent.RunAsync(Scenario.Question);
    return response.Text;
}

// Semantic Kernel: a plugin of the two functions and auto function calling over the chat client, SK's own telemetry
// switched on above. SK's function calling over an IChatClient is its KernelFunctionInvokingChatClient, composed as
// SK's own AddOpenAIChatClient composes it; MEAI's OpenTelemetry goes inside it as in the MEAI stack.
async Task<string> RunSemanticKernel()
{
    var chatClient = new ScriptedChatClient().AsBuilder()
        .UseKernelFunctionInvocation()
        .UseOpenTelemetry(sourceName: SourceName, configure: c => c.EnableSensitiveData = true)
        .Build();
    var builder = Kernel.CreateBuilder();
    builder.Services.AddSingleton<IChatCompletionService>(chatClient.AsChatCompletionService());
    builder.Plugins.AddFromFunctions("support",
    [
        KernelFunctionFactory.CreateFromMethod((string orderId) => Scenario.OrdersLookup(orderId), "orders_lookup", "Looks up an order by id."),
        KernelFunctionFactory.CreateFromMethod((string query) => Scenario.KbSearch(query), "kb_search", "Searches the knowledge base."),
    ]);
    var kernel = builder.Build();

    var history = new ChatHistory(Scenario.SystemPrompt);
    history.AddUserMessage(Scenario.Question);
    var settings = new PromptExecutionSettings
    {
        ModelId = Scenario.ModelId,
        FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.2 },
    };
    var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel);
    return reply.Content ?? "";
}
