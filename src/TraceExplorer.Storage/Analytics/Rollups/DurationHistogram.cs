using System.Globalization;

namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Log-scale duration buckets, each 2 % wider than the one below: bucket b holds (γ^(b-1), γ^b] milliseconds, and its
/// value is the point of least relative error, 2γ^b/(γ+1), within 1 % of every duration in it. A percentile read
/// from bucket counts is within 1 % of the exact one. Durations of zero or less share one bucket, valued 0.
/// </summary>
public static class DurationHistogram
{
    public const double Gamma = 1.02;

    /// <summary>The largest error of a bucket's value relative to a duration in it: (γ-1)/(γ+1).</summary>
    public const double RelativeError = (Gamma - 1) / (Gamma + 1);

    public const int ZeroBucket = -100_000;

    public static int BucketOf(double durationMs) =>
        durationMs > 0 ? (int)Math.Ceiling(Math.Log(durationMs) / Math.Log(Gamma)) : ZeroBucket;

    public static double ValueOf(int bucket) => bucket == ZeroBucket ? 0 : 2 * Math.Pow(Gamma, bucket) / (Gamma + 1);

    /// <summary><see cref="BucketOf"/> in SQL, for SQLite (with its math functions) and PostgreSQL.</summary>
    public static string BucketSql(string durationMs) =>
        $"CASE WHEN {durationMs} > 0 THEN CAST(CEIL(LN({durationMs}) / {Number(Math.Log(Gamma))}) AS INTEGER) ELSE {ZeroBucket} END";

    /// <summary><see cref="ValueOf"/> in SQL.</summary>
    public static string ValueSql(string bucket) =>
        $"(CASE WHEN {bucket} = {ZeroBucket} THEN 0 ELSE 2 * EXP({bucket} * {Number(Math.Log(Gamma))}) / {Number(Gamma + 1)} END)";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
