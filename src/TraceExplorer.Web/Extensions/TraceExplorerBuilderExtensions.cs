using System.Text.Json;
using System.Text.Json.Serialization;
using MudBlazor.Services;
using TraceExplorer.Storage;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Extensions;

public static class TraceExplorerBuilderExtensions
{
    public static WebApplicationBuilder AddTraceExplorer(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's css and js) are served from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();

        var connectionString = builder.Configuration.GetConnectionString("TraceStore");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:TraceStore is not set. Set it in appsettings.json or as the environment variable ConnectionStrings__TraceStore, e.g. \"Data Source=data/traceexplorer.db\".");
        }

        builder.Services.AddTraceStore(connectionString);
        builder.Services.AddOptions<DemoDataSettings>()
            .Bind(builder.Configuration.GetSection(DemoDataSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return builder;
    }
}
