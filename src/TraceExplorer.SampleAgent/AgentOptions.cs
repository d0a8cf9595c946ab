using System.Globalization;

namespace TraceExplorer.SampleAgent;

/// <summary>The command line. Where the runs go is not here: the standard OTEL_* variables say that.</summary>
internal sealed record AgentOptions(int Runs, int Seed, int DelayMs, string? ReplayBundle = null)
{
    public const int MaxRuns = 10_000;
    public const int MaxDelayMs = 60_000;

    public const string Usage =
        """
        Usage: TraceExplorer.SampleAgent [--runs N] [--seed S] [--delay-ms D]
               TraceExplorer.SampleAgent --replay <bundle.json>

        Simulates a customer-support agent and sends each run as one OpenTelemetry trace to TraceExplorer.

          --runs N       how many runs to send, 1 to 10000 (default 5)
          --seed S       seed for the simulated questions, outcomes and failures (default: time based);
                         the same seed gives the same runs, with new run ids
          --delay-ms D   pause between runs in milliseconds, 0 to 60000 (default 200)
          --replay FILE  replay one recorded run from its replay bundle (the run page's "Replay bundle" button):
                         same input and versions, every tool result served from the recording, traced as a
                         replay of the original run
          --help         show this text

        Where the runs go is set by the standard OpenTelemetry environment variables:
          OTEL_EXPORTER_OTLP_ENDPOINT   default http://localhost:4317 (grpc) or http://localhost:4318 (http/protobuf)
          OTEL_EXPORTER_OTLP_PROTOCOL   grpc (default) or http/protobuf
          OTEL_EXPORTER_OTLP_HEADERS    e.g. x-api-key=<key> when TraceExplorer requires an API key
          OTEL_SERVICE_NAME             default sample-support-agent
        """;

    /// <summary>Reads the arguments; <paramref name="error"/> says what is wrong when the result is null and help was not asked for.</summary>
    public static AgentOptions? Parse(IReadOnlyList<string> args, out bool helpRequested, out string? error)
    {
        helpRequested = false;
        error = null;
        var runs = 5;
        var seed = Environment.TickCount;
        var delayMs = 200;
        string? replay = null;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name is "--help" or "-h" or "-?")
            {
                helpRequested = true;
                return null;
            }

            if (name is not ("--runs" or "--seed" or "--delay-ms" or "--replay"))
            {
                error = $"unknown option '{args[i]}'";
                return null;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                error = $"{name} needs a value";
                return null;
            }

            if (name == "--replay")
            {
                replay = value;
                continue;
            }

            var parsed = name switch
            {
                "--runs" => TryInt(name, value, 1, MaxRuns, ref runs, out error),
                "--seed" => TryInt(name, value, int.MinValue, int.MaxValue, ref seed, out error),
                _ => TryInt(name, value, 0, MaxDelayMs, ref delayMs, out error),
            };
            if (!parsed)
            {
                return null;
            }
        }

        return new AgentOptions(runs, seed, delayMs, replay);
    }

    // Both "--runs 5" and "--runs=5" are common enough that rejecting either would only annoy.
    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static bool TryInt(string name, string text, int min, int max, ref int target, out string? error)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            error = min == int.MinValue
                ? $"{name} must be a whole number, got '{text}'"
                : $"{name} must be a whole number from {min} to {max}, got '{text}'";
            return false;
        }

        target = value;
        error = null;
        return true;
    }
}
