using System.Security.Cryptography;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Run, request and tool call ids. They come from the system's random source, not the seeded one: sending the same
/// seed twice must make new runs, because TraceExplorer would add the second copy's steps to the first run.
/// </summary>
internal static class Ids
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string RunId() => "run_" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    public static string RequestId() => "req_" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    public static string ToolCallId() => "call_" + RandomNumberGenerator.GetString(Alphanumerics, 24);
}
