namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// A sequence of one to three steps that ran again straight after itself within a run ("kb.search → kb.search",
/// or "Retrieve:kb.search → Model:gpt-4o" twice over). <see cref="Repeats"/> counts, across runs, the steps at which
/// the last <see cref="Length"/> steps equal the ones before them.
/// </summary>
public sealed record StepLoop(string Pattern, int Length, long RunsAffected, long Repeats);
