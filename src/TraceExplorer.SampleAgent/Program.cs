using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TraceExplorer.Replay;
using TraceExplorer.SampleAgent;

var options = AgentOptions.Parse(args, out var helpRequested, out var error);
if (helpRequested)
{
    Console.WriteLine(AgentOptions.Usage);
    return 0;
}

if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop between steps instead of dying, so the provider below still sends what was recorded.
    e.Cancel = true;
    cancellation.Cancel();
};

// Created before the provider so it hears the exporter from its first export on.
using var exporterProblems = new ExporterErrorListener();
var serviceName = OtlpTarget.ServiceName();

// No endpoint, protocol or headers here: AddOtlpExporter reads OTEL_EXPORTER_OTLP_* itself, as any agent would.
var tracerProvider = Sdk.CreateTracerProviderBuilder()
    .AddSource(SupportAgent.ActivitySourceName)
    .ConfigureResource(resource => resource.AddService(serviceName))
    .AddOtlpExporter()
    .Build();

var results = new List<RunResult>();
try
{
    if (options.ReplayBundle is { } bundlePath)
    {
        ToolCassette cassette;
        try
        {
            cassette = ToolCassette.Load(await File.ReadAllTextAsync(bundlePath, cancellation.Token));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: cannot replay '{bundlePath}': {exception.Message}");
            return 2;
        }

        var replay = new ReplayAgent(cassette);
        var replayed = replay.Run();
        results.Add(replayed);
        Console.WriteLine($"{replayed.RunId}: replay of {cassette.Bundle.Run.RunId}, {replayed.Steps} steps; tool results served " +
            $"{replay.ServedByArguments} by arguments, {replay.ServedByOrder} by order, {replay.Misses} missed");
        return 0;
    }

    var agent = new SupportAgent(new Random(options.Seed));
    for (var i = 0; i < options.Runs; i++)
    {
        if (i > 0)
        {
            await Task.Delay(options.DelayMs, cancellation.Token);
        }

        var result = await agent.RunAsync(cancellation.Token);
        results.Add(result);
        Console.WriteLine(result);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped; sending the runs recorded so far.");
}
finally
{
    // Spans are exported in batches in the background; disposing flushes the last batch before the process ends.
    tracerProvider.Dispose();
}

var failed = results.Count(r => !r.Ok);
Console.WriteLine(
    $"Sent {results.Count} run(s) ({results.Count - failed} ok, {failed} failed) as service '{serviceName}' " +
    $"to {OtlpTarget.Describe()}; seed {options.Seed}.");

if (exporterProblems.Problems.Count > 0)
{
    Console.Error.WriteLine("The OTLP exporter reported problems, so some runs may not have arrived:");
    // The first line names the cause; the stack traces beneath it only bury that in a console.
    foreach (var problem in exporterProblems.Problems.Select(p => p.Split('\n')[0].Trim()).Distinct().Take(5))
    {
        Console.Error.WriteLine("  " + problem);
    }

    return 1;
}

Console.WriteLine($"Open TraceExplorer and filter the runs by agent '{RunContext.AgentName}' to see them.");
return 0;
