using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Ingest;

/// <summary>The start-up rule: anyone on the network may not send unauthenticated telemetry.</summary>
public static class IngestSecurity
{
    /// <returns>A warning to log, or null.</returns>
    /// <exception cref="InvalidOperationException">The configuration would expose unauthenticated ingest, or lacks a key.</exception>
    public static string? Check(IngestOptions options, IEnumerable<ListenAddress> addresses)
    {
        if (options.AuthMode == IngestAuthMode.ApiKey)
        {
            if (string.IsNullOrWhiteSpace(options.PrimaryApiKey))
            {
                throw new InvalidOperationException("Ingest:AuthMode is ApiKey but Ingest:PrimaryApiKey is empty. Set a key (environment variable Ingest__PrimaryApiKey).");
            }

            return null;
        }

        var exposed = addresses.Where(a => !a.IsLoopback).Select(a => a.Url).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Ingest:AuthMode is Unsecured, which is allowed only while listening on loopback, but the app would listen on {string.Join(", ", exposed)}. " +
                "Set Ingest:AuthMode to ApiKey and Ingest:PrimaryApiKey, or listen on localhost only.");
        }

        return "OTLP ingest is unsecured: any process on this machine can send telemetry. Set Ingest:AuthMode to ApiKey before exposing it.";
    }
}
