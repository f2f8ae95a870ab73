using Lantern.Core.Common;
using Lantern.Core.Features.People;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var persons = api.MapGroup("/persons").WithTags("People");
        persons.MapGet("/{id:guid}", Get).RequireAuthorization(Permissions.PersonsRead).WithName("GetPerson").WithSummary("A person and every case you may see that they appear in.");
        return api;
    }

    private static async Task<Ok<GetPerson.Response>> Get(Guid id, HttpContext http, GetPerson.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new PersonId(id), ct));
}
