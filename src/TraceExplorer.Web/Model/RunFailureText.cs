using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>How the runs list names where a run failed: the tool, the error type and, when the reader may see it, the message.</summary>
public static class RunFailureText
{
    /// <summary>"orders.lookup · timeout: orders.lookup timed out after 30000 ms"; without a message, "orders.lookup · timeout".</summary>
    public static string Summary(RunFailure failure)
    {
        var what = string.Join(" · ", new[] { failure.Tool, failure.ErrorType ?? "error" }.OfType<string>());
        return string.IsNullOrWhiteSpace(failure.ErrorMessage) ? what : $"{what}: {failure.ErrorMessage}";
    }

    /// <summary>The cell's tooltip: the summary and the step it starts at, which the link opens.</summary>
    public static string Title(RunFailure failure) => $"Step {failure.StepNumber}: {Summary(failure)} (open the run at this step)";
}
