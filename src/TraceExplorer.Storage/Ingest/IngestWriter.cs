using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Redaction;
using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Partitions;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// Writes decoded batches in one transaction: runs created or completed, steps and decisions inserted once however
/// often they are sent. The rules live here; <see cref="IIngestSession"/> does the SQL the fast way for each provider
/// (prepared statements on SQLite, binary COPY on PostgreSQL). On PostgreSQL several app instances may write at once:
/// each write holds its traces and runs until it commits.
/// </summary>
public sealed class IngestWriter(IDbContextFactory<TraceDbContext> contextFactory, StepPartitions partitions, TimeProvider clock)
{
    public async Task<IngestWriteResult> WriteAsync(IReadOnlyList<IngestBatch> batches, CancellationToken cancellationToken = default)
    {
        var spans = batches.SelectMany(b => b.Spans).ToList();
        var decisions = batches.SelectMany(b => b.Decisions).ToList();
        if (spans.Count == 0 && decisions.Count == 0)
        {
            return new IngestWriteResult(0, 0, 0, []);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await partitions.EnsureAsync(db, spans.Select(s => s.Step.StartTime), clock.GetUtcNow().UtcDateTime, cancellationToken);
        await using var session = await IngestSessions.OpenAsync(db, cancellationToken);
        session.Lock(spans.Select(s => s.Step.TraceId).Concat(spans.Where(s => s.RunIdExplicit).Select(s => s.Step.RunId))
            .Concat(decisions.Select(d => d.Decision.TraceId ?? d.Decision.RunId)).ToHashSet(StringComparer.Ordinal));

        var lookup = new RunLookup(session);
        spans = spans.Select(s => s.RunIdExplicit ? s : SettleRun(s, lookup)).ToList();
        foreach (var decision in decisions.Where(d => !d.RunIdExplicit))
        {
            decision.Decision.RunId = lookup.RunOfSpan(decision.Decision.TraceId, decision.Decision.SpanId, spans)
                ?? lookup.RunOfTrace(decision.Decision.TraceId!) ?? decision.Decision.RunId;
        }

        // Runs found through the store join the held set (rarely any: a run is named by the span that starts it).
        session.Lock(spans.Select(s => s.Step.RunId).Concat(decisions.Select(d => d.Decision.RunId)).ToHashSet(StringComparer.Ordinal));

        var namedRuns = spans.Where(s => s.RunIdExplicit && s.Step.RunId != s.Step.TraceId).Select(s => (s.Step.TraceId, s.Step.RunId)).Distinct().ToList();
        var mergedPlaceholders = MoveTraceRuns(session, namedRuns);
        var runs = LoadOrCreateRuns(session, spans, decisions, mergedPlaceholders.Keys);
        var startsBefore = runs.Values.Select(r => r.StartTime).ToList();
        var (stored, duplicates) = InsertSteps(session, spans, runs);
        foreach (var (runId, placeholder) in mergedPlaceholders)
        {
            var run = runs[runId];
            FillMissing(run, placeholder);
            Summarise(session, run, session.LoadStepTimings(run));
        }

        session.InsertComplaints(spans.Where(s => s.ComplaintId is not null)
            .Select(s => new Complaint { RunId = s.Step.RunId, ExternalId = s.ComplaintId!, Time = RunRollup.EndOf(s.Step) }).ToList());
        var storedDecisions = InsertDecisions(session, decisions, runs);
        session.UpsertRuns(runs.Values);

        // A run's rows count in the hour it starts in; a run that moved to an earlier start leaves its old hour too.
        session.MarkRollupsPending(RollupInvalidation.HoursOf(
            startsBefore.Concat(runs.Values.Select(r => r.StartTime)).Concat(mergedPlaceholders.Values.Select(p => p.StartTime))));

        await session.CommitAsync(cancellationToken);
        return new IngestWriteResult(stored, duplicates, storedDecisions, runs.Keys.ToList());
    }

    /// <summary>A span with no run id of its own joins the run its trace already has in the store, else the trace's own.</summary>
    private static IngestedSpan SettleRun(IngestedSpan span, RunLookup lookup)
    {
        if (lookup.RunOfTrace(span.Step.TraceId) is { } runId)
        {
            span.Step.RunId = runId;
        }

        return span;
    }

    /// <summary>
    /// Spans without agent.run_id that arrived before any span naming their run were stored under a run named after
    /// their trace. When a span of that trace finally names the run, those steps (and their decisions and complaints)
    /// move to it and the placeholder run goes away, so one run is never shown as two. Returns the placeholders moved,
    /// by the run they moved into.
    /// </summary>
    private static Dictionary<string, Run> MoveTraceRuns(IIngestSession session, IReadOnlyCollection<(string TraceId, string RunId)> namedRuns)
    {
        var moved = new Dictionary<string, Run>(StringComparer.Ordinal);
        var placeholders = session.LoadRuns(namedRuns.Select(n => n.TraceId).Distinct().ToList());
        foreach (var (traceId, runId) in namedRuns)
        {
            if (traceId != runId && !moved.ContainsKey(runId) && placeholders.Remove(traceId, out var placeholder))
            {
                session.MoveRun(traceId, runId);
                moved[runId] = placeholder;
            }
        }

        return moved;
    }

    /// <summary>What the placeholder knew about the run fills what the named run does not know yet.</summary>
    private static void FillMissing(Run run, Run placeholder)
    {
        run.AgentName ??= placeholder.AgentName;
        run.Route ??= placeholder.Route;
        run.PromptVersion ??= placeholder.PromptVersion;
        run.PolicyVersion ??= placeholder.PolicyVersion;
        run.ToolContractVersion ??= placeholder.ToolContractVersion;
        run.RouteConfigVersion ??= placeholder.RouteConfigVersion;
        run.Input ??= placeholder.Input;
        run.Output ??= placeholder.Output;
        run.EndUserHash ??= placeholder.EndUserHash;
        run.ParentRunId ??= placeholder.ParentRunId;
    }

    private static Dictionary<string, Run> LoadOrCreateRuns(
        IIngestSession session, List<IngestedSpan> spans, List<IngestedDecision> decisions, IEnumerable<string> alsoLoad)
    {
        var runIds = spans.Select(s => s.Step.RunId).Concat(decisions.Select(d => d.Decision.RunId)).Concat(alsoLoad).Distinct().ToList();
        var runs = session.LoadRuns(runIds);
        var firstSpans = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            firstSpans.TryAdd(span.Step.RunId, span.Step);
        }

        var firstDecisions = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            firstDecisions.TryAdd(decision.Decision.RunId, decision.Decision);
        }

