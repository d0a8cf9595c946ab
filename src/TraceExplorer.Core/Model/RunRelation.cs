namespace TraceExplorer.Core.Model;

/// <summary>How a run relates to its parent run, if it has one.</summary>
public enum RunRelation
{
    None,
    Retry,
    Fork,
    Replay,
}
