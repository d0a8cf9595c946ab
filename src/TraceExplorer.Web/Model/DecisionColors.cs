using MudBlazor;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model;

/// <summary>One colour per decision kind, everywhere decisions are shown: policy blocks and fallbacks stand out, by colour and icon.</summary>
public static class DecisionColors
{
    public static Color Of(DecisionKind kind) => kind switch
    {
        DecisionKind.PolicyBlock => Color.Error,
        DecisionKind.Fallback => Color.Warning,
        DecisionKind.Approval => Color.Success,
        DecisionKind.Routing => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The icon of a kind that should catch the eye (a block, a fallback); null for the others.</summary>
    public static string? Icon(DecisionKind kind) => kind switch
    {
        DecisionKind.PolicyBlock => Icons.Material.Filled.Block,
        DecisionKind.Fallback => Icons.Material.Filled.AltRoute,
        _ => null,
    };

    /// <summary>The class that marks a standout decision's row: "block", "fallback", or null.</summary>
    public static string? StandoutClass(DecisionKind kind) => kind switch
    {
        DecisionKind.PolicyBlock => "block",
        DecisionKind.Fallback => "fallback",
        _ => null,
    };
}
