using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Common.V1;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>A span's (or record's) attributes by key, falling back to its resource's, read as the conventions need them.</summary>
internal sealed class AttributeMap
{
    private readonly Dictionary<string, AnyValue> _own;
    private readonly IReadOnlyDictionary<string, AnyValue> _fallback;

    public AttributeMap(RepeatedField<KeyValue> own, IReadOnlyDictionary<string, AnyValue>? fallback = null)
    {
        _own = ToDictionary(own);
        _fallback = fallback ?? new Dictionary<string, AnyValue>();
    }

    public IReadOnlyDictionary<string, AnyValue> Own => _own;

    public static Dictionary<string, AnyValue> ToDictionary(RepeatedField<KeyValue>? attributes)
    {
        var map = new Dictionary<string, AnyValue>(attributes?.Count ?? 0, StringComparer.Ordinal);
        if (attributes is not null)
        {
            foreach (var attribute in attributes)
            {
                // The first of duplicate keys wins, as in the OpenTelemetry SDKs.
                map.TryAdd(attribute.Key, attribute.Value ?? new AnyValue());
            }
        }

        return map;
    }

    public bool HasOwn(string key) => _own.ContainsKey(key);

    public string? String(string key) => Find(key) is { } value ? AsText(value) : null;

    public string? FirstString(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (String(key) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public long? Long(params string[] keys)
    {
        foreach (var key in keys)
        {
            switch (Find(key))
            {
                case { ValueCase: AnyValue.ValueOneofCase.IntValue } value:
                    return value.IntValue;
                case { ValueCase: AnyValue.ValueOneofCase.DoubleValue } value when double.IsFinite(value.DoubleValue):
                    return (long)value.DoubleValue;
                case { ValueCase: AnyValue.ValueOneofCase.StringValue } value when long.TryParse(value.StringValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
            }
        }

        return null;
    }

    public double? Double(string key) => Find(key) switch
    {
        { ValueCase: AnyValue.ValueOneofCase.DoubleValue } value when double.IsFinite(value.DoubleValue) => value.DoubleValue,
        { ValueCase: AnyValue.ValueOneofCase.IntValue } value => value.IntValue,
        { ValueCase: AnyValue.ValueOneofCase.StringValue } value when double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };

    public bool? Bool(string key) => Find(key) switch
    {
        { ValueCase: AnyValue.ValueOneofCase.BoolValue } value => value.BoolValue,
        { ValueCase: AnyValue.ValueOneofCase.StringValue } value when bool.TryParse(value.StringValue, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A value as text: strings as they are, anything else as JSON.</summary>
    public static string AsText(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        _ => ToJson(value),
    };

    public static string ToJson(AnyValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes a value as JSON: strings redacted (when a redaction is given) and cut to the limit so one value cannot fill
    /// the store; anything under a sensitive key is masked whole.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, AnyValue value, IngestLimits? limits = null, SpanRedaction? redaction = null, string? key = null)
    {
        if (redaction is not null && redaction.IsSensitive(key) && value.ValueCase != AnyValue.ValueOneofCase.None)
        {
            writer.WriteStringValue(redaction.MaskWhole(AsText(value)));
            return;
        }

        switch (value.ValueCase)
        {
            case AnyValue.ValueOneofCase.StringValue:
                var text = redaction?.Attribute(key, value.StringValue) ?? value.StringValue;
                writer.WriteStringValue(limits?.Truncate(text) ?? text);
                break;
            case AnyValue.ValueOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case AnyValue.ValueOneofCase.IntValue when redaction is not null:
                // A long number can be a card number: it is checked as text and written as text only if redacted.
                var digits = value.IntValue.ToString(CultureInfo.InvariantCulture);
                var checkedDigits = redaction.Text(digits)!;
                if (checkedDigits == digits)
                {
                    writer.WriteNumberValue(value.IntValue);
                }
                else
                {
                    writer.WriteStringValue(checkedDigits);
                }

                break;
            case AnyValue.ValueOneofCase.IntValue:
                writer.WriteNumberValue(value.IntValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue):
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue:
                writer.WriteStringValue(value.DoubleValue.ToString(CultureInfo.InvariantCulture));
                break;
            case AnyValue.ValueOneofCase.BytesValue when redaction?.Bytes(key, value.BytesValue.Span) is { } redactedBytes:
                writer.WriteStringValue(limits?.Truncate(redactedBytes) ?? redactedBytes);
                break;
            case AnyValue.ValueOneofCase.BytesValue:
                writer.WriteBase64StringValue(value.BytesValue.Span);
                break;
            case AnyValue.ValueOneofCase.ArrayValue:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue.Values)
                {
                    Write(writer, item, limits, redaction, key);
                }

                writer.WriteEndArray();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                writer.WriteStartObject();
                var pairs = value.KvlistValue.Values;
                var last = LastIndexByKey(pairs);
                var names = new AttributeKeys.Distinct();
                for (var i = 0; i < pairs.Count; i++)
                {
                    // Of keys sent twice in one map the last is kept, as a JSON object built from the pairs would.
                    if (last[pairs[i].Key] != i)
                    {
                        continue;
                    }

                    writer.WritePropertyName(names.Of(redaction?.Name(pairs[i].Key) ?? pairs[i].Key));
                    Write(writer, pairs[i].Value ?? new AnyValue(), limits, redaction, pairs[i].Key);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static Dictionary<string, int> LastIndexByKey(RepeatedField<KeyValue> pairs)
    {
        var last = new Dictionary<string, int>(pairs.Count, StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            last[pairs[i].Key] = i;
        }

        return last;
    }

    private AnyValue? Find(string key) =>
        _own.TryGetValue(key, out var value) || _fallback.TryGetValue(key, out value)
            ? value.ValueCase == AnyValue.ValueOneofCase.None ? null : value
            : null;
}
