namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>The dimensions' names in URLs and the API (the convention attribute names), and the runs column of each.</summary>
public static class CompareDimensions
{
    public static readonly IReadOnlyList<CompareDimension> Versions =
        [CompareDimension.PromptVersion, CompareDimension.PolicyVersion, CompareDimension.ToolContractVersion, CompareDimension.RouteConfigVersion];

    private static readonly Dictionary<CompareDimension, string> NameOf = new()
    {
        [CompareDimension.PromptVersion] = "prompt_version",
        [CompareDimension.PolicyVersion] = "policy_version",
        [CompareDimension.ToolContractVersion] = "tool_contract_version",
        [CompareDimension.RouteConfigVersion] = "route_config_version",
        [CompareDimension.Model] = "model",
        [CompareDimension.Route] = "route",
        [CompareDimension.Time] = "time",
    };

    public static string Name(CompareDimension dimension) => NameOf[dimension];

    /// <summary>Accepts the snake_case names and the camelCase filter names (promptVersion).</summary>
    public static bool TryParse(string? text, out CompareDimension dimension)
    {
        var normalized = text?.Replace("_", "", StringComparison.Ordinal).Trim();
        foreach (var (candidate, name) in NameOf)
        {
            if (string.Equals(name.Replace("_", "", StringComparison.Ordinal), normalized, StringComparison.OrdinalIgnoreCase))
            {
                dimension = candidate;
                return true;
            }
        }

        dimension = default;
        return false;
    }

    public static string Label(CompareDimension dimension) => dimension switch
    {
        CompareDimension.PromptVersion => "Prompt version",
        CompareDimension.PolicyVersion => "Policy version",
        CompareDimension.ToolContractVersion => "Tool contract version",
        CompareDimension.RouteConfigVersion => "Route config version",
        CompareDimension.Model => "Model",
        CompareDimension.Route => "Route",
        _ => "Before and after",
    };

    /// <summary>The runs column holding the dimension's value; null for model (a list) and time.</summary>
    public static string? RunColumn(CompareDimension dimension) => dimension switch
    {
        CompareDimension.PromptVersion => "PromptVersion",
        CompareDimension.PolicyVersion => "PolicyVersion",
        CompareDimension.ToolContractVersion => "ToolContractVersion",
        CompareDimension.RouteConfigVersion => "RouteConfigVersion",
        CompareDimension.Route => "Route",
        _ => null,
    };
}
