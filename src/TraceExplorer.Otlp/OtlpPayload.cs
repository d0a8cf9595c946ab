using Google.Protobuf;
using TraceExplorer.Otlp.Json;

namespace TraceExplorer.Otlp;

/// <summary>Decodes and encodes OTLP/HTTP bodies in either encoding.</summary>
public static class OtlpPayload
{
    public const string ProtobufContentType = "application/x-protobuf";
    public const string JsonContentType = "application/json";

    /// <summary>The encoding a Content-Type names, or null when OTLP has none for it.</summary>
    public static OtlpEncoding? EncodingOf(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return mediaType?.ToLowerInvariant() switch
        {
            ProtobufContentType => OtlpEncoding.Protobuf,
            JsonContentType => OtlpEncoding.Json,
            _ => null,
        };
    }

    /// <exception cref="OtlpDecodeException">The body is not a valid message of this type.</exception>
    public static T Decode<T>(ReadOnlyMemory<byte> body, OtlpEncoding encoding)
        where T : IMessage<T>, new()
    {
        if (encoding == OtlpEncoding.Json)
        {
            return OtlpJson.Parse<T>(body);
        }

        try
        {
            var message = new T();
            message.MergeFrom(body.Span);
            return message;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or ArgumentException or InvalidOperationException)
        {
            throw new OtlpDecodeException("The body is not an OTLP protobuf message: " + exception.Message, exception);
        }
    }

    public static byte[] Encode(IMessage message, OtlpEncoding encoding) =>
        encoding == OtlpEncoding.Json ? System.Text.Encoding.UTF8.GetBytes(OtlpJson.Format(message)) : message.ToByteArray();

    public static string ContentTypeOf(OtlpEncoding encoding) => encoding == OtlpEncoding.Json ? JsonContentType : ProtobufContentType;
}
