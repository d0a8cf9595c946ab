using System.Globalization;
using TraceExplorer.Benchmarks;

// Benchmarks, run by hand against a running app (not tests). See docs/performance.md for the commands and figures.
//   queries  [uiUrl] [requestsPerScenario]                          runs and comparison API latency
//   analytics [uiUrl] [requestsPerScenario] [scenarioPrefix|-] [serverPid]   analytics and report API latency (and the server's CPU per request)
//   ingest   otlpHttpUrl uiUrl [spans] [spansPerRequest] [clients] [serverPid]   OTLP/HTTP protobuf throughput
//   sender   otlpHttpUrl [spans] [processes] [serverPid] [spansPerRequest]   exporters' shape: 512-span requests, one in flight per process
//   map [spans] [spansPerRequest] [realistic]                       decoding and mapping alone, one thread (realistic: the sender mode's runs)
//   writer [spans] [spansPerRequest] [requestsPerWrite]             the store writer alone, one thread
//   detectors                                                       each redaction detector over 1 MB of adversarial input
//   raw-sqlite [spans] [rowsPerTransaction]                         the same rows inserted straight into SQLite
var mode = args.Length > 0 ? args[0] : "queries";
string Arg(int index, string fallback) => args.Length > index ? args[index] : fallback;
int Number(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

switch (mode)
{
    case "queries":
        await QueryBenchmark.RunAsync(Arg(1, "http://localhost:5080"), Number(2, 100));
        break;
    case "analytics":
        await QueryBenchmark.RunAsync(Arg(1, "http://localhost:5080"), Number(2, 20), analytics: true, Arg(3, "-") is var only && only != "-" ? only : null, args.Length > 4 ? Number(4, 0) : null);
        break;
    case "ingest":
        await IngestBenchmark.RunAsync(new Uri(Arg(1, "http://localhost:4318")), new Uri(Arg(2, "http://localhost:5080")), Number(3, 1_000_000), Number(4, 1000), Number(5, 8), args.Length > 6 ? Number(6, 0) : null);
        break;
    case "sender":
        await SenderBenchmark.RunAsync(new Uri(Arg(1, "http://localhost:4318")), Number(2, 1_000_000), Number(3, 4), args.Length > 4 && args[4] != "-" ? Number(4, 0) : null, Number(5, 512));
        break;
    case "map":
        MappingBenchmark.Run(Number(1, 200_000), Number(2, 1000), Arg(3, "") == "realistic");
        break;
    case "writer":
        await WriterBenchmark.RunAsync(Number(1, 200_000), Number(2, 1000), Number(3, 4));
        break;
    case "detectors":
        DetectorBenchmark.Run();
        break;
    case "raw-sqlite":
        await RawSqliteBenchmark.RunAsync(Number(1, 1_000_000), Number(2, 1000));
        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}': use queries, ingest, sender, map, writer, detectors or raw-sqlite.");
        return 2;
}

return 0;
