using Lantern.Core.Features.Reports;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Pages.Reports;

/// <summary>
/// The annual report: choose a year and a scope and download the PDF; administrators also edit the organisation's
/// template here (checked before it is kept) or reset it to the bundled default.
/// </summary>
[Authorize(Policy = Permissions.StatisticsRead)]
public sealed class IndexModel(GenerateAnnualReport.Handler generate, ManageReportTemplate.Handler templates, TimeProvider clock) : FormPage
{
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Template { get; set; }

    /// <summary>The form always carries a year; filling either date asks for a period instead.</summary>
    private bool PeriodGiven => !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public ManageReportTemplate.Response? Current { get; private set; }
    public bool Saved { get; private set; }
    public string UpdatedBy => Current?.UpdatedBy ?? "";
    public string UpdatedOn => Current?.UpdatedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year - 1;
        await LoadTemplateAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        GenerateAnnualReport.Response? report = null;
        await ModelState.TryAsync(async () => report = await generate.Handle(HttpContext.Actor(), new GenerateAnnualReport.Request(
            PeriodGiven ? null : Year, Organisation, From: From, To: To), ct));
        if (report is null)
        {
            await LoadTemplateAsync(ct);
            return Page();
        }
        return File(report.Pdf, "application/pdf", report.FileName);
    }

    public async Task<IActionResult> OnPostTemplateAsync(bool reset, CancellationToken ct)
    {
        if (!User.Can(Permissions.ReportsTemplateManage))
        {
            return Forbid();
        }
        Year ??= clock.GetUtcNow().Year - 1;
        ManageReportTemplate.Response? saved = null;
        await ModelState.TryAsync(async () => saved = await templates.Save(HttpContext.Actor(), new ManageReportTemplate.Request(Template, reset), ct));
        if (saved is null)
        {
            // Keep what the administrator typed, with the error naming the placeholder.
            var typed = Template;
            await LoadTemplateAsync(ct);
            Template = typed;
            return Page();
        }
        Saved = true;
        Current = saved;
        Template = saved.Text;
        return Page();
    }

    private async Task LoadTemplateAsync(CancellationToken ct)
    {
        if (User.Can(Permissions.ReportsTemplateManage))
        {
            Current = await templates.Get(HttpContext.Actor(), ct);
            Template = Current.Text;
        }
    }
}
