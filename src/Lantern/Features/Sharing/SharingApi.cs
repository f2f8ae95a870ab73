using Lantern.Core.Common;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;
using Lantern.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Features.Sharing;

/// <summary>Signed sharing packages between installations (docs/decisions/0016-signed-sharing-packages.md).</summary>
public static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder api)
    {
        var sharing = api.MapGroup("/sharing").WithTags("Sharing");
        sharing.MapGet("/keys", Keys).RequireAuthorization(Permissions.SharingManage).WithName("ShowSharingKeys").WithSummary("This installation's public keys and their fingerprints, to give to a partner.");
        sharing.MapGet("/partners", Partners).RequireAuthorization(Permissions.SharingSend).WithName("ListSharingPartners").WithSummary("Your organisation's partner installations with their key fingerprints.");
        sharing.MapPost("/partners", AddPartnerTo).RequireAuthorization(Permissions.SharingManage).WithName("AddSharingPartner").WithSummary("Register a partner installation by its Ed25519 signing key and X25519 encryption key (base64); compare the fingerprints out of band.");
        sharing.MapGet("/packages", Packages).RequireAuthorization(Permissions.SharingReceive).WithName("ListSharingPackages").WithSummary("Packages sent and received, and the received items with their provenance and codes.");
        sharing.MapPost("/packages", Create).RequireAuthorization(Permissions.SharingSend).WithName("CreateSharingPackage").WithSummary("Pack selected cases, persons, intelligence and received items for a partner; H2 items are refused.");
        sharing.MapGet("/packages/{id:guid}/file", Download).RequireAuthorization(Permissions.SharingSend).WithName("DownloadSharingPackage").WithSummary("The sealed package file to deliver to the partner.");
        sharing.MapPost("/packages/import", Import).RequireAuthorization(Permissions.SharingReceive).WithName("ImportSharingPackage").WithSummary("Import a package file (the request body): signature, sender, tampering and replay are checked.");
        sharing.MapPost("/items/{originalId:guid}/revoke", Revoke).RequireAuthorization(Permissions.SharingSend).WithName("RevokeSharedItem").WithSummary("Revoke an item you shared: one signed revocation package per partner that received it.");
        sharing.MapPut("/partners/{id:guid}/linkage-secret", SetSecret).RequireAuthorization(Permissions.SharingManage).WithName("SetLinkageSecret").WithSummary("Enter the linkage secret agreed with the partner (kept encrypted, never shown again); answers the partner with its key check.");
        sharing.MapPost("/linkage/encodings", SendEncodings).RequireAuthorization(Permissions.SharingSend).WithName("SendLinkageEncodings").WithSummary("Encode your persons in the chosen case roles with the partner's linkage secret and pack the encodings for that partner.");
        sharing.MapGet("/linkage/pairs", Pairs).RequireAuthorization(Permissions.SharingReceive).WithName("ListLinkagePairs").WithSummary("Possible common persons with partners: your own person and the partner's name; no scores, nothing of the partner's person.");
        sharing.MapPost("/linkage/pairs/{id:guid}/agree", Agree).RequireAuthorization(Permissions.SharingSend).WithName("AgreeOnLinkagePair").WithSummary("Agree to share details on a possible common person: a signed agreement package for the partner.");
        return api;
    }

    /// <summary>The body of <c>PUT /partners/{id}/linkage-secret</c>.</summary>
    public sealed record LinkageSecretBody(string? Secret);

    private static async Task<Ok<PartnerView>> SetSecret(Guid id, LinkageSecretBody body, HttpContext http, SetLinkageSecret.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), new SetLinkageSecret.Request(id, body.Secret), ct));

    private static async Task<Created<LinkageSendResult>> SendEncodings(SendLinkageEncodings.Request request, HttpContext http, SendLinkageEncodings.Handler handler, CancellationToken ct)
    {
        var result = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/sharing/packages/{result.Package.Id}/file", result);
    }

    private static async Task<Ok<IReadOnlyList<LinkagePairView>>> Pairs(HttpContext http, ListLinkagePairs.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<LinkageAgreementResult>> Agree(Guid id, HttpContext http, AgreeOnLinkagePair.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), id, ct));

    private static async Task<Ok<InstallationKeysView>> Keys(HttpContext http, ShowInstallationKeys.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Ok<IReadOnlyList<PartnerView>>> Partners(HttpContext http, ListPartners.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Created<PartnerView>> AddPartnerTo(AddPartner.Request request, HttpContext http, AddPartner.Handler handler, CancellationToken ct)
    {
        var partner = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/sharing/partners/{partner.Id}", partner);
    }

    private static async Task<Ok<SharingOverview>> Packages(HttpContext http, ListPackages.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), ct));

    private static async Task<Created<PackageView>> Create(CreatePackage.Request request, HttpContext http, CreatePackage.Handler handler, CancellationToken ct)
    {
        var package = await handler.Handle(http.Actor(), request, ct);
        return TypedResults.Created($"/api/v1/sharing/packages/{package.Id}/file", package);
    }

    private static async Task<FileContentHttpResult> Download(Guid id, HttpContext http, DownloadPackage.Handler handler, CancellationToken ct)
    {
        var file = await handler.Handle(http.Actor(), id, ct);
        return TypedResults.File(file.Content, "application/json", file.FileName);
    }

    private static async Task<Ok<ImportResult>> Import(HttpContext http, ImportPackage.Handler handler, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = ImportPackage.Handler.MaxFileBytes + 1;
        }
        using var body = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(body, ct);
        }
        catch (BadHttpRequestException)
        {
            throw new ValidationException("package", "The package file is too large.");
        }
        return TypedResults.Ok(await handler.Handle(http.Actor(), body.ToArray(), ct));
    }

    private static async Task<Ok<RevocationResult>> Revoke(Guid originalId, HttpContext http, RevokeItem.Handler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.Handle(http.Actor(), originalId, ct));
}
