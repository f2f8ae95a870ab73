using Lantern.Core.Common;
using Lantern.Core.Features.Networks;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Network;

/// <summary>The relations recorded on a case (phones, accounts, vehicles, organisations... and whom they link), and the form to record one.</summary>
[Authorize(Policy = Permissions.NetworkRead)]
public sealed class RelationsModel(ListRelations.Handler list, AddRelation.Handler add) : FormPage
{
    public static readonly IReadOnlyList<(string Slug, string Name)> EndKinds =
    [
        ("person", "A person of this case"), ("phone", "Phone"), ("document", "Identity document"), ("account", "Bank account"),
        ("address", "Address"), ("vehicle", "Vehicle"), ("organisation", "Organisation (agency, employer)"), ("place", "Place"),
    ];

    public static readonly IReadOnlyList<(string Slug, string Name)> RelationKinds =
    [
        ("uses", "uses (a phone)"), ("holds", "holds (a document, an account)"), ("owns", "owns or drives (a vehicle)"),
        ("member-of", "works for or belongs to (an organisation)"), ("lives-at", "lives or stayed at"), ("contacted", "contacted, paid, called, met"),
        ("located-at", "is located at"), ("travelled", "travelled through"), ("other", "other"),
    ];

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? FromType { get; set; }
    [BindProperty] public string? FromValue { get; set; }
    [BindProperty] public string? FromPerson { get; set; }
    [BindProperty] public string? ToType { get; set; }
    [BindProperty] public string? ToValue { get; set; }
    [BindProperty] public string? ToPerson { get; set; }
    [BindProperty] public string? Relation { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public string? Note { get; set; }

    public CaseRelationList? Relations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Relations = await list.Handle(HttpContext.Actor(), new CaseId(Id), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A person end is chosen from the case's people; any other end is typed.
        var from = FromType == "person" ? FromPerson : FromValue;
        var to = ToType == "person" ? ToPerson : ToValue;
        if (await ModelState.TryAsync(() => add.Handle(HttpContext.Actor(), new CaseId(Id), new AddRelation.Request(FromType, from, ToType, to, Relation, ValidFrom, ValidTo, Note), ct)))
        {
            return Redirect($"/cases/{Id}/network");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
