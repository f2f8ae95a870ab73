using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Lantern.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Sharing;

/// <summary>
/// A new package for a partner: from a case (the case, its persons, its intelligence) and from the items received.
/// The case and persons get the codes chosen on the form; intelligence and received items keep their own.
/// </summary>
[Authorize(Policy = Permissions.SharingSend)]
public sealed class NewModel(ListPartners.Handler partners, GetCase.Handler getCase, ListIntelligence.Handler intelligence, ListPackages.Handler packages,
    CreatePackage.Handler create) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "case")] public Guid? CaseId { get; set; }
    [BindProperty] public Guid? PartnerId { get; set; }
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? HandlingCode { get; set; } = "H1";
    [BindProperty] public string? HandlingConditions { get; set; }
    [BindProperty] public string? SourceReliability { get; set; } = "B";
    [BindProperty] public string? InformationAccuracy { get; set; } = "2";
    [BindProperty] public string? ConsentBasis { get; set; }

    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public CaseView? Case { get; private set; }
    public IReadOnlyList<IntelligenceItemView> Intelligence { get; private set; } = [];
    public IReadOnlyList<ReceivedItemView> Received { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PackageView? package = null;
        if (PartnerId is null)
        {
            ModelState.AddModelError("partnerId", "Choose the partner to send to.");
        }
        else
        {
            var items = Selected.Select(ToItem).ToList();
            await ModelState.TryAsync(async () => package = await create.Handle(HttpContext.Actor(), new CreatePackage.Request(PartnerId.Value, items), ct));
        }
        if (package is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = "Package no. {0} for {1} made ({2} item(s)). Download it from the list of sent packages and deliver it.";
        TempData["MessageValues"] = Sentence.Pack(package.Sequence, package.PartnerName, package.ItemCount);
        return RedirectToPage("Index");
    }

    private CreatePackage.Item ToItem(string selected)
    {
        var parts = selected.Split(':', 2);
        var id = parts.Length == 2 && Guid.TryParse(parts[1], out var g) ? g : Guid.Empty;
        return parts[0] is "case" or "person"
            ? new CreatePackage.Item(parts[0], id, HandlingCode, SourceReliability, InformationAccuracy, parts[0] == "person" ? ConsentBasis : null, HandlingConditions)
            : new CreatePackage.Item(parts[0], id);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        Partners = await partners.Handle(actor, ct);
        if (CaseId is { } caseId)
        {
            Case = await getCase.Handle(actor, new Lantern.Core.Common.CaseId(caseId), ct);
            Intelligence = actor.Has(Permissions.IntelligenceRead) ? (await intelligence.Handle(actor, new Lantern.Core.Common.CaseId(caseId), ct)).Items : [];
        }
        Received = actor.Has(Permissions.SharingReceive) ? (await packages.Handle(actor, ct)).ReceivedItems.Where(i => !i.Revoked).ToList() : [];
    }
}
