using System.Diagnostics;
using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Benchmarks;

/// <summary>Each redaction detector over 1 MB of input built to make a naive pattern slow (target: under 100 ms each).</summary>
internal static class DetectorBenchmark
{
    private const int Size = 1024 * 1024;

    public static void Run()
    {
        var inputs = new Dictionary<string, string>
        {
            ["e-mail-like"] = Repeat("a.b-c_d@e.f"),
            ["digits and separators"] = Repeat("4 1-1 1 1 1-1 1 1 "),
            ["IBAN-like"] = Repeat("DE89 3704 0044 "),
            ["JWT-like"] = Repeat("eyJhbGciOi.eyJzdWIi."),
            ["base64 run"] = Repeat("QWxhZGRpbjpvcGVuIHNlc2FtZQ"),
            ["dotted quads"] = Repeat("1.2.3.4.5.6.7."),
            ["colons"] = Repeat("ab:cd::ef:"),
            ["phone-like"] = Repeat("+1 (415) 555-26 "),
            ["prose"] = Repeat("The customer asked where order A-597572 is; the agent checked twice. "),
            ["key=value runs"] = Repeat("password=x token: y api_key=z "),
            ["names and separators"] = Repeat("a_b.c-d:"),
            ["PEM without end"] = "-----BEGIN PRIVATE KEY-----\n" + Repeat("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"),
            ["URL-like"] = Repeat("a://b:c@"),
            ["IBAN starts"] = Repeat("de89 "),
            ["fiscal-code-like"] = Repeat("RSSMRA85T10A56 "),
            ["NIR-like"] = Repeat("1 84 12 76 451 "),
        };
        foreach (var detector in Detectors.Create(new RedactionOptions(), new SensitiveNames()))
        {
            // The first pass over each input is also the JIT's (tier-0 code, until tiering catches up); the running
            // app has long left that behind, so both are shown: the budget is for the second, in the thread's CPU
            // time, which other work on a busy machine does not inflate (wall time is printed beside it).
            var times = inputs.Select(input => (input.Key, Cold: Time(detector, input.Value), Warm: Time(detector, input.Value))).ToList();
            var worst = times.MaxBy(t => t.Warm.CpuMilliseconds);
            var coldest = times.Max(t => t.Cold.CpuMilliseconds);
            Console.WriteLine($"{detector.Kind,-10} {detector.GetType().Name,-18} worst warm {worst.Warm.CpuMilliseconds,7:0.0} ms CPU ({worst.Warm.WallMilliseconds,7:0.0} ms wall) on {worst.Key} ({worst.Warm.Found} found); worst first pass {coldest,7:0.0} ms CPU");
        }
    }

    /// <summary>As the redactor runs a detector: the shape pre-check, then the search only where it may find something.</summary>
    private static (double CpuMilliseconds, double WallMilliseconds, int Found) Time(IDetector detector, string input)
    {
        var (wall, cpu) = (Stopwatch.StartNew(), ThreadCpuClock.Now());
        var found = detector.MayContain(new TextShape(input)) ? detector.Find(input).Count() : 0;
        return ((ThreadCpuClock.Now() - cpu).TotalMilliseconds, wall.Elapsed.TotalMilliseconds, found);
    }

    private static string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, (Size / unit.Length) + 1))[..Size];
}
