namespace TraceExplorer.Core.Explain;

/// <summary>A rise found by <see cref="RateChangePoint"/>: the bucket it starts at and the rates either side.</summary>
/// <param name="Index">The first bucket of the higher rate.</param>
/// <param name="LikelihoodRatio">Twice the log-likelihood gain of the split over one rate throughout.</param>
public sealed record RateChange(int Index, double RateBefore, double RateAfter, double LikelihoodRatio);
