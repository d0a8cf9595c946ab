using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Extensions;

/// <summary>Binds the UI addresses and the two OTLP ports; OTLP/gRPC gets HTTP/2 only, as gRPC without TLS needs.</summary>
internal static class KestrelEndpoints
{
    public static void Listen(KestrelServerOptions kestrel, ListenAddress address, HttpProtocols protocols)
    {
        void Configure(ListenOptions options) => options.Protocols = protocols;

        if (address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (address.IsAnyAddress)
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            throw new InvalidOperationException($"Cannot listen on '{address.Url}': use localhost, an IP address, or 0.0.0.0 for every interface.");
        }
    }
}
