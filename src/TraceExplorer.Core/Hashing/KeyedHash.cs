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
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(mac)[..hexLength];
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