        foreach (var runId in runIds.Where(id => !runs.ContainsKey(id)))
        {
            // Whatever arrives first creates the run; the rest of its spans complete it.
            var firstSpan = firstSpans.GetValueOrDefault(runId);
            var firstDecision = firstDecisions.GetValueOrDefault(runId);
            var time = firstSpan?.StartTime ?? firstDecision!.Time;
            runs[runId] = new Run
            {
                RunId = runId,
                RequestId = runId,
                TraceId = firstSpan?.TraceId ?? firstDecision?.TraceId ?? "",
                StartTime = time,
                EndTime = time,
            };
        }

        // Other spans first, so that what the root span says is applied last and wins.
        foreach (var span in spans.OrderBy(s => s.Step.ParentSpanId is null))
        {
            span.Run.ApplyTo(runs[span.Step.RunId], fromRoot: span.Step.ParentSpanId is null);
        }

        return runs;
    }

    private static (int Stored, int Duplicates) InsertSteps(IIngestSession session, List<IngestedSpan> spans, Dictionary<string, Run> runs)
    {
        var groups = spans.GroupBy(s => s.Step.RunId)
            .Select(g => (Run: runs[g.Key], Spans: g.ToList(), Stored: StoredSteps(session, runs[g.Key])))
            .ToList();
        foreach (var (run, ingested, stored) in groups)
        {
            var steps = ingested.Select(s => s.Step).ToList();
            run.StepIdsFromAgent |= steps.Any(s => s.StepNumber > 0);
            if (!run.StepIdsFromAgent)
            {
                // Numbered as if all were new, after what is stored; Summarise settles the final order.
                var numbers = StepOrder.Numbers(new StepForest(steps));
                for (var i = 0; i < steps.Count; i++)
                {
                    steps[i].StepNumber = stored.Count + numbers[i];
                }
            }
        }

        var inserted = session.InsertSteps(groups.SelectMany(g => g.Spans.Select(s => s.Step)).ToList());
        int storedCount = 0, duplicates = 0;
        foreach (var (run, ingested, stored) in groups)
        {
            var newSpans = ingested.Where(s => inserted.Contains(s.Step)).ToList();
            AddRedactions(run, newSpans.Select(s => s.Redactions));
            storedCount += newSpans.Count;
            duplicates += ingested.Count - newSpans.Count;
            if (newSpans.Count > 0)
            {
                Summarise(session, run, [.. stored, .. newSpans.Select(s => s.Step)]);
            }
        }

        return (storedCount, duplicates);
    }

    /// <summary>A run's steps already stored: none for a run this write creates, so a new run costs no read.</summary>
    private static IReadOnlyList<Step> StoredSteps(IIngestSession session, Run run) =>
        run.LastStepStart is null && run.StepCount == 0 ? [] : session.LoadStepTimings(run);

    /// <summary>
    /// The run's summary and step numbers from all its steps: both follow the run's tree, which a batch alone may
    /// not hold (children end, and are exported, before their parents).
    /// </summary>
    private static void Summarise(IIngestSession session, Run run, IReadOnlyList<Step> steps)
    {
        RunRollup.Apply(run, steps);
        if (run.StepIdsFromAgent)
        {
            return;
        }

        var numbers = StepOrder.Numbers(new StepForest(steps));
        var changes = new List<StepNumberChange>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].StepNumber != numbers[i])
            {
                steps[i].StepNumber = numbers[i];
                changes.Add(new StepNumberChange(run.RunId, steps[i].TraceId, steps[i].SpanId, numbers[i]));
            }
        }

        session.Renumber(changes);
    }

    private static int InsertDecisions(IIngestSession session, List<IngestedDecision> decisions, Dictionary<string, Run> runs)
    {
        foreach (var ingested in decisions)
        {
            ingested.Decision.Fingerprint ??= DecisionFingerprint.Of(ingested.Decision);
        }

        var inserted = session.InsertDecisions(decisions.Select(d => d.Decision).ToList());
        foreach (var ingested in decisions.Where(d => inserted.Contains(d.Decision)))
        {
            AddRedactions(runs[ingested.Decision.RunId], [ingested.Redactions]);
        }

        return inserted.Count;
    }

    /// <summary>Counts what redaction replaced in newly stored spans and decisions into their run; a re-sent one adds nothing.</summary>
    private static void AddRedactions(Run run, IEnumerable<RedactionCounts?> added)
    {
        var counts = RedactionCounts.FromJson(run.RedactionCounts);
        var before = counts.Total;
        foreach (var item in added.OfType<RedactionCounts>())
        {
            counts.Add(item);
        }

        if (counts.Total != before)
        {
            run.RedactionCounts = counts.ToJson();
        }
    }
}
