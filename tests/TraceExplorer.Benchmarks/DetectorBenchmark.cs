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
        };
        foreach (var detector in Detectors.Create(new RedactionOptions(), new SensitiveNames()))
        {
            var worst = inputs.Select(input =>
            {
                var started = Stopwatch.StartNew();
                // As the redactor runs it: the shape pre-check, then the search only where it may find something.
                var found = detector.MayContain(new TextShape(input.Value)) ? detector.Find(input.Value).Count() : 0;
                return (input.Key, started.Elapsed.TotalMilliseconds, found);
            }).MaxBy(r => r.TotalMilliseconds);
            Console.WriteLine($"{detector.Kind,-7} {detector.GetType().Name,-15} worst {worst.TotalMilliseconds,7:0.0} ms on {worst.Key} ({worst.found} found)");
        }
    }

    private static string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, (Size / unit.Length) + 1))[..Size];
}
