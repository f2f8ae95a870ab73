using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Watchlists;

public static class WatchlistsApi
{
    public static RouteGroupBuilder MapWatchlistsApi(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/watchlists").WithTags("Watchlists");
        lists.MapGet("/", List).RequireAuthorization(Permissions.WatchlistsRead).WithName("ListWatchlists").WithSummary("The lists your organisation owns or may screen against (name, kind, owner, entries, version, changed, whether you may screen); retired=true adds retired lists.");
        lists.MapPost("/", Create).RequireAuthorization(Permissions.WatchlistsManage).WithName("CreateWatchlist").WithSummary("Create a list owned by your organisation: name, purpose, kind (Suspects, Wanted, MissingChildren, Sanctions), source (Manual, Import, or Records for suspects), screeners (organisation ids or names).");
        lists.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.WatchlistsRead).WithName("GetWatchlist").WithSummary("A list's details, sharing and counts.");
        lists.MapPatch("/{id:guid}", Update).RequireAuthorization(Permissions.WatchlistsManage).WithName("UpdateWatchlist").WithSummary("Rename or re-describe a list your organisation owns, or set the organisations that may screen against it.");
        lists.MapPost("/{id:guid}/retire", Retire).RequireAuthorization(Permissions.WatchlistsManage).WithName("RetireWatchlist").WithSummary("Retire a list: no longer screened or changed; entries and history stay.");
        lists.MapPost("/{id:guid}/imports", Import).RequireAuthorization(Permissions.WatchlistsManage).WithName("ImportWatchlist")
            .WithSummary("Replace an imported list's entries with a file (body text/csv or application/xml, or multipart/form-data field 'file'; format=csv|un-xml); at most 50 MB; nothing is written on any error.")
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "application/xml");
        lists.MapGet("/{id:guid}/imports", Imports).RequireAuthorization(Permissions.WatchlistsRead).WithName("ListWatchlistImports").WithSummary("The imports and refreshes of a list, newest first (version, format, file, SHA-256, counts, who, when).");
        lists.MapPost("/{id:guid}/refresh", Refresh).RequireAuthorization(Permissions.WatchlistsManage).WithName("RefreshWatchlist").WithSummary("Refresh a list built from records from the suspects of your organisation's open cases.");
        lists.MapGet("/{id:guid}/items", Items).RequireAuthorization(Permissions.WatchlistsRead).WithName("ListWatchlistItems").WithSummary("A page of a list's entries, filtered by name; missing children only with watchlists.children.");
        lists.MapPost("/{id:guid}/items", AddItem).RequireAuthorization(Permissions.WatchlistsManage).WithName("AddWatchlistItem").WithSummary("Add an entry to a manual list (one new list version).");
        lists.MapGet("/{id:guid}/items/{itemId:guid}", GetItem).RequireAuthorization(Permissions.WatchlistsRead).WithName("GetWatchlistItem").WithSummary("An entry with its history.");
        lists.MapPut("/{id:guid}/items/{itemId:guid}", ChangeItem).RequireAuthorization(Permissions.WatchlistsManage).WithName("ChangeWatchlistItem").WithSummary("Replace an entry's details on a manual list (one new list version when they differ).");
        lists.MapDelete("/{id:guid}/items/{itemId:guid}", RemoveItem).RequireAuthorization(Permissions.WatchlistsManage).WithName("RemoveWatchlistItem").WithSummary("Take an entry off a manual list (kept with its history).");
        lists.MapGet("/{id:guid}/items/{itemId:guid}/history", History).RequireAuthorization(Permissions.WatchlistsRead).WithName("GetWatchlistItemHistory").WithSummary("Every version of an entry: who, when, list version, what changed.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<WatchlistSummary>>> List(HttpContext http, ListWatchlists.Handler handler, CancellationToken ct, bool retired = false) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListWatchlists.Request(retired), ct));

    private static async Task<Created<CreateWatchlist.Response>> Create(CreateWatchlist.Request request, HttpContext http, CreateWatchlist.Handler handler, CancellationToken ct)
    {
        var created = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/watchlists/{created.Id}", created);
    }

    private static async Task<Ok<WatchlistView>> Get(Guid id, HttpContext http, GetWatchlist.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<WatchlistView>> Update(Guid id, UpdateWatchlist.Request request, HttpContext http, UpdateWatchlist.Handler handler, GetWatchlist.Handler get, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), id, request, ct);
        return TypedResults.Ok(await get.Handle(http.Actor(), id, ct));
    }

    private static async Task<NoContent> Retire(Guid id, HttpContext http, RetireWatchlist.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ImportWatchlist.Response>> Import(Guid id, HttpContext http, ImportWatchlist.Handler handler, CancellationToken ct, string? format = null)
    {
        var (content, fileName) = await ReadFileAsync(http, ct);
        return TypedResults.Ok(await handler.Handle(http.Actor(), id, new ImportWatchlist.Request(content, fileName, format), ct));
    }

    private static async Task<Ok<IReadOnlyList<WatchlistImportView>>> Imports(Guid id, HttpContext http, ListWatchlistImports.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<RefreshWatchlist.Response>> Refresh(Guid id, HttpContext http, RefreshWatchlist.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<WatchlistItemPage>> Items(Guid id, HttpContext http, ListWatchlistItems.Handler handler, CancellationToken ct, string? name = null, int page = 1, int pageSize = 50, bool removed = false) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, new ListWatchlistItems.Request(name, page, pageSize, removed), ct));

    private static async Task<Created<AddWatchlistItem.Response>> AddItem(Guid id, AddWatchlistItem.Request request, HttpContext http, AddWatchlistItem.Handler handler, CancellationToken ct)
    {
        var added = await handler.Handle(http.Actor(), id, request, ct);
        return TypedResults.Created($"/api/v1/watchlists/{id}/items/{added.Id}", added);
    }

    private static async Task<Ok<WatchlistItemView>> GetItem(Guid id, Guid itemId, HttpContext http, GetWatchlistItem.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, itemId, ct));

    private static async Task<Ok<ChangeWatchlistItem.Response>> ChangeItem(Guid id, Guid itemId, ChangeWatchlistItem.Request request, HttpContext http, ChangeWatchlistItem.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, itemId, request, ct));

    private static async Task<NoContent> RemoveItem(Guid id, Guid itemId, HttpContext http, RemoveWatchlistItem.Handler handler, CancellationToken ct)
    {
        await handler.Handle(http.Actor(), id, itemId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<WatchlistItemVersionView>>> History(Guid id, Guid itemId, HttpContext http, GetWatchlistItem.Handler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.Handle(http.Actor(), id, itemId, ct)).History);

    /// <summary>
    /// The file of an import: the raw body (text/csv, application/xml) or the field 'file' of a multipart form. Kestrel's
    /// 30 MB default is raised to the list limit here only; an oversize body is refused before it is read.
    /// </summary>
    internal static async Task<(byte[] Content, string? FileName)> ReadFileAsync(HttpContext http, CancellationToken ct)
    {
        var limit = WatchlistFiles.MaxBytes + FormOverhead;
        var tooLarge = string.Create(CultureInfo.InvariantCulture, $"The file is too large: at most {WatchlistFiles.MaxBytes / (1024 * 1024)} MB is accepted.");
        if (http.Request.ContentLength > limit)
        {
            throw new ValidationException(WatchlistFiles.Field, tooLarge);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        try
        {
            if (http.Request.HasFormContentType)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 16 }));
                var form = await http.Request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? throw new ValidationException(WatchlistFiles.Field, "Send the list in the form field 'file'.");
                if (file.Length > WatchlistFiles.MaxBytes)
                {
                    throw new ValidationException(WatchlistFiles.Field, tooLarge);
                }
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                return (buffer.ToArray(), file.FileName);
            }
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            if (body.Length > WatchlistFiles.MaxBytes)
            {
                throw new ValidationException(WatchlistFiles.Field, tooLarge);
            }
            return (body.ToArray(), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw new ValidationException(WatchlistFiles.Field, tooLarge);
        }
    }

    private const long FormOverhead = 1024 * 1024;
}
