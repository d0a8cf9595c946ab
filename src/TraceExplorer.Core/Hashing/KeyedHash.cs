using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace TraceExplorer.Core.Hashing;

/// <summary>Short keyed hashes: equal inputs correlate without the input being stored or revealed.</summary>
public static class KeyedHash
{
    /// <summary>HMAC-SHA256 of <paramref name="value"/> under <paramref name="key"/>, as the first <paramref name="hexLength"/> lowercase hex digits.</summary>
    public static string Compute(string key, string value, int hexLength = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hexLength, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hexLength, 64);
        var hmac = KeyedOnThisThread(key);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = byteCount > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(value, bytes);
            hmac.AppendData(bytes[..written]);
            Span<byte> mac = stackalloc byte[32];
            hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac[..((hexLength + 1) / 2)])[..hexLength];
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // One keyed HMAC per thread and key, reset after each use: redaction hashes every placeholder, and setting up a
    // fresh HMAC (its key schedule and the native context) each time cost more than the hashing itself.
    [ThreadStatic]
    private static Dictionary<string, IncrementalHash>? _keyed;

    private static IncrementalHash KeyedOnThisThread(string key)
    {
        _keyed ??= new Dictionary<string, IncrementalHash>(StringComparer.Ordinal);
        if (_keyed.TryGetValue(key, out var hmac))
        {
            return hmac;
        }

        // A handful of keys are in use (redaction's, the end-user hash's); more means keys are changing: start over.
        if (_keyed.Count >= 8)
        {
            foreach (var old in _keyed.Values)
            {
                old.Dispose();
            }

            _keyed.Clear();
        }

        hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key));
        _keyed[key] = hmac;
        return hmac;
    }

    /// <summary>
    /// An unkeyed content hash, used where equality matters but nothing secret is involved (tool arguments, decision
    /// identity). XxHash128 rather than SHA-256: it runs for every span at ingest, and needs no cryptographic strength.
    /// </summary>
    public static string Content(string value, int hexLength = 16)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hexLength, 32);
        var bytes = Encoding.UTF8.GetBytes(value);
        return Convert.ToHexStringLower(XxHash128.Hash(bytes))[..hexLength];
    }
}
