using Lantern.Core.Features.Screening;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Screening;

/// <summary>
/// The screening wizard: one step per dimension, then a review. Every step saves a draft; the result and its reasons
/// are shown beside the questions and refresh as answers change (with script) or on each save (without).
/// </summary>
[Authorize(Policy = Permissions.ScreeningAssess)]
public sealed class AssessmentModel(ScreenVictim.Handler screen) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public int Step { get; set; }
    [BindProperty] public List<string> Indicator { get; set; } = [];
    [BindProperty] public List<string> Answer { get; set; } = [];
    [BindProperty] public List<string?> Note { get; set; } = [];
    [BindProperty] public string? Go { get; set; }

    public ScreenVictim.AssessmentView? Assessment { get; private set; }

    /// <summary>Steps: one per dimension, then the review.</summary>
    public int StepCount => (Assessment?.Dimensions.Count ?? 0) + 1;
    public bool IsReview => Assessment is not null && Step >= Assessment.Dimensions.Count;
    public string? CurrentDimension => Assessment is not null && !IsReview ? Assessment.Dimensions[Step] : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Assessment = await screen.GetAsync(HttpContext.Actor(), Id, ct);
        Step = Math.Clamp(Step, 0, Assessment.Dimensions.Count);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var complete = Go == "complete";
        if (await ModelState.TryAsync(async () => Assessment = await screen.SaveAsync(HttpContext.Actor(), Id, new ScreenVictim.SaveRequest(Answers(), complete), ct)))
        {
            var next = Go switch { "previous" => Step - 1, "next" => Step + 1, _ => Step };
            return Redirect($"/assessments/{Id}?step={Math.Max(0, next)}");
        }
        Assessment = await screen.GetAsync(HttpContext.Actor(), Id, ct);
        return Page();
    }

    /// <summary>The live result: evaluates the answers on screen merged with the saved ones, and saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) =>
        Partial("_Result", await screen.PreviewAsync(HttpContext.Actor(), Id, Answers(), ct));

    private List<ScreenVictim.AnswerInput> Answers() =>
        Indicator.Select((reference, i) => new ScreenVictim.AnswerInput(reference, i < Answer.Count ? Answer[i] : "no", i < Note.Count ? Note[i] : null)).ToList();
}
