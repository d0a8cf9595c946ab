using MudBlazor;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model;

/// <summary>One colour per decision kind, everywhere decisions are shown: policy blocks stand out.</summary>
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
}
