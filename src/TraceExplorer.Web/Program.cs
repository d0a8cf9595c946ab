using TraceExplorer.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceExplorer();

// Disposed on every way out, so the console logger writes what is queued (a start-up error) before the process ends.
await using var app = builder.Build();
if (await app.RunCommandLineSeedAsync())
{
    return;
}

try
{
    await app.InitializeTraceStoreAsync();
}
catch (Exception exception) when ((exception as System.Data.Common.DbException ?? exception.InnerException as System.Data.Common.DbException) is { } error)
{
    // An unreachable server or an unusable file (EF Core wraps an error it deems transient): say which setting to
    // look at, without a stack trace.
    app.Logger.LogCritical("The trace store could not be opened ({Error}). Check Storage:Provider and ConnectionStrings:TraceStore.", error.Message);
    Environment.ExitCode = 1;
    return;
}

app.MapTraceExplorer();
app.Run();

/// <summary>Exposed so integration tests can host the app through WebApplicationFactory.</summary>
public partial class Program;
