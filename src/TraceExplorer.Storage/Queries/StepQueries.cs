using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>Reads for the run explorer: a run's step outline, one step's details, search within a run, and id lookup.</summary>
public sealed class StepQueries(IDbContextFactory<TraceDbContext> contextFactory)
{
    public const int MaxSearchMatches = 10_000;

    /// <summary>Every step of the run without payloads, in step order; empty when the run has none.</summary>
    /// <remarks>Read with a plain data reader: a run can have 100,000 steps, and this is what the run page waits for.</remarks>
    public async Task<IReadOnlyList<StepOutline>> GetOutlineAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT {OutlineColumns} FROM steps WHERE "RunId" = @run ORDER BY "StepNumber", "Id" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@run";
        parameter.Value = runId;
        command.Parameters.Add(parameter);

        var outline = new List<StepOutline>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outline.Add(ReadOutline(reader));
        }

        return outline;
    }

    private const string OutlineColumns =
        "\"StepNumber\", \"SpanId\", \"ParentSpanId\", \"Kind\", \"Name\", \"ToolName\", \"Model\", \"StartTime\", \"DurationMs\", \"Status\", \"ErrorType\", \"ValidationPassed\", \"ToolArgumentsHash\", \"ValidationSchema\"";

    private static StepOutline ReadOutline(System.Data.Common.DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new StepOutline(
            reader.GetInt32(0),
            reader.GetString(1),
            Text(2),
            Enum.Parse<StepKind>(reader.GetString(3)),
            reader.GetString(4),
            Text(5),
            Text(6),
            DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc),
            reader.GetDouble(8),
            Enum.Parse<StepStatus>(reader.GetString(9)),
            Text(10),
            reader.IsDBNull(11) ? null : reader.GetBoolean(11),
            Text(12),
            Text(13));
    }

    /// <summary>
    /// The run's first <paramref name="limit"/> steps in step order (fewer when step numbers tie at the cut) and the later
    /// steps linked to them, for painting the first screen of the waterfall before the whole outline is read.
    /// </summary>
    /// <remarks>
    /// Both reads stay small on a run of any size: the first is a range of the (RunId, StepNumber) index, the second
    /// returns only the few steps past the cut that are linked to the first ones.
    /// </remarks>
    public async Task<OutlineStart> GetOutlineStartAsync(string runId, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var numberedByAgent = await db.Runs.AsNoTracking().Where(r => r.RunId == runId).Select(r => r.StepIdsFromAgent).FirstOrDefaultAsync(cancellationToken);

        var first = new Analytics.SqlQuery(Analytics.SqlDialect.For(db));
        first.Append($"SELECT {OutlineColumns} FROM steps WHERE \"RunId\" = {first.Parameter(runId)} ORDER BY \"StepNumber\", \"Id\" LIMIT {first.Parameter(limit + 1)}");
        var read = await first.ReadAsync(db, ReadOutline, cancellationToken);
        if (read.Count <= limit)
        {
            return new OutlineStart { Steps = read, Complete = true, Later = [], NumberedByAgent = numberedByAgent };
        }

        // Everything numbered from the cut on is "later"; a tie at the cut is left wholly to the later side.
        var cut = read[^1].StepNumber;
        var steps = read.Where(s => s.StepNumber < cut).ToList();
        var spans = steps.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var parents = steps.Select(s => s.ParentSpanId).OfType<string>().Where(p => !spans.Contains(p)).Distinct().ToList();
        if (steps.Count == 0)
        {
            return new OutlineStart { Steps = [], Complete = false, Later = [], NumberedByAgent = numberedByAgent };
        }

        var later = new Analytics.SqlQuery(Analytics.SqlDialect.For(db));
        later.Append($"SELECT {OutlineColumns} FROM steps WHERE \"RunId\" = {later.Parameter(runId)} AND \"StepNumber\" >= {later.Parameter(cut)} AND (\"ParentSpanId\" IN (")
            .Append(string.Join(", ", spans.Select(s => later.Parameter(s)))).Append(")");
        if (parents.Count > 0)
        {
            later.Append(" OR \"SpanId\" IN (").Append(string.Join(", ", parents.Select(p => later.Parameter(p)))).Append(")");
        }

        later.Append(")");
        return new OutlineStart
        {
            Steps = steps,
            Complete = false,
            Later = await later.ReadAsync(db, ReadOutline, cancellationToken),
            NumberedByAgent = numberedByAgent,
        };
    }

    public async Task<StepItem?> GetStepAsync(string runId, string spanId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var step = await db.Steps.AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.SpanId == spanId, cancellationToken);
        return step is null ? null : StepItem.From(step);
    }

    /// <summary>Steps named by run and step number, in one read (a drill-down's first call per run); the ones not found are left out.</summary>
    public async Task<IReadOnlyDictionary<(string RunId, int StepNumber), StepItem>> GetStepsAsync(
        IReadOnlyCollection<(string RunId, int StepNumber)> steps, CancellationToken cancellationToken = default)
    {
        var runIds = steps.Select(s => s.RunId).Distinct().ToList();
        var numbers = steps.Select(s => s.StepNumber).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Steps.AsNoTracking().Where(s => runIds.Contains(s.RunId) && numbers.Contains(s.StepNumber)).ToListAsync(cancellationToken);
        var wanted = steps.ToHashSet();
        return candidates.Where(s => wanted.Contains((s.RunId, s.StepNumber)))
            .GroupBy(s => (s.RunId, s.StepNumber))
            .ToDictionary(g => g.Key, g => StepItem.From(g.First()));
    }

    /// <summary>The span ids of the run's steps whose name, tool, model, tool call id or attribute text contains the text.</summary>
    /// <param name="includePayloads">
    /// Whether error text and attributes may match: only for a role that may read them, or a match would reveal them.
    /// </param>
    public async Task<IReadOnlyList<string>> SearchAsync(string runId, string text, bool includePayloads, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        var pattern = "%" + LikePattern.Escape(text.Trim()).ToLowerInvariant() + "%";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Steps.AsNoTracking()
            .Where(s => s.RunId == runId && (
                EF.Functions.Like(s.Name!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(s.ToolName!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(s.Model!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(s.ToolCallId!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(s.ErrorType!.ToLower(), pattern, LikePattern.EscapeCharacter)
                || (includePayloads && EF.Functions.Like(s.ErrorMessage!.ToLower(), pattern, LikePattern.EscapeCharacter))
                || (includePayloads && EF.Functions.Like(s.AttributesJson!.ToLower(), pattern, LikePattern.EscapeCharacter))))
            .OrderBy(s => s.StepNumber)
            .Select(s => s.SpanId)
            .Take(MaxSearchMatches)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The runs (and steps) an id names: run, request, trace, tool call or span id.</summary>
    public async Task<IReadOnlyList<LookupMatch>> LookupAsync(string id, CancellationToken cancellationToken = default)
    {
        var text = id.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var lower = text.ToLowerInvariant();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.RunId == text || r.RequestId == text || r.TraceId == lower)
            .OrderBy(r => r.StartTime)
            .Select(r => new { r.RunId, r.RequestId })
            .Take(100)
            .ToListAsync(cancellationToken);
        var steps = await db.Steps.AsNoTracking()
            .Where(s => s.ToolCallId == text || s.SpanId == lower)
            .Select(s => new { s.RunId, s.StepNumber, s.ToolCallId })
            .Take(100)
            .ToListAsync(cancellationToken);
        return runs.Select(r => new LookupMatch(r.RunId, r.RunId == text ? "run id" : r.RequestId == text ? "request id" : "trace id", null))
            .Concat(steps.Select(s => new LookupMatch(s.RunId, s.ToolCallId == text ? "tool call id" : "span id", s.StepNumber)))
            .ToList();
    }
}
