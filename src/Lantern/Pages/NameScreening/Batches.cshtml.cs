using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>Upload a CSV batch (checked in full first) and see the organisation's recent batches.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class BatchesModel(ScreeningBatches.ListHandler list, ScreeningBatches.SubmitHandler submit, ProfileSettings.ListHandler profiles) : FormPage
{
    private const long MaxFile = 16 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? ProfileId { get; set; }

    public IReadOnlyList<ScreeningBatchView> Batches { get; private set; } = [];
    public IReadOnlyList<ScreeningProfileView> Profiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Batches = await list.Handle(HttpContext.Actor(), ct);
        Profiles = await profiles.Handle(HttpContext.Actor(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ScreeningBatchView? batch = null;
        if (await ModelState.TryAsync(async () =>
        {
            if (Upload is null || Upload.Length == 0)
            {
                throw new ValidationException("file", "Choose a CSV file with the columns id,name[,birth_date,nationality,national_id,passport].");
            }
            if (Upload.Length > MaxFile)
            {
                throw new ValidationException("file", "The file is larger than 16 MB; split it.");
            }
            using var reader = new StreamReader(Upload.OpenReadStream());
            var text = await reader.ReadToEndAsync(ct);
            batch = await submit.Handle(HttpContext.Actor(), new ScreeningBatches.SubmitRequest(Path.GetFileName(Upload.FileName), ProfileId, Csv: text), ct);
        }))
        {
            return Redirect($"/name-screening/batches/{batch!.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
