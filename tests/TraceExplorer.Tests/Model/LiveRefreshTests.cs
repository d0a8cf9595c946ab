using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class LiveRefreshTests
{
    [Fact]
    public async Task A_burst_of_requests_refreshes_once_and_a_later_request_again()
    {
        var refreshes = 0;
        var done = new SemaphoreSlim(0);
        using var live = new LiveRefresh(() => { Interlocked.Increment(ref refreshes); done.Release(); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(50));

        for (var i = 0; i < 20; i++)
        {
            live.Request();
        }

        Assert.True(await done.WaitAsync(TimeSpan.FromSeconds(5)));
        live.Request();
        Assert.True(await done.WaitAsync(TimeSpan.FromSeconds(5)));

        await Task.Delay(200);
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task Nothing_refreshes_after_dispose()
    {
        var refreshes = 0;
        var live = new LiveRefresh(() => { refreshes++; return Task.CompletedTask; }, TimeSpan.FromMilliseconds(20));

        live.Request();
        live.Dispose();
        live.Request();
        await Task.Delay(150);

        Assert.Equal(0, refreshes);
    }
}
