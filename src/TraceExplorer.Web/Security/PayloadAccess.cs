using System.Security.Claims;
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
        CanSeePayloads(user) ? step : step with { Attributes = null, Events = null, ErrorMessage = null };
}
