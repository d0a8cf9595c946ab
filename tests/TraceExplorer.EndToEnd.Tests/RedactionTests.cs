using System.Text;
using Google.Protobuf;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class RedactionTests
{
    private static readonly string[] RawValues =
    [
        "jane.doe.e2e@example.com", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "+44 20 7946 0958",
        "sk-proj-4f9XkQ2mT7vB1nL8pR3sW6yZ0aC5dE9gH2jK", "hunter2-e2e-password",
        "key.owner.e2e@example.com", "event.owner.e2e@example.com", "route.owner.e2e@example.com", "bytes.owner.e2e@example.com",
        "Sup3rS3cret-e2e",
    ];

    [Fact]
    public async Task Personal_data_sent_over_otlp_never_reaches_the_database_file()
    {
        await using var app = await AppProcess.StartAsync();
        var spans = TraceExplorer.Testing.OtlpSpans.Run(700, "run-e2e-pii", steps: 3);
        spans[0].Attributes.Add(Attribute("agent.input", $"I'm {RawValues[0]}, card {RawValues[1]}, IBAN {RawValues[2]}, call {RawValues[3]}"));
        spans[1].Attributes.Add(Attribute("gen_ai.tool.call.arguments", $$"""{"api_key":"{{RawValues[4]}}","password":"{{RawValues[5]}}"}"""));
        spans[2].Events.Add(Event("agent.decision", 25, ("agent.decision.kind", "audit"), ("agent.decision.reason", $"e-mailed {RawValues[0]}")));
        // Keys, event names, columns and bytes hold personal data too.
        spans[0].Attributes.Add(Attribute($"visits.{RawValues[6]}", 3));
        spans[0].Attributes.Add(Attribute("agent.route", $"route:{RawValues[8]}"));
        spans[1].Events.Add(Event($"notified {RawValues[7]}", 5));
        spans[1].Attributes.Add(new OpenTelemetry.Proto.Common.V1.KeyValue
        {
            Key = "payload",
            Value = new OpenTelemetry.Proto.Common.V1.AnyValue { BytesValue = ByteString.CopyFromUtf8($"from {RawValues[9]}; Server=db;Password={RawValues[10]};") },
        });
        var client = new OtlpClient(app);

        Assert.True((await client.SendAsync("/v1/traces", Request(spans).ToByteArray(), "application/x-protobuf", gzip: false, apiKey: null)).IsSuccessStatusCode);

        var run = (await client.RunAsync("run-e2e-pii"))!.Value;
        Assert.Contains("[EMAIL:", run.GetProperty("input").GetString());
        if (app.PostgresDatabase is { } database)
        {
            var stored = await AllRowsAsTextAsync(database);
            Assert.Contains("[EMAIL:", stored);
            Assert.All(RawValues, raw => Assert.DoesNotContain(raw, stored));
        }
        else
        {
            var bytes = ReadAll(app.DatabasePath).Concat(ReadAll(app.DatabasePath + "-wal")).ToArray();
            Assert.NotEmpty(bytes);
            foreach (var raw in RawValues)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                {
                    Assert.Equal(-1, bytes.AsSpan().IndexOf(encoding.GetBytes(raw)));
                }
            }
        }

        Assert.All(RawValues, raw => Assert.DoesNotContain(raw, app.Output()));
    }

    /// <summary>Every row of every table of the store, as JSON text.</summary>
    private static async Task<string> AllRowsAsTextAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT string_agg(row_json, E'\n') FROM (
                SELECT CAST(row_to_json(t) AS text) AS row_json FROM runs t UNION ALL
                SELECT CAST(row_to_json(t) AS text) FROM steps t UNION ALL
                SELECT CAST(row_to_json(t) AS text) FROM decisions t UNION ALL
                SELECT CAST(row_to_json(t) AS text) FROM complaints t) AS everything
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
