using Lantern.Core.Features.Reports;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The annual report's demo: the Lahore office keeps its own template (the bundled one with a foreword of its
/// administrator's); the other offices use the bundled template. The figures come from the demo cases and inspections.
/// </summary>
internal sealed partial class DemoSeeder
{
    public const string LahoreForeword =
        "This report is prepared by the Anti Human Trafficking Circle, Lahore, for the provincial task force. It covers the cases and labour inspections of {{year}}.";

    /// <summary>Adds the Lahore office's template; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedAnnualReportAsync(AppDbContext db, CancellationToken ct)
    {
        var admin = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == "demo.admin.lhr", ct);
        if (admin is null || !_organisations.TryGetValue("LHR", out var lahore))
        {
            return;
        }
        var bundled = ReportTemplate.Default;
        var firstBreak = bundled.IndexOf("\n\n", StringComparison.Ordinal);
        var text = bundled[..firstBreak] + "\n\n" + LahoreForeword + bundled[firstBreak..];
        db.AnnualReportTemplates.Add(new AnnualReportTemplate(lahore, text, admin.Username, _now.AddDays(-20)));
        await db.SaveChangesAsync(ct);
    }
}
