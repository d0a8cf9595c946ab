using MudBlazor;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model;

/// <summary>How a step is named and drawn: the tool for tool calls, the model for model calls, one icon and colour per kind.</summary>
public static class StepLabels
{
    public static string DisplayName(StepKind kind, string name, string? toolName, string? model) => kind switch
    {
        StepKind.Tool or StepKind.Retrieve when toolName is not null => toolName,
        StepKind.Model when model is not null => model,
        _ => name,
    };

    public static string Icon(StepKind kind) => kind switch
    {
        StepKind.Plan => Icons.Material.Filled.AccountTree,
        StepKind.Retrieve => Icons.Material.Filled.ManageSearch,
        StepKind.Model => Icons.Material.Filled.Psychology,
        StepKind.Tool => Icons.Material.Filled.Build,
        StepKind.Validate => Icons.Material.Filled.Rule,
        _ => Icons.Material.Filled.Circle,
    };

    /// <summary>The CSS class carrying the kind's colour, defined once in app.css.</summary>
    public static string CssClass(StepKind kind) => "kind-" + kind.ToString().ToLowerInvariant();
}
