using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// A run's errors are the failures that caused something, not the same failure reported again by every span it
/// passed through on the way up (SK's tool span inside MEAI's, a node failing because its tool failed). A failed step
/// counts when no step below it failed.
/// </summary>
public static class RootCauseErrors
{
    public static bool[] Causes(StepForest forest)
    {
        var aboveAFailure = forest.AncestorsOf(Failed);
        var causes = new bool[forest.Count];
        for (var i = 0; i < forest.Count; i++)
        {
            causes[i] = Failed(forest[i]) && !aboveAFailure[i];
        }

        return causes;
    }

    public static int Count(StepForest forest) => Causes(forest).Count(c => c);

    private static bool Failed(Step step) => step.Status == StepStatus.Error;
}
