using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Screening;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Screening;

[Authorize(Policy = Permissions.VictimStatusDecide)]
public sealed class StatusModel(GetCase.Handler get, DecideStatus.Handler decide, ScreenVictim.Handler screen) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ParticipantId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Assessment { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public string? DecidingOrganisation { get; set; }
    [BindProperty] public string? DecidedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public CaseView? Case { get; private set; }
    public ParticipantView? Person { get; private set; }
    public IReadOnlyList<DecideStatus.DecisionView> History { get; private set; } = [];
    public IReadOnlyList<ScreenVictim.AssessmentSummary> Assessments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.Actor();
        Case = await get.Handle(actor, new CaseId(Id), ct);
        Person = Case.People.FirstOrDefault(p => p.ParticipantId == ParticipantId) ?? throw new NotFoundException("The person in this case");
        History = await decide.HistoryAsync(actor, new CaseId(Id), ParticipantId, ct);
        Assessments = actor.Has(Permissions.ScreeningAssess)
            ? (await screen.ListAsync(actor, new CaseId(Id), ct)).Where(a => a.ParticipantId == ParticipantId).ToList()
            : [];
        DecidedOn ??= DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ModelState.TryAsync(() => decide.Handle(HttpContext.Actor(), new CaseId(Id),
            new DecideStatus.Request(ParticipantId, Status, DecidedBy, DecidingOrganisation, DecidedOn, Reason, Assessment), ct)))
        {
            return Redirect($"/cases/{Id}/participants/{ParticipantId}/status");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
