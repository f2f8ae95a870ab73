using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Pages.Cases;

[Authorize(Policy = Permissions.CasesRead)]
public sealed class IndexModel(SearchCases.Handler search, Organisations.ListHandler organisations, Core.Features.Referrals.ListOverdueReferrals.Handler overdue,
    Core.Features.Prosecutions.ListOverdueDeadlines.Handler deadlines) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public ExploitationForm? Exploitation { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    // "page" is also Razor Pages' own route value; read it from the query string only.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<CaseListItem>? Result { get; private set; }
    public IReadOnlyList<Organisations.View> Organisations { get; private set; } = [];

    /// <summary>Overdue referrals sent or received by the user's organisation: shown above the cases so none is forgotten.</summary>
    public int OverdueReferrals { get; private set; }

    /// <summary>Overdue deadlines of the officer's proceedings (all of the organisation's for a supervisor).</summary>
    public int OverdueDeadlines { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.Actor().Has(Permissions.ReferralsRead))
        {
            OverdueReferrals = await overdue.CountAsync(HttpContext.Actor(), new(HttpContext.Actor().OrganisationId.Value), ct);
        }
        if (HttpContext.Actor().Has(Permissions.ProsecutionRead))
        {
            OverdueDeadlines = await deadlines.CountAsync(HttpContext.Actor(), ct);
        }
        Organisations = await organisations.Handle(HttpContext.Actor(), ct);
        if (!ModelState.IsValid)
        {
            return;
        }
        await ModelState.TryAsync(async () =>
            Result = await search.Handle(HttpContext.Actor(), new SearchCases.Request(Q, Status, Organisation, Exploitation, Year, PageNumber, 25), ct));
    }

    public string PageLink(int page)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["organisation"] = Organisation?.ToString(),
            ["exploitation"] = Exploitation?.ToString(),
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/cases" + QueryString.Create(parameters.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
