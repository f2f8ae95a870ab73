using System.Text.Json;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Web;

/// <summary>
/// Maps Core's exceptions to problem+json on the API (naming the field) and to error pages elsewhere.
/// Nothing from a request or an exception message is logged: messages may quote what the user typed.
/// </summary>
public static partial class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? field)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }
        problem.Extensions["traceId"] = context.TraceIdentifier;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(problem, JsonSerializerOptions.Web), context.RequestAborted);
    }

    public static IApplicationBuilder UseLanternErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer and nothing went wrong on our side.
        }
        catch (Exception caught) when (!context.Response.HasStarted)
        {
            var e = caught is BadHttpRequestException { InnerException: JsonException json } ? CaseDocument.JsonError(json) : caught;
            var (status, title, field) = Classify(e);
            if (status == StatusCodes.Status500InternalServerError)
            {
                // Type and stack only: an exception message may quote a protected value.
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Lantern.Errors")
                    .LogError("Unhandled {ExceptionType} on {Method} {Endpoint} (trace {TraceId}) at {StackTrace}",
                        e.GetType().FullName, context.Request.Method, context.GetEndpoint()?.DisplayName, context.TraceIdentifier, e.StackTrace);
            }
            if (e is ForbiddenException && context.User.Identity?.IsAuthenticated == true)
            {
                var audit = context.RequestServices.GetRequiredService<AuditLog>();
                await audit.WriteAsync(context.Actor(), "authorisation.denied", "endpoint", null, AuditOutcome.Denied, context.GetEndpoint()?.DisplayName, context.RequestAborted);
            }
            context.Response.Clear();
            if (context.Request.IsApi())
            {
                var detail = status == StatusCodes.Status500InternalServerError ? "An unexpected error occurred; it has been logged." : e.Message;
                await WriteAsync(context, status, title, detail, field);
            }
            else
            {
                context.Response.Redirect(status switch
                {
                    StatusCodes.Status404NotFound => "/not-found",
                    StatusCodes.Status403Forbidden => "/forbidden",
                    _ => "/error",
                });
            }
        }
    });

    private static (int Status, string Title, string? Field) Classify(Exception e) => e switch
    {
        ValidationException v => (StatusCodes.Status400BadRequest, "Invalid input", v.Field),
        ConflictException c => (StatusCodes.Status409Conflict, "Conflict", c.Field),
        NotFoundException => (StatusCodes.Status404NotFound, "Not found", null),
        ForbiddenException => (StatusCodes.Status403Forbidden, "Forbidden", null),
        BadHttpRequestException b => (b.StatusCode, "Bad request", BoundParameter().Match(b.Message) is { Success: true } m ? m.Groups[1].Value : null),
        _ => (StatusCodes.Status500InternalServerError, "Server error", null),
    };

    // "Failed to bind parameter "int page" from "abc"." names the parameter.
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"[^\" ]+ ([A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();
}
