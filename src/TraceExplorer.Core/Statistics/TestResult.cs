namespace TraceExplorer.Core.Statistics;

/// <summary>
/// A significance test's outcome. <see cref="SmallSample"/> says the approximation behind <see cref="P"/> is not to be
/// trusted yet: too few observations to claim a difference either way.
/// </summary>
public sealed record TestResult(double Statistic, double Z, double P, bool SmallSample)
{
    public bool Significant(double alpha = 0.05) => !SmallSample && P < alpha;
}
