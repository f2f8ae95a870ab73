using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>Screen one name: the form, then the hits best first with their explanation and alerts.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class IndexModel(ScreeningNames.Handler screen, ProfileSettings.ListHandler profiles) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? NationalId { get; set; }
    [BindProperty] public string? Passport { get; set; }
    [BindProperty] public Guid? ProfileId { get; set; }

    public IReadOnlyList<ScreeningProfileView> Profiles { get; private set; } = [];
    public ScreeningResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Profiles = await profiles.Handle(HttpContext.Actor(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Profiles = await profiles.Handle(HttpContext.Actor(), ct);
        await ModelState.TryAsync(async () => Result = await screen.Handle(HttpContext.Actor(), new ScreeningNames.Request(Name, BirthDate, Nationality, NationalId, Passport, ProfileId), ct));
        return Page();
    }
}
