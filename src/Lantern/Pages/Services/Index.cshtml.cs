using Lantern.Core.Features.Referrals;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Services;

[Authorize(Policy = Permissions.ReferralsRead)]
public sealed class IndexModel(SearchServices.Handler search) : FormPage
{
    [BindProperty(SupportsGet = true)] public ServiceType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public bool Children { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<ServiceView> Result { get; private set; } = [];
    public IReadOnlyList<string> Provinces { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        var all = await search.Handle(actor, new SearchServices.Request(), ct);
        Provinces = all.Select(s => s.Province).Distinct().Order(StringComparer.Ordinal).ToList();
        Districts = all.Select(s => s.District).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!ModelState.IsValid)
        {
            return;
        }
        await ModelState.TryAsync(async () => Result = await search.Handle(actor,
            new SearchServices.Request(Type, Province, District, Children ? true : null, string.IsNullOrWhiteSpace(Language) ? null : Language, Q), ct));
    }
}
