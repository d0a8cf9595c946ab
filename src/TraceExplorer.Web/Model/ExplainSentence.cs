using System.Globalization;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The explanation in one sentence, written from the numbers (no language model): when the symptom started and its
/// rate before and after, how the runs failed, and the value that explains most of it with its share on both sides.
/// Each number is a part with a link to the runs it counts.
/// </summary>
public static class ExplainSentence
{
    /// <summary>A failure signature is named when at least this share of the symptom's runs failed that way.</summary>
    public const double SignatureMinShare = 0.5;

    public static IReadOnlyList<ExplainSentencePart> For(ExplainResult result, ExplainRequest request)
    {
        var symptom = request.Symptom;
        var parts = new List<ExplainSentencePart>();
        void Words(string text) => parts.Add(new(text));
        void Number(string text, RunFilter? filter) => parts.Add(new(text, filter is null ? null : ExplainLinks.Runs(filter)));

        var runs = symptom.Filter.Agent is { } agent ? $"{agent} runs" : "runs";
        if (result.SymptomRuns == 0)
        {
            Words($"No {runs} match the symptom in this window.");
            return parts;
        }

        if (result.Start is { } start)
        {
            Words($"Since {Time(start.Since)}, ");
            Number(CompareFormat.Percent(start.RateAfter), symptom.Filter with { From = start.Since });
            Words($" of {runs} {Phrase(result, symptom)}, against ");
            Number(CompareFormat.Percent(start.RateBefore), symptom.Filter with { To = start.Since });
            Words(" before");
        }
        else
        {
            Number(DisplayFormat.Count(result.SymptomRuns), symptom.Filter);
            Words($" {runs} {Phrase(result, symptom)} (");
            Number(CompareFormat.Percent(result.ScopeRuns == 0 ? 0 : (double)result.SymptomRuns / result.ScopeRuns), symptom.Scope);
            Words(" of the window)");
        }

        if (result.TopCause is { } cause)
        {
            Words("; ");
            Number(CompareFormat.Percent(cause.SymptomShare), ExplainDimensions.With(symptom.Filter, cause.Dimension, cause.Value));
            Words($" of them {Carried(cause)}{(cause.FirstSeen is { } seen ? $", first seen {Time(seen)}" : "")}, against ");
            Number(CompareFormat.Percent(cause.BaselineShare), ExplainDimensions.With(ExplainLinks.Others(request), cause.Dimension, cause.Value));
            Words(" of the others.");
        }
        else
        {
            Words("; no run dimension sets them apart significantly.");
        }

        return parts;
    }

    public static string Text(IReadOnlyList<ExplainSentencePart> parts) => string.Concat(parts.Select(p => p.Text));

    /// <summary>What the symptom's runs did, in words, with their most common failure when most failed that way.</summary>
    public static string Phrase(ExplainResult result, ExplainSymptom symptom)
    {
        if (result.Signature is { } signature && signature.Share >= SignatureMinShare
            && (symptom.Filter.FailedStep is not null || symptom.Filter.Status == Core.Model.RunStatus.Error))
        {
            var error = signature.ErrorType is { } type ? $", {type} after {DisplayFormat.Duration(signature.MeanDurationMs)}" : "";
            return $"fail at step {signature.StepNumber.ToString(CultureInfo.InvariantCulture)} ({signature.Step}{error})";
        }

        var phrases = new List<string>();
        if (symptom.Filter.FailedStep is { } failed)
        {
            phrases.Add($"fail at {failed}");
        }
        else if (symptom.Filter.Status == Core.Model.RunStatus.Error)
        {
            phrases.Add("fail");
        }

        if (symptom.Filter.SlowerThanMs is { } threshold)
        {
            phrases.Add($"have {symptom.Filter.SlowStep ?? "a step"} slower than {DisplayFormat.Duration(threshold)}");
        }

        if (symptom.Filter.RepeatedTool is { } tool)
        {
            phrases.Add($"repeat {tool} with identical arguments");
        }

        if (symptom.Filter.WithComplaints)
        {
            phrases.Add("draw a complaint");
        }

        if (symptom.Filter.Decision is { } decision)
        {
            phrases.Add($"take a {decision} decision");
        }

        if (symptom.Filter.MinDurationMs is { } slowest)
        {
            phrases.Add($"take {DisplayFormat.Duration(slowest)} or longer");
        }

        return phrases.Count == 0 ? "match the filters" : string.Join(" and ", phrases);
    }

    private static string Carried(ExplainValue value) => value.Dimension switch
    {
        ExplainDimension.Agent => $"were {value.Value} runs",
        ExplainDimension.Route => $"took route {value.Value}",
        ExplainDimension.Model => $"used {value.Value}",
        _ => $"ran {value.Value}",
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
