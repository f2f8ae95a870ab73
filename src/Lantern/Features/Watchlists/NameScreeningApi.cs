using System.Text;
using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Watchlists;

/// <summary>Name screening inside Lantern: one name, batches, the alert queue and profiles, under <c>/api/v1/name-screening</c>.</summary>
public static class NameScreeningApi
{
    private const int MaxBody = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapNameScreeningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/name-screening").WithTags("Name screening");
        group.MapPost("/names", ScreenName).RequireAuthorization(Permissions.WatchlistsScreen).WithName("ScreenName").WithSummary("Screen one name (and birth date, nationality, identity numbers) against a profile's lists or every list you may screen; hits best first with their explanation; alerts raised.");
        group.MapPost("/batches", SubmitBatch).RequireAuthorization(Permissions.WatchlistsScreen).WithName("SubmitScreeningBatch").WithSummary("Submit a batch: a JSON array of {id,name,birthDate,nationality,nationalId,passport} or text/csv with id,name[,birth_date,nationality,national_id,passport]; screened in the background.").Accepts<ScreeningBatches.Row[]>("application/json", "text/csv");
        group.MapGet("/batches", ListBatches).RequireAuthorization(Permissions.WatchlistsScreen).WithName("ListScreeningBatches").WithSummary("Your organisation's recent batches with their progress.");
        group.MapGet("/batches/{id:guid}", GetBatch).RequireAuthorization(Permissions.WatchlistsScreen).WithName("GetScreeningBatch").WithSummary("A batch's status and progress (done of total, hits).");
        group.MapGet("/batches/{id:guid}/results.csv", Results).RequireAuthorization(Permissions.WatchlistsScreen).WithName("GetScreeningBatchResults").WithSummary("The batch's hits as CSV: input_id,list,list_entry,score,explanation.");
        group.MapGet("/alerts", ListAlerts).RequireAuthorization(Permissions.WatchlistsScreen).WithName("ListScreeningAlerts").WithSummary("The alert queue, best score first; filter by status (open, confirmed, dismissed, closed, all), list and batch.");
        group.MapGet("/alerts/{id:guid}", GetAlert).RequireAuthorization(Permissions.WatchlistsScreen).WithName("GetScreeningAlert").WithSummary("An alert: the subject, the entry (a missing child's only with watchlists.children), the explanation and the decision.");
        group.MapPost("/alerts/{id:guid}/confirm", Confirm).RequireAuthorization(Permissions.WatchlistsScreen).WithName("ConfirmScreeningAlert").WithSummary("Confirm an open alert (reason optional).");
        group.MapPost("/alerts/{id:guid}/dismiss", Dismiss).RequireAuthorization(Permissions.WatchlistsScreen).WithName("DismissScreeningAlert").WithSummary("Dismiss an open alert with a reason; the same input and entry stay quiet until the entry changes.");
        group.MapGet("/profiles", ListProfiles).RequireAuthorization(Permissions.WatchlistsScreen).WithName("ListScreeningProfiles").WithSummary("Your organisation's screening profiles (use, threshold, lists).");
        group.MapPost("/profiles", CreateProfile).RequireAuthorization(Permissions.WatchlistsManage).WithName("CreateScreeningProfile").WithSummary("Create a screening profile (administrators).");
        group.MapPut("/profiles/{id:guid}", UpdateProfile).RequireAuthorization(Permissions.WatchlistsManage).WithName("UpdateScreeningProfile").WithSummary("Change a screening profile (administrators).");
        group.MapPost("/profiles/preview", PreviewNew).RequireAuthorization(Permissions.WatchlistsManage).WithName("PreviewNewScreeningProfile").WithSummary("The effect of proposed settings on your recent batches, before creating a profile.");
        group.MapPost("/profiles/{id:guid}/preview", Preview).RequireAuthorization(Permissions.WatchlistsManage).WithName("PreviewScreeningProfile").WithSummary("The effect of a profile change on the recent batches screened with it: alerts added and no longer raised, per batch.");
        return api;
    }

    private static async Task<Ok<ScreeningResult>> ScreenName(ScreeningNames.Request request, HttpContext http, ScreeningNames.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), request, ct));

    private static async Task<Created<ScreeningBatchView>> SubmitBatch(HttpContext http, ScreeningBatches.SubmitHandler handler, CancellationToken ct, Guid? profile = null, string? fileName = null)
    {
        var body = await ReadBodyAsync(http, ct);
        var csv = http.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        ScreeningBatches.SubmitRequest request;
        if (csv)
        {
            request = new ScreeningBatches.SubmitRequest(fileName ?? "batch.csv", profile, Csv: body);
        }
        else
        {
            ScreeningBatches.Row[]? rows;
            try
            {
                rows = JsonSerializer.Deserialize<ScreeningBatches.Row[]>(body, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                throw new ValidationException("rows", "Send a JSON array of {\"id\",\"name\",...} objects, or text/csv.");
            }
            request = new ScreeningBatches.SubmitRequest(fileName ?? "batch.json", profile, Rows: rows);
        }
        var batch = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/name-screening/batches/{batch.Id}", batch);
    }

    private static async Task<Ok<IReadOnlyList<ScreeningBatchView>>> ListBatches(HttpContext http, ScreeningBatches.ListHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<ScreeningBatchView>> GetBatch(Guid id, HttpContext http, ScreeningBatches.GetHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<FileContentHttpResult> Results(Guid id, HttpContext http, ScreeningBatches.ResultsHandler handler, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await handler.Handle(http.Actor(), id, ct)), "text/csv; charset=utf-8", $"screening-{id:N}.csv");

    private static async Task<Ok<AlertList>> ListAlerts(HttpContext http, AlertReview.ListHandler handler, CancellationToken ct, string? status = "open", Guid? list = null, Guid? batch = null, int? limit = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new AlertReview.ListRequest(status, list, batch, limit), ct));

    private static async Task<Ok<AlertView>> GetAlert(Guid id, HttpContext http, AlertReview.GetHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<AlertView>> Confirm(Guid id, AlertReview.DecideRequest request, HttpContext http, AlertReview.ConfirmHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<AlertView>> Dismiss(Guid id, AlertReview.DecideRequest request, HttpContext http, AlertReview.DismissHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<IReadOnlyList<ScreeningProfileView>>> ListProfiles(HttpContext http, ProfileSettings.ListHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Created<ScreeningProfileView>> CreateProfile(ProfileSettings.Input input, HttpContext http, ProfileSettings.SaveHandler handler, CancellationToken ct)
    {
        var profile = await handler.Handle(http.Actor(), null, input, ct);
        return TypedResults.Created($"/api/v1/name-screening/profiles/{profile.Id}", profile);
    }

    private static async Task<Ok<ScreeningProfileView>> UpdateProfile(Guid id, ProfileSettings.Input input, HttpContext http, ProfileSettings.SaveHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, input, ct));

    private static async Task<Ok<ProfileEffectView>> PreviewNew(ProfileSettings.Input input, HttpContext http, ProfileSettings.PreviewHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), null, input, ct));

    private static async Task<Ok<ProfileEffectView>> Preview(Guid id, ProfileSettings.Input input, HttpContext http, ProfileSettings.PreviewHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, input, ct));

    private static async Task<string> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBody)
        {
            throw new ValidationException("$", "The request body is larger than 16 MB.");
        }
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        return body.Length > MaxBody ? throw new ValidationException("$", "The request body is larger than 16 MB.") : body;
    }
}
