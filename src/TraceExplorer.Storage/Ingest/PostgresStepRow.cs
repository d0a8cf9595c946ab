using Npgsql;
using NpgsqlTypes;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>One step as a binary COPY row, in the column order of <see cref="PostgresIngestSession"/>, after its ordinal.</summary>
internal static class PostgresStepRow
{
    public static void Write(NpgsqlBinaryImporter copy, int ordinal, Step step)
    {
        copy.StartRow();
        copy.Write(ordinal, NpgsqlDbType.Integer);
        Text(copy, step.TraceId);
        Text(copy, step.SpanId);
        Text(copy, step.RunId);
        Text(copy, step.ParentSpanId);
        copy.Write(step.StepNumber, NpgsqlDbType.Integer);
        Text(copy, step.Kind.ToString());
        Text(copy, step.Name);
        copy.Write(step.StartTime, NpgsqlDbType.TimestampTz);
        copy.Write(step.DurationMs, NpgsqlDbType.Double);
        Text(copy, step.Status.ToString());
        Text(copy, step.ErrorType);
        Text(copy, step.ErrorMessage);
        Text(copy, step.ToolName);
        Text(copy, step.ToolCallId);
        Text(copy, step.ToolArgumentsHash);
        Text(copy, step.Model);
        Text(copy, step.Provider);
        Nullable(copy, step.Temperature, NpgsqlDbType.Double);
        Nullable(copy, step.MaxTokens, NpgsqlDbType.Integer);
        Nullable(copy, step.InputTokens, NpgsqlDbType.Bigint);
        Nullable(copy, step.OutputTokens, NpgsqlDbType.Bigint);
        Text(copy, step.ValidationSchema);
        Nullable(copy, step.ValidationPassed, NpgsqlDbType.Boolean);
        Text(copy, step.ValidationFailureReason);
        Text(copy, step.AttributesJson);
        Text(copy, step.EventsJson);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            copy.Write(present, type);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
