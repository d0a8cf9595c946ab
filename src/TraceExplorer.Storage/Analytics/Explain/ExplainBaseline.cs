namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>What the symptom's runs are set against; the symptom's own runs are never part of it.</summary>
public enum ExplainBaseline
{
    /// <summary>The other runs of the same agents in the same window.</summary>
    Others,

    /// <summary>The runs of the same agents in a window as long, just before.</summary>
    WindowBefore,

    /// <summary>The runs a filter of the user's choosing selects.</summary>
    Filter,
}
