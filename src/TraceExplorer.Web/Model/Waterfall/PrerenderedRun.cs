using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// What the prerendered run page showed (its header and first screen of rows), handed to the circuit so that its
/// first render draws the same page instead of a spinner while the whole outline loads.
/// </summary>
public sealed record PrerenderedRun(RunDetails Run, IReadOnlyList<StepOutline> FirstRows, bool CanSeePayloads);
