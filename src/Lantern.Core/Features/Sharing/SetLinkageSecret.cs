using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Pprl;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// An administrator enters the linkage secret agreed with a partner (out of band, like the fingerprints). It is kept
/// encrypted with the partner, never shown again, never logged or audited, never put in a package; the partner must
/// enter the same one. The text is used as its UTF-8 bytes, as <c>lantern pprl encode --secret-file</c> uses a file's.
/// </summary>
public static class SetLinkageSecret
{
    public sealed record Request(Guid PartnerId, string? Secret);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<PartnerView> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingManage);
            var partner = await _db.SharingPartners.FirstOrDefaultAsync(p => p.Id == request.PartnerId && p.OrganisationId == actor.OrganisationId, ct)
                ?? throw new NotFoundException("The partner");
            var secret = Encoding.UTF8.GetBytes((request.Secret ?? "").TrimEnd('\r', '\n'));
            if (secret.Length < ClkSchema.MinimumSecretBytes)
            {
                throw new ValidationException("secret", $"The linkage secret must be at least {ClkSchema.MinimumSecretBytes} characters; agree on random ones with the partner (e.g. head -c 32 /dev/urandom | base64).");
            }
            if (secret.Length > 1024)
            {
                throw new ValidationException("secret", "The linkage secret is at most 1,024 characters.");
            }
            partner.SetLinkageSecret(secret, _clock.GetUtcNow().UtcDateTime);
            // The audit records that a secret was set and its key check (which both partners can compare), never the secret.
            _audit.Add(actor, "sharing.linkage.secret", "sharing_partner", partner.Id.ToString(), detail: "linkage secret set for " + partner.Name + ", key check " + ClkSchema.KeyCheckOf(secret));
            await _db.SaveChangesAsync(ct);
            return SharingProjection.ToView(partner);
        }
    }
}
