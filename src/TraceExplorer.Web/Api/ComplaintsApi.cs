using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Core.Redaction;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Api;

/// <summary><c>POST /api/runs/{runId}/complaints</c>: a user's complaint about a run, from a support tool or feedback widget.</summary>
public static class ComplaintsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/runs/{runId}/complaints", AddComplaintAsync).WithTags("Runs").WithName("AddComplaint").RequireAuthorization(Security.AccessPolicies.Engineer)
            .Accepts<ComplaintRequest>("application/json")
            .WithSummary("Records a complaint {externalId, text} against the run; the text is redacted before it is stored, and the same externalId is stored once.");
        return endpoints;
    }

    private static async Task<Results<Created, ValidationProblem, ProblemHttpResult>> AddComplaintAsync(
        string runId, HttpRequest request, ComplaintQueries complaints, IngestMappingOptions mapping, CancellationToken cancellationToken)
    {
        ComplaintRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ComplaintRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON: {exception.Message}"] }, title: "The complaint could not be read.");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.ExternalId))
        {
            errors["externalId"] = ["The complaint's id in the system it came from is required."];
        }
        else if (body.ExternalId.Length > ComplaintQueries.MaxExternalIdLength)
        {
            errors["externalId"] = [$"At most {ComplaintQueries.MaxExternalIdLength} characters."];
        }

        if (body?.Text is { Length: > ComplaintQueries.MaxTextLength })
        {
            errors["text"] = [$"At most {ComplaintQueries.MaxTextLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The complaint is not valid.");
        }

        // What customers write is personal data: it goes through the same redaction as span attributes.
        var text = body!.Text is { } raw && mapping.Redactor is { } redactor ? redactor.Text(raw, new RedactionCounts()) : body.Text;
        var stored = await complaints.AddAsync(runId, body.ExternalId!.Trim(), text, DateTime.UtcNow, cancellationToken);
        return stored
            ? TypedResults.Created($"/api/runs/{Uri.EscapeDataString(runId)}")
            : TypedResults.Problem(title: "Run not found.", detail: $"No run has the id '{runId}'.", statusCode: StatusCodes.Status404NotFound);
    }
}
