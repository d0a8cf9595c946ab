using System.Security.Cryptography;
using System.Text;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// The names attributes are stored under. A key over the length limit is cut with a marker and a hash of the whole key,
/// so two long keys that share their start stay two; the name of our own truncation marker is never a sender's.
/// </summary>
public static class AttributeKeys
{
    /// <summary>Written by ingest, and only by ingest, when a span had more attributes than are kept.</summary>
    public const string TruncationMarker = "traceexplorer.truncated";

    /// <summary>What a sender's own attribute named <see cref="TruncationMarker"/> is stored as.</summary>
    public const string SentTruncationMarker = "traceexplorer.truncated.sent";

    /// <summary>The key as sent, except that the marker's name is taken: a sender's attribute of that name moves aside.</summary>
    public static string Own(string key) => key == TruncationMarker ? SentTruncationMarker : key;

    /// <summary>
    /// The key itself when it fits; otherwise its start, '…' and 16 hex digits of the SHA-256 of the whole key, together
    /// <paramref name="maxLength"/> characters, so the cut is visible and keys differing only past the cut stay apart.
    /// </summary>
    public static string Cut(string key, int maxLength)
    {
        if (key.Length <= maxLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
        var kept = Math.Max(0, maxLength - hash.Length - 1);
        // A cut inside a surrogate pair would leave half a character, which is not valid text.
        if (kept > 0 && char.IsHighSurrogate(key[kept - 1]))
        {
            kept--;
        }

        return key[..kept] + "…" + hash;
    }

    /// <summary>
    /// Names written into one JSON object: each distinct, as JSON readers keep only one of two equal names. A name seen
    /// before (two keys redacted alike, or a sent key equal to another's cut form) gets "#2", "#3"… after it.
    /// </summary>
    public sealed class Distinct
    {
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public string Of(string name)
        {
            if (_written.Add(name))
            {
                return name;
            }

            for (var n = 2; ; n++)
            {
                var candidate = $"{name}#{n}";
                if (_written.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
