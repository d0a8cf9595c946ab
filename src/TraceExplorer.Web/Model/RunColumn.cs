namespace TraceExplorer.Web.Model;

/// <summary>A column of the runs list; <see cref="RunColumns"/> says which show by default and how a choice is stored.</summary>
public enum RunColumn
{
    Status,
    Start,
    Run,
    Agent,
    Route,
    Duration,
    Steps,
    Tools,
    ErrorCount,
    Error,
    Tokens,
    Versions,
    AllVersions,
}
