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
}
