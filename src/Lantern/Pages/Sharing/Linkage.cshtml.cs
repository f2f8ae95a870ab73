using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Lantern.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Sharing;

/// <summary>
/// Privacy-preserving matching with partners (ADR 0025): administrators enter the linkage secret agreed with a partner;
/// investigators send encodings of their persons, see possible common persons (their own person and whom to contact)
/// and agree to share details. Encodings and agreements are imported on the sharing page like any package.
/// </summary>
[Authorize(Policy = Permissions.SharingReceive)]
public sealed class LinkageModel(ListPartners.Handler partners, ListLinkagePairs.Handler pairs, SetLinkageSecret.Handler setSecret,
    SendLinkageEncodings.Handler send, AgreeOnLinkagePair.Handler agree) : FormPage
{
    public static readonly IReadOnlyList<string> RoleChoices = ["victim", "suspect", "witness", "complainant", "guardian", "other"];

    [BindProperty] public Guid? PartnerId { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = ["victim", "suspect"];
    [BindProperty] public string? ConsentBasis { get; set; }

    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public IReadOnlyList<LinkagePairView> Pairs { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanSend { get; private set; }

    /// <summary>The confirmation's English text (its catalogue key) and its values (<see cref="Sentence.Pack"/>).</summary>
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageValues { get; set; }

    /// <summary>The package just made, offered for download.</summary>
    [TempData] public Guid? MadePackage { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSecretAsync(CancellationToken ct)
    {
        PartnerView? partner = null;
        await ModelState.TryAsync(async () => partner = await setSecret.Handle(HttpContext.Actor(), new SetLinkageSecret.Request(PartnerId ?? Guid.Empty, Secret), ct));
        Secret = null;
        if (partner is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        (Message, MessageValues) = ("Linkage secret for {0} saved. Key check {1}: it must match the partner's.", Sentence.Pack(partner.Name, partner.LinkageKeyCheck ?? ""));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        LinkageSendResult? result = null;
        await ModelState.TryAsync(async () => result = await send.Handle(HttpContext.Actor(), new SendLinkageEncodings.Request(PartnerId ?? Guid.Empty, Roles, ConsentBasis), ct));
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        (Message, MessageValues) = ("Encodings of {0} person(s) packed for {1} (package no. {2}). Download the package and deliver it.",
            Sentence.Pack(result.PersonsEncoded, result.Package.PartnerName, result.Package.Sequence));
        MadePackage = result.Package.Id;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid pair, CancellationToken ct)
    {
        LinkageAgreementResult? result = null;
        await ModelState.TryAsync(async () => result = await agree.Handle(HttpContext.Actor(), pair, ct));
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        (Message, MessageValues) = ("Agreement for {0} recorded. Download the agreement package and deliver it.", Sentence.Pack(result.Pair.PartnerName));
        MadePackage = result.Package.Id;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        CanManage = actor.Has(Permissions.SharingManage);
        CanSend = actor.Has(Permissions.SharingSend);
        Partners = await partners.Handle(actor, ct);
        Pairs = await pairs.Handle(actor, ct);
    }
}
