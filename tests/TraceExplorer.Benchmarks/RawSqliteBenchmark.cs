using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Storage;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// The ceiling for ingest: the same step rows inserted straight into a freshly migrated SQLite file with one prepared
/// statement, in transactions of a fixed size, with none of the HTTP, decoding, queueing or run bookkeeping.
/// </summary>
internal static class RawSqliteBenchmark
{
    private static readonly string[] Columns =
    [
        "TraceId", "SpanId", "RunId", "ParentSpanId", "StepNumber", "Kind", "Name", "StartTime", "DurationMs", "Status",
        "ErrorType", "ErrorMessage", "ToolName", "ToolCallId", "ToolArgumentsHash", "Model", "Provider", "Temperature",
        "MaxTokens", "InputTokens", "OutputTokens", "ValidationSchema", "ValidationPassed", "ValidationFailureReason",
        "AttributesJson", "EventsJson",
    ];

    public static async Task RunAsync(int spans, int rowsPerTransaction)
    {
        var path = Path.Combine(Path.GetTempPath(), $"raw-sqlite-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection().AddTraceStore(StoreProvider.Sqlite, $"Data Source={path}").BuildServiceProvider();
        await StoreInitializer.InitializeAsync(services.GetRequiredService<IDbContextFactory<TraceDbContext>>());

        var mapper = new OtlpTraceMapper(new IngestMappingOptions { EndUserHashKey = "bench" });
        var runs = spans / BenchmarkRuns.StepsPerRun;
        var steps = mapper.Map(BenchmarkRuns.Request(0, runs, "raw")).Spans.Select(s => s.Step).ToList();

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        var started = Stopwatch.StartNew();
        foreach (var chunk in steps.Chunk(rowsPerTransaction))
        {
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO steps ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
            var parameters = Columns.Select(c => insert.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
            insert.Prepare();
            foreach (var step in chunk)
            {
                object?[] values =
                [
                    step.TraceId, step.SpanId, step.RunId, step.ParentSpanId, step.StepNumber, step.Kind.ToString(), step.Name,
                    step.StartTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                    step.DurationMs, step.Status.ToString(), step.ErrorType, step.ErrorMessage, step.ToolName, step.ToolCallId,
                    step.ToolArgumentsHash, step.Model, step.Provider, step.Temperature, step.MaxTokens, step.InputTokens,
                    step.OutputTokens, step.ValidationSchema, step.ValidationPassed, step.ValidationFailureReason,
                    step.AttributesJson, step.EventsJson,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var elapsed = started.Elapsed;
        Console.WriteLine($"raw SQLite: {steps.Count:N0} rows in {elapsed.TotalSeconds:0.0} s = {steps.Count / elapsed.TotalSeconds:N0} rows/s ({rowsPerTransaction} rows per transaction, WAL)");
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
