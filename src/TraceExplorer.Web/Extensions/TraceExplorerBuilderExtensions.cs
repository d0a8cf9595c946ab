using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MudBlazor.Services;
using TraceExplorer.Core.Redaction;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Ingest.Grpc;
using TraceExplorer.Storage;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Extensions;

public static class TraceExplorerBuilderExtensions
{
    public const string DefaultUiUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddTraceExplorer(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's css and js) are served from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();

        var connectionString = builder.Configuration.GetConnectionString("TraceStore");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:TraceStore is not set. Set it in appsettings.json or as the environment variable ConnectionStrings__TraceStore, e.g. \"Data Source=data/traceexplorer.db\" (SQLite) or \"Host=db;Database=traceexplorer;Username=traceexplorer\" (PostgreSQL).");
        }

        var analyticsConnectionString = builder.Configuration.GetConnectionString("TraceStoreAnalytics");
        builder.Services.AddTraceStore(
            StoreProviderSetting.Read(builder.Configuration),
            connectionString,
            string.IsNullOrWhiteSpace(analyticsConnectionString) ? null : analyticsConnectionString);
        builder.AddSharedDataProtection();
        builder.Services.AddOptions<DemoDataSettings>()
            .Bind(builder.Configuration.GetSection(DemoDataSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<ReportSettings>()
            .Bind(builder.Configuration.GetSection(ReportSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddOtlpIngest();
        builder.Services.AddOptions<TraceExplorer.Storage.Retention.RetentionOptions>().Bind(builder.Configuration.GetSection(TraceExplorer.Storage.Retention.RetentionOptions.SectionName));
        builder.Services.AddHostedService<Retention.RetentionWorker>();
        builder.Services.AddHostedService<Rollups.RollupWorker>();
        builder.Services.AddTraceExplorerRateLimiting(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(circuit =>
        {
            // A tab left open keeps at most this much server state; the defaults, made explicit.
            circuit.DisconnectedCircuitMaxRetained = 100;
            circuit.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            circuit.MaxBufferedUnacknowledgedRenderBatches = 10;
        }).AddHubOptions(hub =>
        {
            // Browser-to-server messages are small (clicks, text typed); 32 KB also caps what a client can push.
            hub.MaximumReceiveMessageSize = 32 * 1024;
            hub.MaximumParallelInvocationsPerClient = 1;
        });
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Converters.Add(new Api.NonFiniteAsNullConverter());
        });
        return builder;
    }

    /// <summary>OTLP/HTTP and OTLP/gRPC on their own ports, one ingest service behind both, and the start-up security check.</summary>
    private static void AddOtlpIngest(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IngestOptions.SectionName);
        var ingest = section.Get<IngestOptions>() ?? new IngestOptions();
        builder.Services.AddOptions<IngestOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (ingest.Writers > 1 && StoreProviderSetting.Read(builder.Configuration) == StoreProvider.Sqlite)
        {
            throw new InvalidOperationException("Ingest:Writers above 1 needs Storage:Provider Postgres: SQLite takes one writer at a time.");
        }

        var ui = ListenAddress.ParseList(builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : DefaultUiUrl);
        var otlpHttp = string.IsNullOrWhiteSpace(ingest.HttpUrl) ? null : ListenAddress.Parse(ingest.HttpUrl);
        var otlpGrpc = string.IsNullOrWhiteSpace(ingest.GrpcUrl) ? null : ListenAddress.Parse(ingest.GrpcUrl);
        RefuseOtherEndpoints(builder.Configuration);

        // Each address is checked for what it serves: the UI's by the sign-in rule, the OTLP ports' by the ingest rule.
        var warning = IngestSecurity.Check(ingest, new[] { otlpHttp, otlpGrpc }.OfType<ListenAddress>());
        builder.AddFrontendAuthentication(ui);
        builder.Services.AddSingleton(new IngestStartupReport(warning));

        // Every address is bound here, the UI's from the standard URLs setting (default http://localhost:5080).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A body that trickles in holds its bytes (and its share of Ingest:MaxBytesInFlight) while it does.
            kestrel.Limits.MinRequestBodyDataRate = ingest.MinRequestBodyBytesPerSecond > 0
                ? new MinDataRate(ingest.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5))
                : null;
            foreach (var address in ui)
            {
                KestrelEndpoints.Listen(kestrel, address, HttpProtocols.Http1, ListenPurpose.Ui);
            }

            if (otlpHttp is not null)
            {
                KestrelEndpoints.Listen(kestrel, otlpHttp, HttpProtocols.Http1, ListenPurpose.OtlpHttp);
            }

            if (otlpGrpc is not null)
            {
                KestrelEndpoints.Listen(kestrel, otlpGrpc, HttpProtocols.Http2, ListenPurpose.OtlpGrpc);
            }
        });

        builder.Services.AddOtlpGrpc(ingest.MaxRequestBodyBytes);
        var hashKey = EndUserHashKey.Resolve(ingest);
        var redaction = builder.Configuration.GetSection(RedactionOptions.SectionName).Get<RedactionOptions>() ?? new RedactionOptions();
        var redactor = new Redactor(redaction, hashKey);
        builder.Services.AddSingleton(redactor);
        builder.Services.AddSingleton(new IngestMappingOptions { EndUserHashKey = hashKey, Redactor = redaction.Enabled ? redactor : null });
        builder.Services.AddSingleton<OtlpTraceMapper>();
        builder.Services.AddSingleton<OtlpLogMapper>();
        builder.Services.AddSingleton<RunChangeNotifier>();
        builder.Services.AddSingleton<IngestAuthorizer>();
        builder.Services.AddSingleton<IngestByteBudget>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestPipeline>());
        builder.Services.AddSingleton<IngestService>();
    }

    /// <summary>
    /// Addresses from Kestrel's own configuration would be bound beside these, unchecked and serving nothing: every
    /// address is set by Urls, Ingest:HttpUrl and Ingest:GrpcUrl, so each has a purpose and passes its check.
    /// </summary>
    private static void RefuseOtherEndpoints(IConfiguration configuration)
    {
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            throw new InvalidOperationException(
                "Kestrel:Endpoints is not supported: set the UI's addresses with Urls (ASPNETCORE_URLS) and the OTLP ports with Ingest:HttpUrl and Ingest:GrpcUrl.");
        }
    }
}
