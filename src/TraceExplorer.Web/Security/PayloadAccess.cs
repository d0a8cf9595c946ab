using System.Security.Claims;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Security;

/// <summary>
/// Viewers see a run's structure, not what went through it: inputs, outputs, arguments, results, snippets, error
/// text and what complaining users wrote are removed on the server before anything is sent, by the API and the pages
/// alike.
/// </summary>
public static class PayloadAccess
{
    public static bool CanSeePayloads(ClaimsPrincipal user) => AccessPolicies.Has(user, AppRole.Engineer);

    public static RunDetails ForUser(RunDetails run, ClaimsPrincipal user) =>
        CanSeePayloads(user) ? run : run with { Input = null, Output = null, Complaints = run.Complaints.Select(c => c with { Text = null }).ToList() };

    public static StepItem ForUser(StepItem step, ClaimsPrincipal user) =>
        CanSeePayloads(user) ? step : step with { Attributes = null, Events = null, ErrorMessage = null, ValidationFailureReason = null };

    /// <summary>The runs list as the user may read it: its filter (below) and, for failed runs, error messages only for a role that may read them.</summary>
    public static RunListRequest ForUser(RunListRequest request, ClaimsPrincipal user) =>
        request with { Filter = ForUser(request.Filter, user), WithErrorMessages = CanSeePayloads(user) };

    /// <summary>The runs filter as the user may apply it: free text looks inside inputs only for a role that may read them.</summary>
    public static RunFilter ForUser(RunFilter filter, ClaimsPrincipal user) => filter with { TextMatchesPayloads = CanSeePayloads(user) };

    /// <summary>
    /// Validation failures without their reasons for a role that may not read failure text: one row per schema, with
    /// the schema's failures summed over every reason.
    /// </summary>
    public static IReadOnlyList<ValidationFailureGroup> ForUser(IReadOnlyList<ValidationFailureGroup> failures, ClaimsPrincipal user) =>
        CanSeePayloads(user)
            ? failures
            : failures.GroupBy(f => f.Schema, StringComparer.Ordinal)
                .Select(g => new ValidationFailureGroup(g.Key, HiddenReason, g.Sum(f => f.Failures), g.Max(f => f.Validations)))
                .OrderByDescending(f => f.Share).ThenBy(f => f.Schema, StringComparer.Ordinal)
                .ToList();

    /// <summary>What a viewer sees in place of a validation failure's reason.</summary>
    public const string HiddenReason = "(reasons hidden for your role)";
}
