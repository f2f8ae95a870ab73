using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Inspections;

/// <summary>Records an inspection: whom the inspectors found, the ILO indicators observed, and the actions taken.</summary>
[Authorize(Policy = Permissions.InspectionsRecord)]
public sealed class NewModel(RecordInspection.Handler record, ListWorkplaces.Handler workplaces, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid? Workplace { get; set; }
    [BindProperty] public string? InspectedOn { get; set; }
    [BindProperty] public bool Announced { get; set; }
    [BindProperty] public string? Inspectors { get; set; }
    [BindProperty] public int? Men { get; set; }
    [BindProperty] public int? Women { get; set; }
    [BindProperty] public int? Boys { get; set; }
    [BindProperty] public int? Girls { get; set; }
    [BindProperty] public string? ChildAges { get; set; }
    [BindProperty] public List<string> Observed { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Notes { get; set; } = [];
    [BindProperty] public long? PeshgiAmount { get; set; }
    [BindProperty] public int? PeshgiWorkers { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public int? WorkersReleased { get; set; }
    [BindProperty] public string? ReleaseOrderReference { get; set; }
    [BindProperty] public bool VigilanceCommitteeReferral { get; set; }
    [BindProperty] public string? FirNumber { get; set; }
    [BindProperty] public string? PoliceStation { get; set; }
    [BindProperty] public int? VictimsReferredToServices { get; set; }
    [BindProperty] public string? FollowUpDue { get; set; }

    public IReadOnlyList<WorkplaceSummary> Workplaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        InspectedOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Workplaces = await workplaces.Handle(HttpContext.Actor(), new ListWorkplaces.Request(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        RecordInspection.Response? recorded = null;
        if (await ModelState.TryAsync(async () =>
            {
                if (Workplace is not { } workplace)
                {
                    throw new Core.Common.ValidationException("workplaceId", "Choose the workplace inspected.");
                }
                var ages = (ChildAges ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
                    .Select((a, n) => int.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                        : throw new Core.Common.ValidationException($"childAges[{n}]", $"'{a}' is not an age.")).ToList();
                var indicators = Observed.Select(o => new IndicatorInput(o, Notes.GetValueOrDefault(o))).ToList();
                var inspectors = (Inspectors ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
                recorded = await record.Handle(HttpContext.Actor(), new RecordInspection.Request(workplace, InspectedOn, Announced, inspectors, null, Men, Women, Boys, Girls, null, ages,
                    indicators, PeshgiAmount, PeshgiWorkers, Findings, WorkersReleased, ReleaseOrderReference, VigilanceCommitteeReferral, FirNumber, PoliceStation,
                    VictimsReferredToServices, FollowUpDue), ct);
            }))
        {
            return Redirect($"/inspections/{recorded!.Id}");
        }
        Workplaces = await workplaces.Handle(HttpContext.Actor(), new ListWorkplaces.Request(), ct);
        return Page();
    }
}
