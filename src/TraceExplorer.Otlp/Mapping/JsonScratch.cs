using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// One buffer and JSON writer reused for every span of a request: building attribute JSON is the mapper's main cost,
/// and a fresh stream and writer per span kept the garbage collector busy at ingest rates. Not thread-safe.
/// </summary>
internal sealed class JsonScratch
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonScratch() => _writer = new Utf8JsonWriter(_buffer);

    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    public string Finish()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
