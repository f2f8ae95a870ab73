using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// The originator revokes an item it shared: for every partner that received it, a signed revocation package (to
/// download and deliver like any package) that removes the item at the recipient when imported.
/// </summary>
public static class RevokeItem
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly SharingKeys _keys;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, SharingKeys keys, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _keys = keys;
            _clock = clock;
        }

        // originalId: the id of the item in this installation (the case, person, intelligence or received item id that was shared).
        public async Task<RevocationResult> Handle(Actor actor, Guid originalId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingSend);
            var sent = await _db.SentItems.Where(s => s.OrganisationId == actor.OrganisationId && s.OriginalId == originalId && s.RevokedAt == null).ToListAsync(ct);
            if (sent.Count == 0)
            {
                throw new NotFoundException("A shared, unrevoked item with this id");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var sender = await _db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "Lantern";
            var packages = new List<SharingPackage>();
            foreach (var group in sent.GroupBy(s => s.PartnerId))
            {
                var partner = await _db.SharingPartners.FirstAsync(p => p.Id == group.Key, ct);
                var packageId = SequentialGuid.Next();
                var sequence = partner.NextSequence();
                var manifest = new PackageManifest(PackageFormat.Format, packageId, PackageFormat.RevocationKind, sequence, sender,
                    Convert.ToBase64String(_keys.SigningPublicKey), partner.EncryptionKey, now, [], [originalId]);
                byte[] file;
                using (var signingKey = _keys.SigningKey())
                {
                    file = PackageFormat.Seal(manifest, signingKey, Convert.FromBase64String(partner.EncryptionKey));
                }
                var package = new SharingPackage(packageId, actor.OrganisationId, partner, PackageDirection.Sent, PackageFormat.RevocationKind, sequence, 1, file, actor.Username, now);
                _db.SharingPackages.Add(package);
                foreach (var item in group)
                {
                    item.Revoke(packageId, now);
                }
                _audit.Add(actor, "sharing.package.send", "sharing_package", packageId.ToString(), detail: "revocation of " + originalId + " to " + partner.Name + ", sequence " + sequence);
                packages.Add(package);
            }
            await _db.SaveChangesAsync(ct);
            return new RevocationResult(originalId, packages.Select(SharingProjection.ToView).ToList());
        }
    }
}
