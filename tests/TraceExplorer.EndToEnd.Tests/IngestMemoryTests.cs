using System.Globalization;
using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Ingest:MaxBytesInFlight as senders meet it, and the server's peak memory with the largest OTLP/JSON body.</summary>
public sealed class IngestMemoryTests
{
    private const int Budget = 4 * 1024 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Slow_senders_beyond_the_byte_budget_are_told_to_retry_while_those_within_it_are_stored()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Ingest__MaxBytesInFlight"] = Budget.ToString(CultureInfo.InvariantCulture) });

        // Six bodies of 1.5 MiB each send their headers and first 64 KiB and then hold, as slow senders do: two fit in 4 MiB.
        var senders = new List<HeldSender>();
        for (var i = 0; i < 6; i++)
        {
            var body = Request(OtlpSpans.Run(800 + i, $"run-slow-{i}", steps: 2), ("padding", new string('x', 1_500_000))).ToByteArray();
            senders.Add(await HeldSender.StartAsync(app.OtlpHttpAddress, $"run-slow-{i}", body, 64 * 1024));
        }

        // Those refused answer while still holding their bodies; those let in answer only once they have sent it all.
        var answers = senders.ToDictionary(s => s, s => s.ReadAnswerAsync());
        var refused = new List<HeldSender>();
        while (refused.Count < 4)
        {
            var answered = await Task.WhenAny(answers.Values).WaitAsync(Bound);
            var sender = answers.Single(a => a.Value == answered).Key;
            answers.Remove(sender);
            Assert.StartsWith("HTTP/1.1 503", await answered);
            Assert.Contains("Retry-After: 1", await answered, StringComparison.OrdinalIgnoreCase);
            refused.Add(sender);
        }

        foreach (var (sender, answer) in answers)
        {
            await sender.SendRestAsync();
            Assert.StartsWith("HTTP/1.1 200", await answer.WaitAsync(Bound));
        }

        var client = new OtlpClient(app);
        foreach (var sender in senders)
        {
            Assert.Equal(!refused.Contains(sender), await client.RunAsync(sender.RunId) is not null);
            sender.Dispose();
        }
    }

    [Fact]
    public async Task Grpc_requests_beyond_the_byte_budget_are_unavailable_so_exporters_retry_them()
    {
        // Room for one request at a time and no waiting for room: requests arriving together must find it taken.
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__MaxBytesInFlight"] = "1500000",
            ["Ingest__BytesInFlightWaitSeconds"] = "0",
        });
        using var channel = GrpcChannel.ForAddress(app.OtlpGrpcAddress);
        var client = new TraceService.TraceServiceClient(channel);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var request = Request(OtlpSpans.Run(820 + i, $"run-grpc-budget-{i}", steps: 50), ("padding", new string('x', 1_000_000)));
            try
            {
                await client.ExportAsync(request);
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        })).WaitAsync(Bound);

        Assert.Contains(StatusCode.Unavailable, outcomes);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.Unavailable }));
    }

    [Fact]
    public async Task The_largest_otlp_json_body_is_read_without_a_document_tree_and_peak_memory_stays_under_1_gib()
    {
        await using var app = await AppProcess.StartAsync();
        var client = new OtlpClient(app);
        var before = PeakMiB(app.ProcessId);

        // Dense JSON near the 64 MiB limit: one span, and a resource with about 1.3 million small attributes.
        var json = new StringBuilder(64 * 1024 * 1024);
        json.Append("""{"resourceSpans":[{"resource":{"attributes":[""");
        for (var i = 0; json.Length < 62 * 1024 * 1024; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"key\":\"k").Append(i).Append("\",\"value\":{\"stringValue\":\"v\"}}");
        }

        json.Append($$$"""
            ]},"scopeSpans":[{"spans":[{"traceId":"{{{TraceHex(850)}}}","spanId":"{{{SpanHex(1)}}}","name":"agent.plan",
            "startTimeUnixNano":"{{{Nanos(Epoch)}}}","endTimeUnixNano":"{{{Nanos(Epoch.AddSeconds(1))}}}",
            "attributes":[{"key":"agent.run_id","value":{"stringValue":"run-dense-json"}}]}]}]}]}
            """);

        var response = await client.SendJsonAsync(json.ToString()).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await client.RunAsync("run-dense-json"));
        var peak = PeakMiB(app.ProcessId);
        Assert.True(peak < 1024, $"peak memory {peak} MiB (before the body: {before} MiB)");
    }

    private static long PeakMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>
    /// An HTTP/1.1 sender on its own socket that sends the headers (with the whole body's Content-Length) and the
    /// first bytes, then holds the rest until told: a client library would not read an answer before it sent the body.
    /// </summary>
    private sealed class HeldSender : IDisposable
    {
        private readonly System.Net.Sockets.TcpClient _tcp = new();
        private readonly byte[] _body;
        private readonly int _first;

        private HeldSender(string runId, byte[] body, int first) => (RunId, _body, _first) = (runId, body, first);

        public string RunId { get; }

        public static async Task<HeldSender> StartAsync(Uri otlp, string runId, byte[] body, int first)
        {
            var sender = new HeldSender(runId, body, first);
            await sender._tcp.ConnectAsync(otlp.Host, otlp.Port);
            var head = Encoding.ASCII.GetBytes(
                $"POST /v1/traces HTTP/1.1\r\nHost: {otlp.Authority}\r\nContent-Type: application/x-protobuf\r\nContent-Length: {body.Length}\r\n\r\n");
            var stream = sender._tcp.GetStream();
            await stream.WriteAsync(head);
            await stream.WriteAsync(body.AsMemory(0, first));
            return sender;
        }

        public Task SendRestAsync() => _tcp.GetStream().WriteAsync(_body.AsMemory(_first)).AsTask();

        /// <summary>The answer's status line and headers.</summary>
        public async Task<string> ReadAnswerAsync()
        {
            var stream = _tcp.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
            {
                head.Append((char)buffer[0]);
            }

            return head.ToString();
        }

        public void Dispose() => _tcp.Dispose();
    }
}
