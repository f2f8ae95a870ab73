using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Sharing;

/// <summary>Partner installations and their key fingerprints; administrators register partners and see this installation's keys.</summary>
[Authorize(Policy = Permissions.SharingSend)]
public sealed class PartnersModel(ListPartners.Handler list, AddPartner.Handler add, ShowInstallationKeys.Handler keys) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? SigningKey { get; set; }
    [BindProperty] public string? EncryptionKey { get; set; }

    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public InstallationKeysView? OwnKeys { get; private set; }

    [TempData] public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PartnerView? added = null;
        if (await ModelState.TryAsync(async () => added = await add.Handle(HttpContext.Actor(), new AddPartner.Request(Name, SigningKey, EncryptionKey), ct)))
        {
            Message = $"{added!.Name} registered. Signing key fingerprint: {added.SigningFingerprint}. Compare it with the partner's before sending.";
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        Partners = await list.Handle(actor, ct);
        OwnKeys = actor.Has(Permissions.SharingManage) ? await keys.Handle(actor, ct) : null;
    }
}
