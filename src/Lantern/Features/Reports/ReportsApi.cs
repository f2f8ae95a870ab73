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
        return api;
    }

    private static async Task<FileContentHttpResult> Ctdc(HttpContext http, ReleaseCtdc.Handler handler, CtdcBody body, CancellationToken ct)
    {
        var release = await handler.Handle(http.Actor(), new ReleaseCtdc.Request(body.From, body.To, body.K, body.Organisation), ct);
        http.Response.Headers["X-Lantern-Release"] = release.ReleaseId.ToString();
        return TypedResults.File(Encoding.UTF8.GetBytes(release.Csv), "text/csv; charset=utf-8", release.FileName);
    }

    private static async Task<Ok<IReadOnlyList<ListReleases.Item>>> List(HttpContext http, ListReleases.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));
}
