using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// A run's errors are the failures that caused something, not the same failure reported again by every span it
/// passed through on the way up (SK's tool span inside MEAI's, a node failing because its tool failed). A failed step
/// counts when no step below it failed. The one rule behind a run's error count and the run page's failure header.
/// </summary>
public static class RootCauseErrors
{
    /// <summary>Which items are causes: failed, with no failed item below them.</summary>
    public static bool[] Causes(ParentTree tree, Func<int, bool> failed)
    {
        var aboveAFailure = tree.AncestorsOf(failed);
        var causes = new bool[tree.Count];
        for (var i = 0; i < tree.Count; i++)
        {
            causes[i] = failed(i) && !aboveAFailure[i];
        }

        return causes;
    }

    public static bool[] Causes(StepForest forest) => Causes(forest.Tree, i => Failed(forest[i]));

    public static int Count(StepForest forest) => Causes(forest).Count(c => c);

    /// <summary>
    /// Where a failure starts: of the causes, the first in <paramref name="order"/> (the first to start, as the one the
    /// others most likely followed from), with how many causes there are and how many items above it failed with it.
    /// </summary>
    public static RootCause? First<TOrder>(ParentTree tree, Func<int, bool> failed, Func<int, TOrder> order)
    {
        var causes = Causes(tree, failed);
        var first = -1;
        var count = 0;
        var comparer = Comparer<TOrder>.Default;
        for (var i = 0; i < causes.Length; i++)
        {
            if (!causes[i])
            {
                continue;
            }

            count++;
            if (first < 0 || comparer.Compare(order(i), order(first)) < 0)
            {
                first = i;
            }
        }

        return first < 0 ? null : new RootCause(first, count, tree.Ancestors(first).Count(failed));
    }

    private static bool Failed(Step step) => step.Status == StepStatus.Error;
}
