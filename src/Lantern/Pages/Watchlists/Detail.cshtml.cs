using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Watchlists;

/// <summary>A list: details, sharing, import (file upload) or refresh, import history, entries with a filter, and a form to add an entry to a manual list.</summary>
[Authorize(Policy = Permissions.WatchlistsRead)]
[RequestSizeLimit(WatchlistFiles.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = WatchlistFiles.MaxBytes + (1024 * 1024))]
public sealed class DetailModel(
    GetWatchlist.Handler get, ListWatchlistItems.Handler items, ListWatchlistImports.Handler imports, UpdateWatchlist.Handler update,
    RetireWatchlist.Handler retire, ImportWatchlist.Handler import, RefreshWatchlist.Handler refresh, AddWatchlistItem.Handler add, Microsoft.Extensions.Localization.IStringLocalizer T) : FormPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty] public string? ListName { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Screeners { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Format { get; set; }
    [BindProperty] public EntryForm Entry { get; set; } = new();

    public WatchlistView? List { get; private set; }
    public WatchlistItemPage? Items { get; private set; }
    public IReadOnlyList<WatchlistImportView> Imports { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        Done = TempData["done"] as string;
        List = await get.Handle(actor, Id, ct);
        Items = await items.Handle(actor, Id, new ListWatchlistItems.Request(Name, PageNumber, PageSize), ct);
        Imports = await imports.Handle(actor, Id, ct);
        ListName ??= List.Name;
        Purpose ??= List.Purpose;
        Screeners ??= string.Join('\n', List.Screeners.Select(s => s.Name));
        return Page();
    }

    public Task<IActionResult> OnPostDescribeAsync(CancellationToken ct) => Act(() => update.Handle(HttpContext.Actor(), Id,
        new UpdateWatchlist.Request(ListName ?? "", Purpose ?? "", (Screeners ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), ct), ct);

    public Task<IActionResult> OnPostRetireAsync(CancellationToken ct) => Act(() => retire.Handle(HttpContext.Actor(), Id, ct), ct);

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => Act(async () =>
    {
        if (Upload is null || Upload.Length == 0)
        {
            throw new Core.Common.ValidationException(WatchlistFiles.Field, "Choose a file to import.");
        }
        if (Upload.Length > WatchlistFiles.MaxBytes)
        {
            throw new Core.Common.ValidationException(WatchlistFiles.Field, $"The file is too large: at most {WatchlistFiles.MaxBytes / (1024 * 1024)} MB is accepted.");
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        var r = await import.Handle(HttpContext.Actor(), Id, new ImportWatchlist.Request(buffer.ToArray(), Upload.FileName, Format), ct);
        // Worded in the language of the request that did it (docs/decisions/0020-urdu-and-right-to-left.md).
        TempData["done"] = T["Imported as version {0}: {1} added, {2} changed, {3} removed, {4} unchanged, {5} skipped.", r.ListVersion, r.Added, r.Changed, r.Removed, r.Unchanged, r.Skipped].Value;
    }, ct);

    public Task<IActionResult> OnPostRefreshAsync(CancellationToken ct) => Act(async () =>
    {
        var r = await refresh.Handle(HttpContext.Actor(), Id, ct);
        TempData["done"] = T["Refreshed as version {0}: {1} added, {2} changed, {3} removed, {4} unchanged.", r.ListVersion, r.Added, r.Changed, r.Removed, r.Unchanged].Value;
    }, ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        AddWatchlistItem.Response? added = null;
        if (await ModelState.TryAsync(async () => added = await add.Handle(HttpContext.Actor(), Id, new AddWatchlistItem.Request(Entry.ExternalId, Entry.Name, Entry.AliasList,
            Entry.BirthDate, Entry.Nationality, Entry.NationalId, Entry.Passport, Entry.Reason), ct)))
        {
            return Redirect($"/watchlists/{Id}/items/{added!.Id}");
        }
        return await OnGetAsync(ct);
    }

    private async Task<IActionResult> Act(Func<Task> action, CancellationToken ct)
    {
        if (await ModelState.TryAsync(action))
        {
            return Redirect($"/watchlists/{Id}");
        }
        return await OnGetAsync(ct);
    }
}

/// <summary>An entry as typed into a form: aliases one per line.</summary>
public sealed class EntryForm
{
    public string? ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Aliases { get; set; }
    public string? BirthDate { get; set; }
    public string? Nationality { get; set; }
    public string? NationalId { get; set; }
    public string? Passport { get; set; }
    public string? Reason { get; set; }

    public IReadOnlyList<string?> AliasList => (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static EntryForm From(ListedDetails d, string externalId) => new()
    {
        ExternalId = externalId,
        Name = d.Name,
        Aliases = string.Join('\n', d.Aliases),
        BirthDate = d.BirthDate,
        Nationality = d.Nationality,
        NationalId = d.NationalId,
        Passport = d.Passport,
        Reason = d.Reason,
    };
}

/// <summary>The entry fields partial's model: the values and which fields have errors.</summary>
public sealed record EntryFormView(EntryForm Entry, bool WithId, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary State)
{
    public string? Invalid(string field) => State.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;
}
