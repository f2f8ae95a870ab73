using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Cases;

public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", Search).RequireAuthorization(Permissions.CasesRead).WithName("SearchCases").WithSummary("Search and filter cases, paged.");
        cases.MapPost("/", Create).RequireAuthorization(Permissions.CasesCreate).WithName("CreateCase").WithSummary("Create a case from a lantern-case/1 document.").Accepts<CaseDocument>("application/json");
        cases.MapPost("/import", Import).RequireAuthorization(Permissions.CasesImport).WithName("ImportCases").WithSummary("Import one document or an array of lantern-case/1 documents; all or nothing.").Accepts<CaseDocument>("application/json");
        cases.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.CasesRead).WithName("GetCase").WithSummary("A case with its people, events and notes.");
        cases.MapPut("/{id:guid}", Update).RequireAuthorization(Permissions.CasesEdit).WithName("UpdateCase").WithSummary("Change a case's reference, status, dates and summary.");
        cases.MapDelete("/{id:guid}", Delete).RequireAuthorization(Permissions.CasesDelete).WithName("DeleteCase").WithSummary("Delete a case.");
        cases.MapGet("/{id:guid}/export", Export).RequireAuthorization(Permissions.CasesExport).WithName("ExportCase").WithSummary("Export a case as a lantern-case/1 document.");
        cases.MapPost("/{id:guid}/persons", AddPerson).RequireAuthorization(Permissions.CasesEdit).WithName("AddPersonToCase").WithSummary("Add a new or known person to a case in a role.");
        cases.MapPost("/{id:guid}/events", AddEventTo).RequireAuthorization(Permissions.CasesEdit).WithName("AddEvent").WithSummary("Record a recruitment, transit or exploitation event.");
        cases.MapPost("/{id:guid}/notes", AddNoteTo).RequireAuthorization(Permissions.NotesWrite).WithName("AddNote").WithSummary("Add a note to a case.");
        cases.MapPost("/{id:guid}/shares", Share).RequireAuthorization(Permissions.CasesShare).WithName("ShareCase").WithSummary("Share a case with another organisation.");
        cases.MapPost("/{id:guid}/assignments", Assign).RequireAuthorization(Permissions.CasesShare).WithName("AssignOfficer").WithSummary("Assign an officer (of any organisation) to a case.");
        return api;
    }

    private static async Task<NoContent> Share(Guid id, ShareCase.Request request, HttpContext http, ShareCase.Handler handler, CancellationToken ct)
    {
        await handler.ShareAsync(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Assign(Guid id, ShareCase.AssignRequest request, HttpContext http, ShareCase.Handler handler, CancellationToken ct)
    {
        await handler.AssignAsync(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Paged<CaseListItem>>> Search(HttpContext http, SearchCases.Handler handler, CancellationToken ct,
        string? q = null, CaseStatus? status = null, Guid? organisationId = null, ExploitationForm? exploitation = null, int? year = null, int page = 1, int pageSize = 25) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new SearchCases.Request(q, status, organisationId, exploitation, year, page, pageSize), ct));

    private static async Task<Created<ImportCases.ImportedCase>> Create(HttpContext http, ImportCases.Handler handler, CancellationToken ct)
    {
        http.Actor().Require(Permissions.CasesCreate);
        var json = await ReadBodyAsync(http, ct);
        var result = await handler.Handle(http.Actor(), new ImportCases.Request([new ImportCases.Source(ImportCases.ApiBody, json)], null), ct, createOne: true);
        return TypedResults.Created($"/api/v1/cases/{result.Cases[0].Id}", result.Cases[0]);
    }

    private static async Task<Ok<ImportCases.Response>> Import(HttpContext http, ImportCases.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ImportCases.Request([new ImportCases.Source(ImportCases.ApiBody, await ReadBodyAsync(http, ct))], null), ct));

    private static async Task<Ok<CaseView>> Get(Guid id, HttpContext http, GetCase.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), ct));

    private static async Task<NoContent> Update(Guid id, UpdateCase.Request request, HttpContext http, UpdateCase.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Delete(Guid id, HttpContext http, DeleteCase.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), new CaseId(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CaseDocument>> Export(Guid id, HttpContext http, ExportCase.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(id), ct));

    private static async Task<Created<AddPersonToCase.Response>> AddPerson(Guid id, AddPersonToCase.Request request, HttpContext http, AddPersonToCase.Handler handler, CancellationToken ct)
    {
        var result = await handler.Handle(http.Actor(), new CaseId(id), request, ct);
        return TypedResults.Created($"/api/v1/persons/{result.PersonId}", result);
    }

    private static async Task<Created<Guid>> AddEventTo(Guid id, AddEvent.Request request, HttpContext http, AddEvent.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/cases/{id}", await handler.Handle(http.Actor(), new CaseId(id), request, ct));

    private static async Task<Created<Guid>> AddNoteTo(Guid id, AddNote.Request request, HttpContext http, AddNote.Handler handler, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/cases/{id}", await handler.Handle(http.Actor(), new CaseId(id), request, ct));

    private const int MaxBody = 16 * 1024 * 1024;

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
