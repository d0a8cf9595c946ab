namespace TraceExplorer.Web.Ingest;

/// <summary>Tells open pages which runs new data arrived for, so they refresh without a reload.</summary>
public sealed class RunChangeNotifier
{
    public event Action<IReadOnlyCollection<string>>? RunsChanged;

    public void Publish(IReadOnlyCollection<string> runIds)
    {
        if (runIds.Count > 0)
        {
            RunsChanged?.Invoke(runIds);
        }
    }
}
