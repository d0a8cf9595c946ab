using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Input an adversarial sender can craft gets a 4xx with a message from the OTLP port, never a 500.</summary>
public sealed class OtlpHttpBadInputTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(90);

    private readonly OtlpClient _client = new(fixture.App);

    public static TheoryData<string, string> BadJson() => new()
    {
        { "invalid UTF-8 in a key", Body(key: "na\u00FFme") },
        { "invalid UTF-8 in a string", Body(value: "plan\u00C3(") },
        { "invalid UTF-8 in an id", Body(spanId: "eee19b7e\u00FFc3c1b174") },
        { "a lone surrogate in a key", Body(key: "na\\ud800me") },
        { "a lone surrogate in a string", Body(value: "plan\\udc00") },
        { "a lone surrogate in an id", Body(spanId: "\\ud800eee19b7ec3c1b174") },
        { "a key twice in a span", Body(extra: ",\"name\":\"again\"") },
        { "a key twice at the top", Body().Insert(1, "\"resourceSpans\":[],") },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task Bad_json_text_is_400_with_a_message(string because, string latin1Body)
    {
        // Latin-1 keeps each \u00NN as the single byte it names, so the body carries exactly the bytes a bad sender sends.
        var response = await _client.SendAsync("/v1/traces", Encoding.Latin1.GetBytes(latin1Body), "application/json", gzip: false, apiKey: null);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {(int)response.StatusCode}");
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message), because);
    }

    [Fact]
    public async Task A_stalled_body_is_408_or_400_with_a_message()
    {
        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace) ends a body that stops coming.
        var (status, text) = await SendRawAsync(trickle: false);

        Assert.True(status is 408 or 400, $"{status}: {text}");
        Assert.Contains("could not be read", text);
    }

    [Fact]
    public async Task A_body_sent_slower_than_the_minimum_rate_is_408_or_400_with_a_message()
    {
        var (status, text) = await SendRawAsync(trickle: true);

        Assert.True(status is 408 or 400, $"{status}: {text}");
        Assert.Contains("could not be read", text);
    }

    private static string Body(string key = "service.name", string value = "agent.plan", string spanId = "eee19b7ec3c1b174", string extra = "") => $$$"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"{{{key}}}","value":{"stringValue":"x"}}]},"scopeSpans":[{"spans":[{
          "traceId":"{{{TraceHex(150)}}}","spanId":"{{{spanId}}}","name":"{{{value}}}","startTimeUnixNano":"{{{Nanos(Epoch)}}}",
          "endTimeUnixNano":"{{{Nanos(Epoch.AddSeconds(1))}}}"{{{extra}}}}]}]}]}
        """;

    /// <summary>
    /// Sends the headers of a JSON export with a Content-Length and the start of its body, then nothing more (stalled)
    /// or a byte every 250 ms (trickle), and returns the answer. Bounded: the response must come within the timeout.
    /// </summary>
    private async Task<(int Status, string Text)> SendRawAsync(bool trickle)
    {
        using var timeout = new CancellationTokenSource(ResponseTimeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, fixture.App.OtlpHttpAddress.Port, timeout.Token);
        var head = "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"resourceSpans\":[";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, timeout.Token);
        var response = ReceiveAsync(socket, timeout.Token);
        while (trickle && !response.IsCompleted && !timeout.IsCancellationRequested)
        {
            try
            {
                await socket.SendAsync("{"u8.ToArray(), SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                break; // The server has answered and closed.
            }

            await Task.WhenAny(response, Task.Delay(250, timeout.Token));
        }

        var text = await response;
        var statusLine = text.Split("\r\n")[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }

    /// <summary>Reads until the server closes the connection, as Kestrel does after a body it gave up on.</summary>
    private static async Task<string> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException) when (received.Length > 0)
        {
            // A reset after the answer: what was received is the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
