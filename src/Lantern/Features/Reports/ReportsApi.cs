using System.Text;
using Lantern.Core.Features.Reports;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Reports;

public static class ReportsApi
{
    /// <summary>The body of a CTDC release request.</summary>
    public sealed record CtdcBody(int? From, int? To, int? K, string? Organisation);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var releases = api.MapGroup("/releases").WithTags("Releases");
        releases.MapPost("/ctdc", Ctdc).RequireAuthorization(Permissions.ReleasesCtdc).WithName("ReleaseCtdc")
            .WithSummary("Make a CTDC k-anonymised release (CSV, one row per victim per year; every distinct row occurs at least k times); logged and audited.");
        releases.MapGet("/", List).RequireAuthorization(Permissions.ReleasesCtdc).WithName("ListReleases").WithSummary("The log of your organisation's anonymised releases.");
        // ---- Annual report (ADR 0022) ----
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapPost("/annual", Annual).RequireAuthorization(Permissions.StatisticsRead).WithName("AnnualReport")
            .WithSummary("The annual report on human trafficking and migrant smuggling for a year or a period (PDF; small counts suppressed); audited.");
        reports.MapGet("/annual/template", GetTemplate).RequireAuthorization(Permissions.ReportsTemplateManage).WithName("GetAnnualReportTemplate")
            .WithSummary("Your organisation's annual report template (or the bundled default) and the placeholders it may use.");
        reports.MapPut("/annual/template", SaveTemplate).RequireAuthorization(Permissions.ReportsTemplateManage).WithName("SaveAnnualReportTemplate")
            .WithSummary("Replace your organisation's annual report template (checked first), or reset it to the bundled default.");
        // ---- end ----
        return api;
    }

    private static async Task<FileContentHttpResult> Ctdc(HttpContext http, ReleaseCtdc.Handler handler, CtdcBody body, CancellationToken ct)
    {
        var release = await handler.Handle(http.Actor(), new ReleaseCtdc.Request(body.From, body.To, body.K, body.Organisation), ct);
        http.Response.Headers["X-Lantern-Release"] = release.ReleaseId.ToString();
        return TypedResults.File(Encoding.UTF8.GetBytes(release.Csv), "text/csv; charset=utf-8", release.FileName);
    }

    /// <summary>The body of an annual report request: the year, or a period (from and to, YYYY-MM-DD), optionally one organisation's name and a template for this report only.</summary>
    public sealed record AnnualBody(int? Year, string? Organisation, string? Template, string? From = null, string? To = null);

    /// <summary>The body of a template change: the new text, or reset to go back to the bundled default.</summary>
    public sealed record TemplateBody(string? Text, bool Reset = false);

    private static async Task<FileContentHttpResult> Annual(HttpContext http, GenerateAnnualReport.Handler handler, AnnualBody body, CancellationToken ct)
    {
        var report = await handler.Handle(http.Actor(), new GenerateAnnualReport.Request(body.Year, body.Organisation, body.Template, body.From, body.To), ct);
        return TypedResults.File(report.Pdf, "application/pdf", report.FileName);
    }

    private static async Task<Ok<ManageReportTemplate.Response>> GetTemplate(HttpContext http, ManageReportTemplate.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Get(http.Actor(), ct));

    private static async Task<Ok<ManageReportTemplate.Response>> SaveTemplate(HttpContext http, ManageReportTemplate.Handler handler, TemplateBody body, CancellationToken ct) =>
        TypedResults.Ok(await handler.Save(http.Actor(), new ManageReportTemplate.Request(body.Text, body.Reset), ct));

    private static async Task<Ok<IReadOnlyList<ListReleases.Item>>> List(HttpContext http, ListReleases.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));
}
