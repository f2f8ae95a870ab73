using Lantern.Core.Common;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Intelligence;

/// <summary>A case's intelligence items with their gradings, and the form to record one with each code explained.</summary>
[Authorize(Policy = Permissions.IntelligenceRead)]
public sealed class IndexModel(ListIntelligence.Handler list, AddIntelligence.Handler add) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? SourceReliability { get; set; }
    [BindProperty] public string? InformationAccuracy { get; set; }
    [BindProperty] public string? HandlingCode { get; set; }
    [BindProperty] public string? HandlingConditions { get; set; }

    public IntelligenceList? Items { get; private set; }

    public static IReadOnlyList<GradingCode> Sources => Enum.GetValues<Core.Features.Intelligence.SourceReliability>().Select(s => new GradingCode(s.ToString(), IntelligenceGrading.Meaning(s))).ToList();
    public static IReadOnlyList<GradingCode> Accuracies => Enum.GetValues<Core.Features.Intelligence.InformationAccuracy>().Select(a => new GradingCode(((int)a).ToString(System.Globalization.CultureInfo.InvariantCulture), IntelligenceGrading.Meaning(a))).ToList();
    public static IReadOnlyList<GradingCode> Handlings => Enum.GetValues<Core.Features.Intelligence.HandlingCode>().Select(h => new GradingCode(h.ToString(), IntelligenceGrading.Meaning(h))).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Items = await list.Handle(HttpContext.Actor(), new CaseId(Id), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ModelState.TryAsync(() => add.Handle(HttpContext.Actor(), new CaseId(Id), new AddIntelligence.Request(Text, SourceReliability, InformationAccuracy, HandlingCode, HandlingConditions), ct)))
        {
            return Redirect($"/cases/{Id}/intelligence");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
