using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>What a comparison splits runs on: a <see cref="RunDimension"/>, whose names and column it takes, or time.</summary>
public static class CompareDimensions
{
    /// <summary>The version dimensions, in the order of <see cref="RunDimension.Versions"/>.</summary>
    public static readonly IReadOnlyList<CompareDimension> Versions = [.. Enum.GetValues<CompareDimension>().Where(d => Of(d)?.IsVersion == true)];

    /// <summary>The run dimension a comparison splits on; null for time.</summary>
    public static RunDimension? Of(CompareDimension dimension) => dimension switch
    {
        CompareDimension.PromptVersion => RunDimension.PromptVersion,
        CompareDimension.PolicyVersion => RunDimension.PolicyVersion,
        CompareDimension.ToolContractVersion => RunDimension.ToolContractVersion,
        CompareDimension.RouteConfigVersion => RunDimension.RouteConfigVersion,
        CompareDimension.Model => RunDimension.Model,
        CompareDimension.Route => RunDimension.Route,
        _ => null,
    };

    public static string Name(CompareDimension dimension) => Of(dimension)?.Name ?? "time";

    /// <summary>Accepts the snake_case names and the camelCase filter names (promptVersion).</summary>
    public static bool TryParse(string? text, out CompareDimension dimension)
    {
        var normalized = text?.Replace("_", "", StringComparison.Ordinal).Trim();
        foreach (var candidate in Enum.GetValues<CompareDimension>())
        {
            if (string.Equals(Name(candidate).Replace("_", "", StringComparison.Ordinal), normalized, StringComparison.OrdinalIgnoreCase))
            {
                dimension = candidate;
                return true;
            }
        }

        dimension = default;
        return false;
    }

    public static string Label(CompareDimension dimension) => Of(dimension)?.Label ?? "Before and after";

    /// <summary>The runs column holding the dimension's value; null for model (a list) and time.</summary>
    public static string? RunColumn(CompareDimension dimension) => Of(dimension) is { IsList: false } run ? run.Column : null;
}
