using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Prosecutions;

/// <summary>
/// Overdue deadlines of the officer (cases assigned to them or stages they are responsible for) or, for a supervisor,
/// of the whole organisation; and the deadline rules, which the supervisor may change.
/// </summary>
[Authorize(Policy = Permissions.ProsecutionRead)]
public sealed class DeadlinesModel(ListOverdueDeadlines.Handler overdue, ManageDeadlineRules.Handler rules) : FormPage
{
    public IReadOnlyList<OverdueDeadline> Overdue { get; private set; } = [];
    public IReadOnlyList<DeadlineRuleView> Rules { get; private set; } = [];

    [BindProperty] public Guid? RuleId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? AnchorStage { get; set; }
    [BindProperty] public int Days { get; set; }
    [BindProperty] public string? DueStage { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public string? Verification { get; set; }
    [BindProperty] public bool Active { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new ManageDeadlineRules.Input(Name, AnchorStage, Days, DueStage, Basis, Verification, Active);
        var actor = HttpContext.Actor();
        if (await ModelState.TryAsync(() => RuleId is { } id ? rules.UpdateAsync(actor, id, input, ct) : rules.AddAsync(actor, input, ct)))
        {
            return RedirectToPage();
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Overdue = await overdue.Handle(HttpContext.Actor(), ct);
        Rules = await rules.ListAsync(HttpContext.Actor(), ct);
    }
}
