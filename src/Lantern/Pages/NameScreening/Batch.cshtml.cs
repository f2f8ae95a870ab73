using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>A batch's progress (the page refreshes itself while it runs) and its results download.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class BatchModel(ScreeningBatches.GetHandler get, ScreeningBatches.ResultsHandler results) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ScreeningBatchView? Batch { get; private set; }

    public bool Running => Batch?.Status is "queued" or "running";

    public async Task OnGetAsync(CancellationToken ct) => Batch = await get.Handle(HttpContext.Actor(), Id, ct);

    public async Task<IActionResult> OnGetResultsAsync(CancellationToken ct) =>
        File(CsvFile.Bytes(await results.Handle(HttpContext.Actor(), Id, ct)), CsvFile.ContentType, $"screening-{Id:N}.csv");
}
