using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.NameScreening;

/// <summary>Screening profiles per use: administrators preview a change's effect on recent batches, then save it.</summary>
[Authorize(Policy = Permissions.WatchlistsScreen)]
public sealed class ProfilesModel(ProfileSettings.ListHandler list, ProfileSettings.SaveHandler save, ProfileSettings.PreviewHandler preview) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid? ProfileId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Use { get; set; }
    [BindProperty] public double? Threshold { get; set; }
    [BindProperty] public List<Guid> Lists { get; set; } = [];

    public IReadOnlyList<ScreeningProfileView> Profiles { get; private set; } = [];
    public IReadOnlyList<ProfileListView> Screenable { get; private set; } = [];
    public ProfileEffectView? Effect { get; private set; }
    public bool MayManage => HttpContext.User.Can(Permissions.WatchlistsManage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ProfileId is { } id && Profiles.FirstOrDefault(p => p.Id == id) is { } p && Name is null)
        {
            Name = p.Name;
            Use = p.Use;
            Threshold = p.Threshold;
            Lists = [.. p.Lists.Select(l => l.Id)];
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ModelState.TryAsync(async () => Effect = await preview.Handle(HttpContext.Actor(), ProfileId, Input, ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await ModelState.TryAsync(() => save.Handle(HttpContext.Actor(), ProfileId, Input, ct)))
        {
            return Redirect("/name-screening/profiles");
        }
        await LoadAsync(ct);
        return Page();
    }

    private ProfileSettings.Input Input => new(Name, Use, Threshold, Lists);

    private async Task LoadAsync(CancellationToken ct)
    {
        Profiles = await list.Handle(HttpContext.Actor(), ct);
        Screenable = await list.ScreenableAsync(HttpContext.Actor(), ct);
    }
}
