using System.Text.Json;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Replay;

namespace TraceExplorer.Replay;

/// <summary>
/// Serves a recorded run's tool results to an agent under test: a call matches the recorded call of the same tool with
/// the same arguments hash, else the tool's next unused recorded call in order. Each recorded call is served once.
/// Thread-safe.
/// </summary>
public sealed class ToolCassette
{
    private readonly Dictionary<string, List<ReplayToolCallRecord>> _byTool;
    private readonly object _gate = new();

    public ToolCassette(ReplayBundle bundle)
    {
        Bundle = bundle;
        _byTool = bundle.Steps
            .Where(s => s.ToolCall?.ToolName is not null)
            .OrderBy(s => s.StepNumber)
            .GroupBy(s => s.ToolCall!.ToolName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => new ReplayToolCallRecord(s)).ToList(), StringComparer.Ordinal);
    }

    public ReplayBundle Bundle { get; }

    /// <exception cref="InvalidDataException">The document is not a replay bundle of a schema this library reads.</exception>
    public static ToolCassette Load(string json)
    {
        ReplayBundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<ReplayBundle>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException("The document is not a replay bundle: " + exception.Message, exception);
        }

        if (bundle?.Schema != ReplayBundle.CurrentSchema)
        {
            throw new InvalidDataException($"Unsupported replay bundle schema '{bundle?.Schema}'; this library reads {ReplayBundle.CurrentSchema}.");
        }

        return new ToolCassette(bundle);
    }

    /// <param name="toolName">The tool the agent calls.</param>
    /// <param name="arguments">The arguments as the agent would send them (JSON text), hashed as ingest hashes them.</param>
    public CassetteAnswer Play(string toolName, string? arguments)
    {
        lock (_gate)
        {
            if (!_byTool.TryGetValue(toolName, out var calls))
            {
                return new CassetteAnswer { Miss = $"The recorded run never called '{toolName}'." };
            }

            var hash = arguments is null ? null : KeyedHash.Content(arguments);
            var byArguments = hash is null ? null : calls.FirstOrDefault(c => !c.Used && c.Step.ToolCall!.ArgumentsHash == hash);
            var call = byArguments ?? calls.FirstOrDefault(c => !c.Used);
            if (call is null)
            {
                return new CassetteAnswer { Miss = $"All {calls.Count} recorded call(s) of '{toolName}' were already served." };
            }

            call.Used = true;
            return Answer(call.Step, byArguments is not null ? "arguments" : "order");
        }
    }

    /// <summary>
    /// The stateless form, for the HTTP cassette: the recorded call of the tool with the same arguments hash, else the
    /// <paramref name="occurrence"/>-th recorded call of the tool (1-based). Nothing is consumed.
    /// </summary>
    public CassetteAnswer Match(string toolName, string? arguments, int? occurrence)
    {
        if (!_byTool.TryGetValue(toolName, out var calls))
        {
            return new CassetteAnswer { Miss = $"The recorded run never called '{toolName}'." };
        }

        var hash = arguments is null ? null : KeyedHash.Content(arguments);
        var byArguments = hash is null ? null : calls.FirstOrDefault(c => c.Step.ToolCall!.ArgumentsHash == hash);
        var byOrder = occurrence is { } n && n >= 1 && n <= calls.Count ? calls[n - 1] : null;
        return (byArguments ?? byOrder) is { } call
            ? Answer(call.Step, byArguments is not null ? "arguments" : "order")
            : new CassetteAnswer { Miss = $"No recorded call of '{toolName}' has these arguments" + (occurrence is null ? "; pass ?occurrence=N to match by order." : $", and it was called {calls.Count} time(s), not {occurrence}.") };
    }

    private static CassetteAnswer Answer(ReplayStep step, string matchedBy) => new()
    {
        Hit = true,
        MatchedBy = matchedBy,
        ToolCallId = step.ToolCall!.ToolCallId,
        Result = step.ToolCall.Result,
        ErrorType = step.Error?.Type,
        ErrorMessage = step.Error?.Message,
        TimedOut = step.Error?.TimedOut ?? false,
    };

    private sealed class ReplayToolCallRecord(ReplayStep step)
    {
        public ReplayStep Step { get; } = step;

        public bool Used { get; set; }
    }
}
