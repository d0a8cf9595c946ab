using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>The symptom as a SQL condition over the runs table under alias r, for the explain query.</summary>
public static class ExplainSql
{
    /// <summary>
    /// What explain counts of a run's decisions: its kinds, its kinds with their policy, and with their target; each
    /// as a value over the decisions' columns under an alias, and the condition for a decision to carry it.
    /// </summary>
    public static readonly IReadOnlyList<(ExplainDimension Dimension, Func<string, string> Value, Func<string, string> Carries)> DecisionValues =
    [
        (ExplainDimension.DecisionKind, d => $"{d}.\"Kind\"", _ => "1 = 1"),
        (ExplainDimension.DecisionPolicy, d => $"{d}.\"Kind\" || ': ' || {d}.\"PolicyId\"", d => $"{d}.\"PolicyId\" IS NOT NULL"),
        (ExplainDimension.DecisionTarget, d => $"{d}.\"Kind\" || ': ' || {d}.\"Target\"", d => $"{d}.\"Target\" IS NOT NULL"),
    ];

    /// <summary>The rule of <see cref="DidWorkFirst"/>: a tool, a model, a retrieval or a validation did work; a plan, the agent's own span and wiring did not.</summary>
    public static bool DidWork(StepKind kind) => kind is not (StepKind.Plan or StepKind.Other or StepKind.Plumbing);

    /// <summary>The steps that did work (a tool, a model, a retrieval, a validation) come before the rest when explain picks the step that failed first.</summary>
    public static string DidWorkFirst(string kind) => $"CASE WHEN {kind} IN ({SqlEnum.Literals(StepKind.Plan, StepKind.Other, StepKind.Plumbing)}) THEN 1 ELSE 0 END";

    /// <summary>
    /// The symptom's runs filter; a run of an hour the coverage reads from the rollups has its failed steps and repeats
    /// looked up there, the rest among its own steps (<see cref="InsideRunSql"/>).
    /// </summary>
    public static string Symptom(SqlQuery query, ExplainSymptom symptom, RollupCoverage coverage)
    {
        var filter = symptom.Filter;
        if (coverage.Rollups.Count == 0)
        {
            return RunFilterSql.Where(query, filter);
        }

        var conditions = new List<string> { RunFilterSql.Where(query, filter with { FailedStep = null, RepeatedTool = null }) };
        string RolledOrRaw(string fromRollup, string fromSteps) =>
            $"(({Rolled(query, "r.\"StartTime\"", coverage)}) AND {fromRollup}) OR (({RollupCoverage.Condition(query, "r.\"StartTime\"", coverage.Raw)}) AND {fromSteps})";

        if (filter.FailedStep is { } failed)
        {
            conditions.Add(RolledOrRaw(
                $"r.\"RunId\" IN (SELECT f.\"RunId\" FROM rollup_failed_steps f WHERE f.\"Name\" = {query.Parameter(failed)})",
                InsideRunSql.FailedStep(query, failed)));
        }

        if (filter.RepeatedTool is { } tool)
        {
            conditions.Add(RolledOrRaw(
                $"r.\"RunId\" IN (SELECT t.\"RunId\" FROM rollup_tool_repeats t WHERE t.\"ToolName\" = {query.Parameter(tool)})",
                InsideRunSql.RepeatedTool(query, tool)));
        }

        return string.Join(" AND ", conditions.Select(c => $"({c})"));
    }

    /// <summary>That a run's start time <paramref name="column"/> lies in an hour the coverage reads from the rollups.</summary>
    public static string Rolled(SqlQuery query, string column, RollupCoverage coverage) => RollupCoverage.Condition(query, column, coverage.Rollups);

    /// <summary>The baseline's runs filter; the symptom's runs are taken out of it by the query.</summary>
    public static RunFilter Baseline(ExplainRequest request) => request.Baseline switch
    {
        ExplainBaseline.WindowBefore => WindowBefore(request.Symptom.Scope),
        ExplainBaseline.Filter => request.BaselineFilter ?? new RunFilter(),
        _ => request.Symptom.Scope,
    };

    /// <summary>Every run either side could hold, as one filter where it can be one (so an index on start time serves it).</summary>
    public static string Outer(SqlQuery query, ExplainRequest request, string scope, string baseline) => request.Baseline switch
    {
        ExplainBaseline.Others => scope,
        ExplainBaseline.WindowBefore => RunFilterSql.Where(query, request.Symptom.Scope with { From = Baseline(request).From }),
        _ => $"({scope}) OR ({baseline})",
    };

    private static RunFilter WindowBefore(RunFilter scope)
    {
        if (scope.From is not { } from || scope.To is not { } to)
        {
            throw new ArgumentException("The window before needs a window with a start and an end.", nameof(scope));
        }

        return scope with { From = from - (to - from), To = from };
    }
}
