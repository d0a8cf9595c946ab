using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// One write's transaction on one provider: the reads and writes <see cref="IngestWriter"/> needs, each done the fast
/// way for its database. Everything is undone unless <see cref="CommitAsync"/> is called.
/// </summary>
internal interface IIngestSession : IAsyncDisposable
{
    /// <summary>Holds these runs and traces for the rest of the transaction, so that writers on other nodes wait their turn.</summary>
    void Lock(IReadOnlyCollection<string> keys);

    /// <summary>The run a trace's stored steps belong to, when it is not the trace's own default run.</summary>
    string? RunOfTrace(string traceId);

    string? RunOfStoredSpan(string traceId, string spanId);

    Dictionary<string, Run> LoadRuns(IReadOnlyCollection<string> runIds);

    /// <summary>Moves the steps, decisions and complaints of one run into another and deletes the first.</summary>
    void MoveRun(string fromRunId, string toRunId);

    /// <summary>The stored steps of a run, with the fields a run's summary is computed from.</summary>
    IReadOnlyList<Step> LoadStepTimings(Run run);

    /// <summary>Inserts the steps whose span is not stored yet; returns those it stored.</summary>
    IReadOnlySet<Step> InsertSteps(IReadOnlyList<Step> steps);

    /// <summary>Gives stored steps new numbers (see <see cref="Core.Runs.StepOrder"/>).</summary>
    void Renumber(IReadOnlyList<StepNumberChange> changes);

    /// <summary>Inserts complaints not stored yet (same run and external id).</summary>
    void InsertComplaints(IReadOnlyList<Complaint> complaints);

    /// <summary>Inserts decisions whose fingerprint is not stored yet; returns those it stored.</summary>
    IReadOnlySet<Decision> InsertDecisions(IReadOnlyList<Decision> decisions);

    /// <summary>Inserts the runs or updates them in place (all but the user's pin).</summary>
    void UpsertRuns(IReadOnlyCollection<Run> runs);

    /// <summary>Marks these hours of run start times pending for the report rollups (see <see cref="Analytics.Rollups.RollupInvalidation"/>).</summary>
    void MarkRollupsPending(IReadOnlyList<DateTime> hours);

    Task CommitAsync(CancellationToken cancellationToken);
}
