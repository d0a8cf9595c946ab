using System.Net;

namespace TraceExplorer.Web.Configuration;

/// <summary>One address to listen on, parsed from a URL such as http://localhost:4318 or http://0.0.0.0:5080.</summary>
public sealed record ListenAddress(string Url, string Host, int Port)
{
    /// <summary>Only this machine can connect: localhost or a loopback IP.</summary>
    public bool IsLoopback => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public bool IsAnyAddress => Host is "*" or "+" or "0.0.0.0" or "[::]";

    /// <exception cref="FormatException">The URL is not http://host:port.</exception>
    public static ListenAddress Parse(string url)
    {
        var trimmed = url.Trim();
        // Uri cannot parse the wildcard hosts, so they are swapped for a placeholder while the port is read.
        var hostStart = trimmed.IndexOf("://", StringComparison.Ordinal) + 3;
        var wildcard = hostStart > 2 && hostStart < trimmed.Length && trimmed[hostStart] is '*' or '+';
        var parsable = wildcard ? trimmed[..hostStart] + "wildcard" + trimmed[(hostStart + 1)..] : trimmed;
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort && !parsable.Contains(":80", StringComparison.Ordinal))
        {
            throw new FormatException($"'{url}' is not an address to listen on; use http://host:port, e.g. http://localhost:4318.");
        }

        return new ListenAddress(trimmed, wildcard ? trimmed[hostStart].ToString() : uri.Host, uri.Port);
    }

    /// <summary>Several addresses separated by ';', as ASPNETCORE_URLS has them.</summary>
    public static IReadOnlyList<ListenAddress> ParseList(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
}
