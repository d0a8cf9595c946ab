using Microsoft.Extensions.Options;
using TraceExplorer.Web.Ingest;

namespace TraceExplorer.Tests.Ingest;

public sealed class IngestByteBudgetTests
{
    private static IngestByteBudget Budget(long bytes) => new(Options.Create(new IngestOptions { MaxBytesInFlight = bytes, BytesInFlightWaitSeconds = 0.2 }));

    [Fact]
    public async Task A_request_alone_always_fits_however_large()
    {
        var budget = Budget(1_000);
        using var lease = budget.Open();

        Assert.True(await lease.TryGrowAsync(600, CancellationToken.None));
        Assert.True(await lease.TryGrowAsync(5_000, CancellationToken.None));
        Assert.Equal(5_600, budget.HeldBytes);
    }

    [Fact]
    public async Task Past_the_cap_a_request_is_refused_after_the_wait_and_holds_nothing()
    {
        var budget = Budget(1_000);
        using var first = budget.Open();
        Assert.True(await first.TryGrowAsync(800, CancellationToken.None));
        using var second = budget.Open();

        Assert.False(await second.TryGrowAsync(300, CancellationToken.None));
        Assert.Equal(0, second.Bytes);
        Assert.Equal(800, budget.HeldBytes);
    }

    [Fact]
    public async Task A_waiting_request_gets_in_as_soon_as_another_gives_its_bytes_back()
    {
        var budget = Budget(1_000);
        var first = budget.Open();
        Assert.True(await first.TryGrowAsync(800, CancellationToken.None));
        using var second = budget.Open();

        var waiting = second.TryGrowAsync(300, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        first.Dispose();

        Assert.True(await waiting);
        Assert.Equal(300, budget.HeldBytes);
    }
}
