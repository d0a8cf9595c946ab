using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Sends OTLP/HTTP as an exporter does, and reads runs back through the JSON API.</summary>
public sealed class OtlpClient(AppProcess app)
{
    private readonly HttpClient _otlp = new() { BaseAddress = app.OtlpHttpAddress };

    public Task<HttpResponseMessage> SendProtobufAsync(ExportTraceServiceRequest request, bool gzip = false, string? apiKey = null) =>
        SendAsync("/v1/traces", request.ToByteArray(), "application/x-protobuf", gzip, apiKey);

    public Task<HttpResponseMessage> SendJsonAsync(string json) =>
        SendAsync("/v1/traces", System.Text.Encoding.UTF8.GetBytes(json), "application/json", gzip: false, apiKey: null);

    public async Task<HttpResponseMessage> SendAsync(string path, byte[] body, string contentType, bool gzip, string? apiKey, string? authorization = null)
    {
        var content = new ByteArrayContent(gzip ? Gzip(body) : body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (apiKey is not null)
        {
            message.Headers.Add("x-api-key", apiKey);
        }

        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _otlp.SendAsync(message);
    }

    public static async Task<ExportTraceServiceResponse> ReadResponseAsync(HttpResponseMessage response) =>
        ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());

    public static async Task<Google.Rpc.Status> ReadStatusAsync(HttpResponseMessage response) =>
        Google.Rpc.Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());

    /// <summary>The run as the API shows it, or null when it is not stored.</summary>
    public async Task<JsonElement?> RunAsync(string runId)
    {
        using var response = await app.Http.GetAsync($"/api/runs/{runId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    public static byte[] Gzip(byte[] body, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}
