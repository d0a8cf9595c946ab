using System.Security.Cryptography;

namespace TraceExplorer.Web.Ingest;

/// <summary>The key enduser.id is hashed with: configured, or random and kept in a file so hashes stay comparable across restarts.</summary>
public static class EndUserHashKey
{
    public static string Resolve(IngestOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.EndUserHashKey))
        {
            return options.EndUserHashKey;
        }

        var path = Path.GetFullPath(options.EndUserHashKeyFile);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        return key;
    }
}
