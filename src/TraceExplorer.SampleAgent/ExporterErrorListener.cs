using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Catches the OTLP exporter's own warnings and errors. The exporter never throws to its caller, so without this a
/// wrong endpoint or a missing API key would look exactly like success and the user would wait for runs that never come.
/// </summary>
internal sealed class ExporterErrorListener : EventListener
{
    private const string ExporterEventSource = "OpenTelemetry-Exporter-OpenTelemetryProtocol";

    // Initialised before the base constructor runs, which may already report event sources.
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyCollection<string> Problems => _problems;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == ExporterEventSource)
        {
            EnableEvents(eventSource, EventLevel.Warning);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var payload = eventData.Payload?.ToArray() ?? [];
        string text;
        try
        {
            text = eventData.Message is { Length: > 0 } format
                ? string.Format(CultureInfo.InvariantCulture, format, payload)
                : $"{eventData.EventName}: {string.Join(", ", payload)}";
        }
        catch (FormatException)
        {
            text = $"{eventData.EventName}: {string.Join(", ", payload)}";
        }

        _problems.Enqueue(text);
    }
}
