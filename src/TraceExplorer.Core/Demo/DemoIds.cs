namespace TraceExplorer.Core.Demo;

/// <summary>IDs in the formats real agents use, drawn from the demo's seeded stream.</summary>
internal static class DemoIds
{
    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    public static string TraceId(Random random) => Hex(random, 16);

    public static string SpanId(Random random) => Hex(random, 8);

    public static string RunId(Random random) => "run_" + Hex(random, 8);

    public static string RequestId(Random random) => "req_" + Hex(random, 8);

    public static string ToolCallId(Random random) =>
        "call_" + new string(Enumerable.Range(0, 24).Select(_ => Alphanumerics[random.Next(Alphanumerics.Length)]).ToArray());

    public static string OrderId(Random random) => $"A-{random.Next(100_000, 999_999)}";
}
