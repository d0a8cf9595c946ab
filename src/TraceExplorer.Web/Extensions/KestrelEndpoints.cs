using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Extensions;

/// <summary>
/// Binds the UI addresses and the two OTLP ports; OTLP/gRPC gets HTTP/2 only, as gRPC without TLS needs. Every
/// connection is tagged with the purpose of the address it arrived on, which <see cref="PortPurposes"/> enforces.
/// </summary>
internal static class KestrelEndpoints
{
    public static void Listen(KestrelServerOptions kestrel, ListenAddress address, HttpProtocols protocols, ListenPurpose purpose)
    {
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            options.Use(next => connection =>
            {
                PortPurposes.Tag(connection.Items, purpose);
                return next(connection);
            });
        }

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
