using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Evidence;

public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{caseId:guid}/evidence").WithTags("Evidence");
        cases.MapGet("/", List).RequireAuthorization(Permissions.EvidenceRead).WithName("ListEvidence").WithSummary("A case's evidence register: label, title, type, size, SHA-256, current holder, last integrity check.");
        cases.MapPost("/", Add).RequireAuthorization(Permissions.EvidenceWrite).WithName("AddEvidence").WithSummary("Take an exhibit in (multipart/form-data: title, kind, description, collectedOn, collectedBy, collectedWhere, sealNumber, file).").Accepts<IFormFile>("multipart/form-data");
        cases.MapPost("/verify", VerifyCase).RequireAuthorization(Permissions.EvidenceRead).WithName("VerifyCaseEvidence").WithSummary("Re-hash every exhibit of the case and report mismatches.");

        var items = api.MapGroup("/evidence/{id:guid}").WithTags("Evidence");
        items.MapGet("/", Get).RequireAuthorization(Permissions.EvidenceRead).WithName("GetEvidence").WithSummary("An exhibit with its chain of custody.");
        items.MapGet("/content", Content).RequireAuthorization(Permissions.EvidenceRead).WithName("DownloadEvidence").WithSummary("The sealed original, released only if its SHA-256 still matches the intake hash (409 otherwise).");
        items.MapGet("/preview", Preview).RequireAuthorization(Permissions.EvidenceRead).WithName("PreviewEvidence").WithSummary("The display copy of a photo, without GPS, camera or other metadata.");
        items.MapPost("/custody", Transfer).RequireAuthorization(Permissions.EvidenceCustody).WithName("TransferCustody").WithSummary("Record that the exhibit passed from its current holder to someone else.");
        items.MapPost("/verify", Verify).RequireAuthorization(Permissions.EvidenceRead).WithName("VerifyEvidence").WithSummary("Re-hash the exhibit and compare with its intake hash.");
        return api;
    }

    private static async Task<Ok<EvidenceRegister>> List(Guid caseId, HttpContext http, ListEvidence.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(caseId), ct));

    private static async Task<Created<EvidenceItemView>> Add(Guid caseId, HttpContext http, AddEvidence.Handler handler, LanternOptions options, CancellationToken ct)
    {
        var request = await ReadUploadAsync(http, options.MaxEvidenceBytes, ct);
        var added = await handler.Handle(http.Actor(), new CaseId(caseId), request, ct);
        return TypedResults.Created($"/api/v1/evidence/{added.Id}", added);
    }

    private static async Task<Ok<IReadOnlyList<IntegrityResult>>> VerifyCase(Guid caseId, HttpContext http, VerifyEvidence.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleCase(http.Actor(), new CaseId(caseId), ct));

    private static async Task<Ok<EvidenceItemView>> Get(Guid id, HttpContext http, GetEvidence.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<FileContentHttpResult> Content(Guid id, HttpContext http, GetEvidenceContent.Handler handler, CancellationToken ct)
    {
        var file = await handler.OriginalAsync(http.Actor(), id, ct);
        Digest(http, file);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<FileContentHttpResult> Preview(Guid id, HttpContext http, GetEvidenceContent.Handler handler, CancellationToken ct)
    {
        var file = await handler.PreviewAsync(http.Actor(), id, ct);
        Digest(http, file);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.Content, file.ContentType);
    }

    private static async Task<Ok<EvidenceItemView>> Transfer(Guid id, TransferCustody.Request request, HttpContext http, TransferCustody.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, request, ct));

    private static async Task<Ok<IntegrityResult>> Verify(Guid id, HttpContext http, VerifyEvidence.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    /// <summary>RFC 9530 digest of what is sent, so a client can check the file it received against the register.</summary>
    private static void Digest(HttpContext http, EvidenceContent file) =>
        http.Response.Headers["Repr-Digest"] = "sha-256=:" + Convert.ToBase64String(Convert.FromHexString(file.Sha256)) + ":";

    /// <summary>
    /// Reads the multipart form of an upload with limits sized from the evidence limit (Kestrel's default of 30 MB and
    /// the form reader's own are raised only here, for this endpoint). An oversize body is refused before it is read.
    /// </summary>
    internal static async Task<AddEvidence.Request> ReadUploadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var bodyLimit = maxBytes + FormOverhead;
        if (http.Request.ContentLength > bodyLimit)
        {
            throw new ValidationException(ContentSniffer.Field, string.Create(CultureInfo.InvariantCulture, $"The upload is too large: at most {maxBytes / (1024 * 1024)} MB per file is accepted."));
        }
        if (!http.Request.HasFormContentType)
        {
            throw new ValidationException(ContentSniffer.Field, "Send the exhibit as multipart/form-data with the file in the field 'file'.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueCountLimit = 32 }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            throw new ValidationException(ContentSniffer.Field, "The upload is too large or not a well-formed multipart form.");
        }
        return await FromFormAsync(form, maxBytes, ct);
    }

    /// <summary>The fields of an upload form (API or page) as a Core request; the file in the field <c>file</c>.</summary>
    internal static async Task<AddEvidence.Request> FromFormAsync(IFormCollection form, long maxBytes, CancellationToken ct)
    {
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            if (file.Length > maxBytes)
            {
                throw new ValidationException(ContentSniffer.Field, string.Create(CultureInfo.InvariantCulture, $"The file is too large: at most {maxBytes / (1024 * 1024)} MB is accepted."));
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        DateOnly? collectedOn = null;
        if (form["collectedOn"].ToString() is { Length: > 0 } date)
        {
            collectedOn = DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new ValidationException("collectedOn", "The collection date is written yyyy-MM-dd.");
        }
        return new AddEvidence.Request(Value(form, "title"), Value(form, "description"), Value(form, "kind"), collectedOn, Value(form, "collectedBy"),
            Value(form, "collectedWhere"), Value(form, "sealNumber"), file?.FileName, content);
    }

    private const long FormOverhead = 1024 * 1024;

    private static string? Value(IFormCollection form, string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;
}
