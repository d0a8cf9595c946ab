using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>The symptom as a SQL condition over the runs table under alias r, for the explain query.</summary>
public static class ExplainSql
{
    /// <summary>The runs filter, and for each step-level part of the symptom a lookup of the run's own steps, complaints or decisions.</summary>
    public static string Symptom(SqlQuery query, ExplainSymptom symptom)
    {
        var conditions = new List<string> { RunFilterSql.Where(query, symptom.Filter) };
        var stepsOfRun = $"steps x {query.Dialect.StepsByRun} WHERE x.\"RunId\" = r.\"RunId\"";
        if (symptom.FailedStep is { } failed)
        {
            conditions.Add($"EXISTS (SELECT 1 FROM {stepsOfRun} AND {StepGroup.NameSql("x")} = {query.Parameter(failed)} AND {StepGroup.FailedSql("x")} = 1)");
        }

        if (symptom.SlowerThanMs is { } threshold)
        {
            var group = symptom.SlowStep is { } slow ? $" AND {StepGroup.NameSql("x")} = {query.Parameter(slow)}" : "";
            conditions.Add($"EXISTS (SELECT 1 FROM {stepsOfRun}{group} AND x.\"DurationMs\" > {query.Parameter(threshold)})");
        }

        if (symptom.RepeatedTool is { } tool)
        {
            conditions.Add($"""
                EXISTS (SELECT 1 FROM {stepsOfRun} AND x."ToolName" = {query.Parameter(tool)} AND x."ToolArgumentsHash" IS NOT NULL
                    GROUP BY x."ToolArgumentsHash" HAVING COUNT(*) >= 2)
                """);
        }

        if (symptom.WithComplaints)
        {
            conditions.Add("EXISTS (SELECT 1 FROM complaints k WHERE k.\"RunId\" = r.\"RunId\")");
        }

        if (symptom.Decision is { } kind)
        {
            conditions.Add($"EXISTS (SELECT 1 FROM decisions d WHERE d.\"RunId\" = r.\"RunId\" AND d.\"Kind\" = {query.Parameter(kind.ToString())})");
        }

        return string.Join(" AND ", conditions.Select(c => $"({c})"));
    }

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
