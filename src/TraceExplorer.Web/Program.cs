using TraceExplorer.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceExplorer();

var app = builder.Build();
if (await app.RunCommandLineSeedAsync())
{
    return;
}

await app.InitializeTraceStoreAsync();
app.MapTraceExplorer();
app.Run();

/// <summary>Exposed so integration tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
