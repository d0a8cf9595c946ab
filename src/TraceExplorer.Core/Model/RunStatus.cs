namespace TraceExplorer.Core.Model;

public enum RunStatus
{
    Ok,
    Error,
}
