namespace TraceExplorer.Core.Demo;

public sealed record DemoDataOptions
{
    /// <summary>The seed of the pseudo-random stream: the same options always produce the same runs.</summary>
    public int Seed { get; init; } = 20261124;

    public int RunCount { get; init; } = 3000;

    /// <summary>The instant (UTC) the generated traffic ends at; it starts <see cref="Days"/> earlier.</summary>
    public required DateTime End { get; init; }

    public int Days { get; init; } = 14;

    /// <summary>Stop once this many steps were produced, for benchmark-sized stores.</summary>
    public long? MaxSteps { get; init; }
}
