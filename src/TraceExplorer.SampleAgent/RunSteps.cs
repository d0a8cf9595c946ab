using System.Diagnostics;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// Starts a run's spans. Every step goes through here so none can miss the run attributes TraceExplorer groups
/// steps by, and so the console can say how many steps a run had.
/// </summary>
internal sealed class RunSteps(ActivitySource source, RunContext run)
{
    public RunContext Run => run;

    public int Count { get; private set; }

    public Activity? Start(string name, ActivityKind kind = ActivityKind.Internal)
    {
        // Null when nothing listens to the source; the run still plays out, it just is not recorded.
        var activity = source.StartActivity(name, kind);
        if (activity is not null)
        {
            run.Tag(activity);
        }

        Count++;
        return activity;
    }
}
