using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// A run's tokens, each model call counted once. Frameworks repeat the total of the model calls below them on the
/// agent or tool-loop span (invoke_agent in AI SDK 7 and Agent Framework, orchestrate_tools in MEAI and Semantic Kernel);
/// AI SDK 5's root reports only its last call. So a step's tokens count only when no step below it reports tokens:
/// the deepest reports are the calls themselves, and a parent's figure is used only when its calls did not report.
/// </summary>
public static class CountedTokens
{
    public static (long Input, long Output) Of(StepForest forest)
    {
        var covered = forest.AncestorsOf(ReportsTokens);
        long input = 0, output = 0;
        for (var i = 0; i < forest.Count; i++)
        {
            if (!covered[i])
            {
                input += forest[i].InputTokens ?? 0;
                output += forest[i].OutputTokens ?? 0;
            }
        }

        return (input, output);
    }

    public static bool ReportsTokens(Step step) => step.InputTokens is not null || step.OutputTokens is not null;
}
