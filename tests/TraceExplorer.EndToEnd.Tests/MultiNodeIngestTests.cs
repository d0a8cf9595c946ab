using System.Net;
using Google.Protobuf;
using Npgsql;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Two app processes ingesting into one PostgreSQL database at once, as two ingest nodes behind a load balancer do.</summary>
public sealed class MultiNodeIngestTests
{
    private const int Runs = 30;
    private const int StepsPerRun = 8;
    private const int RunsPerRequest = 5;

    [PostgresFact]
    public async Task Two_nodes_sent_overlapping_batches_at_once_store_every_span_once_and_count_every_run_right()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        try
        {
            var shared = new Dictionary<string, string> { [AppProcess.StoreSetting] = database };
            await using var first = await AppProcess.StartAsync(shared);
            await using var second = await AppProcess.StartAsync(shared);
            var runs = Enumerable.Range(0, Runs).Select(i => OtlpSpans.Run(9000 + i, $"run-multinode-{i:D2}", StepsPerRun)).ToList();

            // Each node gets every span: the first node the front of each run then the back, the second node the back
            // then the front, with the middle steps in both halves. Both send at the same time.
            var front = Requests(runs, run => run.Take(5));
            var back = Requests(runs, run => run.Skip(3));
            var responses = await Task.WhenAll(
                SendAllAsync(new OtlpClient(first), front.Concat(back)),
                SendAllAsync(new OtlpClient(second), back.Concat(front)));

            Assert.All(responses.SelectMany(r => r), status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal((Runs * StepsPerRun, Runs * StepsPerRun), await ScalarPairAsync(database,
                """SELECT COUNT(*), COUNT(DISTINCT ("TraceId", "SpanId")) FROM steps WHERE "RunId" LIKE 'run-multinode-%'"""));
            Assert.Equal((Runs, Runs), await ScalarPairAsync(database, $"""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE "StepCount" = {StepsPerRun} AND "ToolCallCount" = {StepsPerRun - 1})
                FROM runs WHERE "RunId" LIKE 'run-multinode-%'
                """));
            Assert.Equal((Runs, Runs), await ScalarPairAsync(database, $"""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE numbers = {StepsPerRun} AND top = {StepsPerRun}) FROM (
                    SELECT COUNT(DISTINCT "StepNumber") AS numbers, MAX("StepNumber") AS top FROM steps
                    WHERE "RunId" LIKE 'run-multinode-%' GROUP BY "RunId") AS numbered
                """));
        }
        finally
        {
            await TestDatabases.DropPostgresAsync(database);
        }
    }

    [PostgresFact]
    public async Task Two_nodes_started_together_on_an_empty_database_migrate_it_and_seed_it_once()
    {
        var database = await TestDatabases.CreatePostgresAsync();
        try
        {
            var settings = new Dictionary<string, string>
            {
                [AppProcess.StoreSetting] = database,
                ["DemoData__SeedOnEmptyStore"] = "true",
                ["DemoData__RunCount"] = "60",
            };

            var nodes = await Task.WhenAll(AppProcess.StartAsync(settings), AppProcess.StartAsync(settings));
            await using var first = nodes[0];
            await using var second = nodes[1];

            // A second seeding would have failed that node's start on the runs' keys; one seeding is 60 runs and their retries and forks.
            var (runs, steps) = await ScalarPairAsync(database, """SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM steps)""");
            Assert.InRange(runs, 60, 90);
            Assert.True(steps > runs);
            Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/api/runs?pageSize=1")).StatusCode);
        }
        finally
        {
            await TestDatabases.DropPostgresAsync(database);
        }
    }

    private static List<byte[]> Requests(List<List<Span>> runs, Func<List<Span>, IEnumerable<Span>> part) =>
        runs.Chunk(RunsPerRequest).Select(chunk => Request(chunk.SelectMany(part)).ToByteArray()).ToList();

    private static async Task<List<HttpStatusCode>> SendAllAsync(OtlpClient client, IEnumerable<byte[]> bodies)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var body in bodies)
        {
            using var response = await client.SendAsync("/v1/traces", body, "application/x-protobuf", gzip: false, apiKey: null);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<(long, long)> ScalarPairAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
