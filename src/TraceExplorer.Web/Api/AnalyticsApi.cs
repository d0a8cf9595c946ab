using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Reports;

namespace TraceExplorer.Web.Api;

/// <summary>
/// <c>/api/analytics/*</c> and <c>/api/reports/latency</c>: the analytics pages' data, with the runs list's filters
/// (<c>from</c>, <c>to</c>, <c>agent</c>, <c>route</c>, the versions, <c>model</c>) and <c>format=csv</c> for the table as CSV.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(Security.AccessPolicies.Viewer);
        analytics.MapGet("/slow-steps", SlowStepsAsync).WithName("GetSlowSteps")
            .WithSummary("Steps grouped by groupBy (kind, name, tool or model): count, p50, p95, p99, max, error rate and total time, most total time first.");
        analytics.MapGet("/repeated-tools", RepeatedToolsAsync).WithName("GetRepeatedTools")
            .WithSummary("Per tool, runs that called it with identical arguments at least minCalls times (default 2), with the calls and time in repeats; and step sequences that loop within runs.");
        analytics.MapGet("/validation-failures", ValidationFailuresAsync).WithName("GetValidationFailures")
            .WithSummary("Validation failures by schema and reason as a share of the schema's validations, by prompt and tool-contract version with the version that introduced them, and the daily trend.");
        analytics.MapGet("/complaints", ComplaintsAsync).WithName("GetComplaintRates")
            .WithSummary("Complaints per run for each version value and route, with the values far above the rest marked.");
        endpoints.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Security.AccessPolicies.Viewer).MapGet("/latency", LatencyAsync).WithName("GetLatencyReport")
            .WithSummary("End-to-end run latency p50, p95 and p99 per hour or day, one series per value of by; error rate and the runs over the SLO (sloMs); summary of the period and the one before it.");
        return endpoints;
    }

    private static async Task<IResult> SlowStepsAsync([AsParameters] AnalyticsQuery query, SlowStepQueries slowSteps, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        if (!TryParse(query, settings, out var request, out var invalid))
        {
            return invalid;
        }

        var groups = await slowSteps.GetGroupsAsync(request.Filter, request.Grouping, cancellationToken);
        return query.IsCsv ? Csv("slow-steps.csv", ReportColumns.SlowSteps(request.Grouping), groups) : TypedResults.Ok(new { groupBy = request.Grouping, groups });
    }

    private static async Task<IResult> RepeatedToolsAsync([AsParameters] AnalyticsQuery query, RepeatedToolQueries repeats, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        if (!TryParse(query, settings, out var request, out var invalid))
        {
            return invalid;
        }

        if (query.IsCsv)
        {
            return Csv("repeated-tools.csv", ReportColumns.RepeatedTools, await repeats.GetToolsAsync(request.Filter, request.MinCalls, cancellationToken));
        }

        // Two independent reads, each on its own connection: WAL lets them run side by side.
        var tools = repeats.GetToolsAsync(request.Filter, request.MinCalls, cancellationToken);
        var loops = repeats.GetLoopsAsync(request.Filter, cancellationToken);
        await Task.WhenAll(tools, loops);
        return TypedResults.Ok(new { minCalls = request.MinCalls, tools = tools.Result, loops = loops.Result });
    }

    private static async Task<IResult> ValidationFailuresAsync([AsParameters] AnalyticsQuery query, ValidationQueries validation, IOptions<ReportSettings> settings, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryParse(query, settings, out var request, out var invalid))
        {
            return invalid;
        }

        var failures = Security.PayloadAccess.ForUser(await validation.GetFailuresAsync(request.Filter, cancellationToken), user);
        if (query.IsCsv)
        {
            return Csv("validation-failures.csv", ReportColumns.ValidationFailures, failures);
        }

        var byVersion = await validation.GetByVersionAsync(request.Filter, cancellationToken);
        var introducedBy = ValidationIntroductions.Find(byVersion)
            .Select(i => new { dimension = i.Key.Dimension, schema = i.Key.Schema, version = i.Value });
        var trend = await validation.GetTrendAsync(request.Filter, request.BucketFor(DateTime.UtcNow), cancellationToken);
        return TypedResults.Ok(new { failures, byVersion, introducedBy, trend });
    }

    private static async Task<IResult> ComplaintsAsync([AsParameters] AnalyticsQuery query, ComplaintQueries complaints, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        if (!TryParse(query, settings, out var request, out var invalid))
        {
            return invalid;
        }

        var rates = await complaints.GetRatesAsync(request.Filter, cancellationToken);
        return query.IsCsv ? Csv("complaints.csv", ReportColumns.Complaints, rates) : TypedResults.Ok(new { rates });
    }

    private static async Task<IResult> LatencyAsync([AsParameters] AnalyticsQuery query, LatencyReportQueries latency, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        if (!TryParse(query, settings, out var request, out var invalid))
        {
            return invalid;
        }

        var bucket = request.BucketFor(DateTime.UtcNow);
        var points = await latency.GetSeriesAsync(request.Filter, request.By, bucket, request.SloMs, cancellationToken);
        if (query.IsCsv)
        {
            return Csv("latency.csv", ReportColumns.Latency, points);
        }

        var (current, previous) = LatencyPeriods.For(request.Filter, DateTime.UtcNow);
        return TypedResults.Ok(new
        {
            sloMs = request.SloMs,
            bucket,
            summary = await latency.GetSummaryAsync(current, request.SloMs, cancellationToken),
            previous = previous is null ? null : await latency.GetSummaryAsync(previous, request.SloMs, cancellationToken),
            points,
        });
    }

    /// <returns>False with the 400 to answer when a value does not parse.</returns>
    private static bool TryParse(AnalyticsQuery query, IOptions<ReportSettings> settings, out AnalyticsRequest request, out IResult invalid)
    {
        request = query.ToRequest(settings.Value.LatencySloMs, out var errors);
        invalid = TypedResults.ValidationProblem(errors, title: "A filter or option value is not valid.");
        return errors.Count == 0;
    }

    public static IResult Csv<T>(string fileName, IReadOnlyList<ReportColumn<T>> columns, IEnumerable<T> rows) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CsvExport.Write(columns, rows)), "text/csv; charset=utf-8", fileName);
}
