using Lantern.Core.Common;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Duplicates;

public static class DuplicatesApi
{
    public static RouteGroupBuilder MapDuplicatesApi(this RouteGroupBuilder api)
    {
        var duplicates = api.MapGroup("/duplicates").WithTags("Possible duplicates");
        duplicates.MapGet("/", List).RequireAuthorization(Permissions.LinkageRead).WithName("ListDuplicates").WithSummary("Possible duplicate persons, most probable first; another organisation's record only as whom to contact.");
        duplicates.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.LinkageRead).WithName("GetDuplicate").WithSummary("One pair with each field's comparison level, weight and term-frequency adjustment, and the probability.");
        duplicates.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(Permissions.LinkageReview).WithName("ConfirmDuplicate").WithSummary("Confirm the two records are one person: they join one person identity, both records kept.");
        duplicates.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(Permissions.LinkageReview).WithName("RejectDuplicate").WithSummary("Two different people (reason required); the pair is never proposed again.");
        duplicates.MapPost("/{id:guid}/undo", Undo).RequireAuthorization(Permissions.LinkageReview).WithName("UndoDuplicate").WithSummary("Undo a confirmed merge (reason required); the identity is rebuilt from the remaining confirmations.");
        api.MapGet("/persons/{id:guid}/identity", Identity).WithTags("People").RequireAuthorization(Permissions.PersonsRead).WithName("GetPersonIdentity").WithSummary("The person identity a record belongs to: every source record with its provenance, and the confirmations joining them.");
        return api;
    }

    private static async Task<Ok<DuplicateList>> List(HttpContext http, ListDuplicates.Handler handler, CancellationToken ct, string? status = null, int? limit = null) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListDuplicates.Request(status, limit), ct));

    private static async Task<Ok<DuplicatePairView>> Get(Guid id, HttpContext http, GetDuplicate.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<DuplicatePairView>> Confirm(Guid id, ConfirmDuplicate.Request request, HttpContext http, ConfirmDuplicate.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<DuplicatePairView>> Reject(Guid id, RejectDuplicate.Request request, HttpContext http, RejectDuplicate.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<DuplicatePairView>> Undo(Guid id, UndoDuplicate.Request request, HttpContext http, UndoDuplicate.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<GetPersonIdentity.Response>> Identity(Guid id, HttpContext http, GetPersonIdentity.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new PersonId(id), ct));
}
