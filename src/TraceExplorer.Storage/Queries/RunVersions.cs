using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Queries;

public sealed record RunVersions(string? PromptVersion, string? PolicyVersion, string? ToolContractVersion, string? RouteConfigVersion)
{
    /// <summary>The value of one of <see cref="CompareDimensions.Versions"/>; null for the other dimensions.</summary>
    public string? Of(CompareDimension dimension) => dimension switch
    {
        CompareDimension.PromptVersion => PromptVersion,
        CompareDimension.PolicyVersion => PolicyVersion,
        CompareDimension.ToolContractVersion => ToolContractVersion,
        CompareDimension.RouteConfigVersion => RouteConfigVersion,
        _ => null,
    };
}
