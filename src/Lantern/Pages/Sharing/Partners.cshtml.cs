using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Lantern.Web.Localisation;
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

    /// <summary>The confirmation's English text (its catalogue key) and its values (<see cref="Sentence.Pack"/>).</summary>
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageValues { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PartnerView? added = null;
        if (await ModelState.TryAsync(async () => added = await add.Handle(HttpContext.Actor(), new AddPartner.Request(Name, SigningKey, EncryptionKey), ct)))
        {
            Message = "{0} registered. Signing key fingerprint: {1}. Compare it with the partner's before sending.";
            MessageValues = Sentence.Pack(added!.Name, added.SigningFingerprint);
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
