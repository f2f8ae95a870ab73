using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Prosecutions;

public static class ProsecutionsApi
{
    public static RouteGroupBuilder MapProsecutionsApi(this RouteGroupBuilder api)
    {
        var prosecutions = api.MapGroup("").WithTags("Prosecutions");
        prosecutions.MapGet("/offences", Offences).RequireAuthorization(Permissions.CasesRead).WithName("ListOffences").WithSummary("The offence catalogue; with ?on=YYYY-MM-DD only the versions in force on that date.");
        return api;
    }

    private static Ok<IReadOnlyList<ListOffences.Row>> Offences(HttpContext http, ListOffences.Handler handler, string? on) =>
        TypedResults.Ok(handler.Handle(http.Actor(), on));
}
