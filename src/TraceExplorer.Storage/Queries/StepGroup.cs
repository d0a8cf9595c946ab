using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;

namespace TraceExplorer.Storage.Queries;

/// <summary>
/// What makes two steps "the same step": their kind and what they called (the tool, the model, the schema they
/// validated) or else their name. Run diffs align on it and the comparison and analytics pages group by it.
/// </summary>
public static class StepGroup
{
    public static string Label(StepKind kind, string? toolName, string? model, string? validationSchema, string name) =>
        $"{kind}:{Name(toolName, model, validationSchema, name)}";

    /// <summary>The name half of the group (see <see cref="NameSql"/>).</summary>
    public static string Name(string? toolName, string? model, string? validationSchema, string name) => toolName ?? model ?? validationSchema ?? name;

    public static string Label(StepItem step) => Label(step.Kind, step.ToolName, step.Model, step.ValidationSchema, step.Name);

    /// <summary>The name half of the group, as SQL over the steps table under <paramref name="alias"/>.</summary>
    public static string NameSql(string alias) =>
        $"""COALESCE({alias}."ToolName", {alias}."Model", {alias}."ValidationSchema", {alias}."Name")""";

    /// <summary>The rule of <see cref="FailedSql"/>.</summary>
    public static bool Failed(StepStatus status, bool? validationPassed) => status == StepStatus.Error || validationPassed == false;

    /// <summary>A step failed when its span ended in error or its validation did not pass.</summary>
    public static string FailedSql(string alias) =>
        $"""CASE WHEN {alias}."Status" = {SqlEnum.Literal(StepStatus.Error)} OR {alias}."ValidationPassed" IS FALSE THEN 1 ELSE 0 END""";
}
