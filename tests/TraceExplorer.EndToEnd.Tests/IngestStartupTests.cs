namespace TraceExplorer.EndToEnd.Tests;

public sealed class IngestStartupTests
{
    [Fact]
    public async Task Unsecured_ingest_on_every_interface_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__HttpUrl"] = "http://0.0.0.0:0",
        }));

        Assert.Contains("Unsecured", error.Message);
        Assert.Contains("http://0.0.0.0:0", error.Message);
        Assert.Contains("Ingest:PrimaryApiKey", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            [AppProcess.StoreSetting] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3",
        }));

        Assert.Contains("exited with 1", error.Message);
        Assert.Contains("The trace store could not be opened", error.Message);
        Assert.Contains("ConnectionStrings:TraceStore", error.Message);
    }
}
