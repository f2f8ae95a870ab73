using Lantern.Core.Common;
using Lantern.Core.Features.Networks;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lantern.Features.Networks;

public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/network").WithTags("Network");
        network.MapGet("/neighbourhood", Neighbourhood).RequireAuthorization(Permissions.NetworkRead).WithName("NetworkNeighbourhood").WithSummary("The network within k hops (1-4, default 2) of an entity (person:{id}, case:{id}, phone:+92..., account:..., or a node id as returned), narrowed by kinds (types=person,phone) and dates (from, to).");
        network.MapGet("/path", Path).RequireAuthorization(Permissions.NetworkRead).WithName("NetworkPath").WithSummary("The shortest chain between two entities through what you may see; 404 when there is none.");
        network.MapGet("/brokers", Brokers).RequireAuthorization(Permissions.NetworkRead).WithName("NetworkBrokers").WithSummary("The nodes (persons by default) with the highest betweenness, with their degree.");
        network.MapGet("/components", Components).RequireAuthorization(Permissions.NetworkRead).WithName("NetworkComponents").WithSummary("Connected components of the network you may see (places left out unless types names them): how many, and the largest with their leading members.");
        network.MapGet("/communities", Communities).RequireAuthorization(Permissions.NetworkRead).WithName("NetworkCommunities").WithSummary("Communities (modularity, local moves) of the network you may see; refused with a note above 200,000 nodes.");
        network.MapGet("/export", Export).RequireAuthorization(Permissions.NetworkExport).WithName("ExportNetwork").WithSummary("The network you may see (or one entity's neighbourhood) as GraphML, nodes.csv or edges.csv for Gephi; audited.");
        var relations = api.MapGroup("/cases/{caseId:guid}/relations").WithTags("Network");
        relations.MapGet("/", ListRelations).RequireAuthorization(Permissions.NetworkRead).WithName("ListCaseRelations").WithSummary("The relations recorded on a case (phones, accounts, vehicles, organisations... and whom they link).");
        relations.MapPost("/", AddRelation).RequireAuthorization(Permissions.NetworkWrite).WithName("AddCaseRelation").WithSummary("Record a relation on a case: fromType/fromValue, toType/toValue (person = a person id of the case), relation, validFrom, validTo, note.");
        return api;
    }

    private static async Task<Ok<NetworkView>> Neighbourhood(string? entity, int? hops, [FromQuery] string[]? types, string? from, string? to, int? limit, HttpContext http, ExploreNeighbourhood.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ExploreNeighbourhood.Request(entity, hops, types, from, to, limit), ct));

    private static async Task<Ok<NetworkView>> Path(string? from, string? to, [FromQuery] string[]? types, HttpContext http, FindPath.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new FindPath.Request(from, to, types), ct));

    private static async Task<Ok<NetworkBrokers>> Brokers([FromQuery] string[]? types, int? top, HttpContext http, ListBrokers.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListBrokers.Request(types, top), ct));

    private static async Task<Ok<NetworkGroups>> Components(int? top, [FromQuery] string[]? types, HttpContext http, ListGroups.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListGroups.Request(ListGroups.Kind.Components, top, types), ct));

    private static async Task<Ok<NetworkGroups>> Communities(int? top, [FromQuery] string[]? types, HttpContext http, ListGroups.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new ListGroups.Request(ListGroups.Kind.Communities, top, types), ct));

    private static async Task<FileContentHttpResult> Export(string? format, string? entity, int? hops, [FromQuery] string[]? types, string? from, string? to, HttpContext http, ExportNetwork.Handler handler, CancellationToken ct)
    {
        var export = await handler.Handle(http.Actor(), new ExportNetwork.Request(format, entity, hops, types, from, to), ct);
        return TypedResults.File(export.Content, export.ContentType, export.FileName);
    }

    private static async Task<Ok<CaseRelationList>> ListRelations(Guid caseId, HttpContext http, ListRelations.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new CaseId(caseId), ct));

    private static async Task<Created<CaseRelationView>> AddRelation(Guid caseId, AddRelation.Request request, HttpContext http, AddRelation.Handler handler, CancellationToken ct)
    {
        var added = await handler.Handle(http.Actor(), new CaseId(caseId), request, ct);
        return TypedResults.Created($"/api/v1/cases/{caseId}/relations", added);
    }
}
