using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// Imports a package file: decrypts it with this installation's key, finds the sender among the organisation's
/// registered partners, verifies the signature, refuses a replay (a package id already received, or a sequence number
/// not above the last one from that partner), then stores every item with its provenance and codes, or applies a
/// revocation. Every import, accepted or refused, is audited; a refused package leaves nothing behind.
/// </summary>
public static class ImportPackage
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

        /// <summary>The largest package file accepted.</summary>
        public const int MaxFileBytes = PackageFormat.MaxFileBytes;

        public async Task<ImportResult> Handle(Actor actor, byte[] file, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingReceive);
            try
            {
                return await ImportAsync(actor, file, ct);
            }
            catch (ValidationException e)
            {
                _db.ChangeTracker.Clear();
                await _audit.WriteAsync(actor, "sharing.package.refused", "sharing_package", null, AuditOutcome.Denied, detail: e.Message, ct: ct);
                throw;
            }
        }

        private async Task<ImportResult> ImportAsync(Actor actor, byte[] file, CancellationToken ct)
        {
            PackageManifest manifest;
            byte[] manifestBytes;
            byte[] signature;
            using (var agreementKey = _keys.AgreementKey())
            {
                (manifest, manifestBytes, signature) = PackageFormat.Open(file, agreementKey);
            }
            var partner = await _db.SharingPartners.FirstOrDefaultAsync(p => p.OrganisationId == actor.OrganisationId && p.SigningKey == manifest.SenderSigningKey, ct)
                ?? throw PackageFormat.Refused("The sender is not a registered partner of this organisation: register its keys (after comparing fingerprints) first.");
            if (!PackageFormat.Verify(Convert.FromBase64String(partner.SigningKey), manifestBytes, signature))
            {
                throw PackageFormat.Refused($"The signature does not verify with {partner.Name}'s key: the package was altered or did not come from them.");
            }
            if (await SharingReplay.PackageSeenAsync(_db, manifest.PackageId, ct))
            {
                throw PackageFormat.Refused("Replay refused: this package was already received.");
            }
            partner.Accept(manifest.Sequence);

            var now = _clock.GetUtcNow().UtcDateTime;
            var imported = 0;
            var revoked = 0;
            int count;
            var encodings = 0;
            var pairs = 0;
            if (manifest.Kind == PackageFormat.ItemsKind)
            {
                var linkage = manifest.Items.Where(i => i.Kind == SharingCodes.Name(SharedItemKind.PprlEncodings)).ToList();
                foreach (var item in linkage)
                {
                    // encodings are matched and kept apart from received items: they are not readable content
                    if (SharingCodes.ParseBasis(item.ConsentBasis, "package") is null)
                    {
                        throw PackageFormat.Refused("The package carries linkage encodings of persons without a consent basis.");
                    }
                    var (received, found) = await LinkageEncoding.MatchAsync(_db, actor, partner, manifest.PackageId, item.Content, now, ct);
                    encodings += received;
                    pairs += found;
                }
                var items = manifest.Items.Except(linkage).Select((item, i) => Read(actor, partner, manifest.PackageId, item, string.Create(CultureInfo.InvariantCulture, $"package.items[{i}]"), now)).ToList();
                _db.ReceivedItems.AddRange(items);
                imported = items.Count;
                count = manifest.Items.Count;
            }
            else if (manifest.Kind == PackageFormat.LinkageAgreementKind)
            {
                var agreements = manifest.Agreements ?? [];
                imported = await LinkageEncoding.ApplyAgreementsAsync(_db, actor, partner, agreements, now, ct);
                count = agreements.Count;
            }
            else if (manifest.Kind == PackageFormat.RevocationKind)
            {
                var ids = manifest.Revoked.ToList();
                var targets = await _db.ReceivedItems.Where(r => r.PartnerId == partner.Id && ids.Contains(r.OriginalId)).ToListAsync(ct);
                foreach (var target in targets.Where(t => !t.IsRevoked))
                {
                    target.Revoke(manifest.PackageId, now);
                    revoked++;
                    _audit.Add(actor, "sharing.item.revoked", "received_item", target.Id.ToString(), detail: "revoked by " + partner.Name + " in package " + manifest.PackageId);
                }
                count = ids.Count;
            }
            else
            {
                throw PackageFormat.Refused("Unknown package kind.");
            }
            var package = new SharingPackage(manifest.PackageId, actor.OrganisationId, partner, PackageDirection.Received, manifest.Kind, manifest.Sequence, count, null, actor.Username, now);
            _db.SharingPackages.Add(package);
            _audit.Add(actor, "sharing.package.receive", "sharing_package", manifest.PackageId.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"from {partner.Name}, {manifest.Kind}, sequence {manifest.Sequence}, {imported} item(s) imported, {revoked} revoked")
                    + (encodings > 0 ? string.Create(CultureInfo.InvariantCulture, $", {encodings} linkage encoding(s), {pairs} possible common person(s)") : ""));
            await _db.SaveChangesAsync(ct);
            return new ImportResult(manifest.PackageId, manifest.Kind, partner.Name, manifest.Sequence, imported, revoked, encodings, pairs);
        }

        private static ReceivedItem Read(Actor actor, SharingPartner partner, Guid packageId, PackageItem item, string field, DateTime now)
        {
            SharedItemKind kind;
            HandlingCode handling;
            SourceReliability source;
            InformationAccuracy accuracy;
            ConsentBasis? basis;
            try
            {
                kind = SharingCodes.ParseKind(item.Kind, field);
                handling = IntelligenceGrading.ParseHandling(item.HandlingCode);
                source = IntelligenceGrading.ParseSource(item.SourceReliability);
                accuracy = IntelligenceGrading.ParseAccuracy(item.InformationAccuracy.ToString(CultureInfo.InvariantCulture));
                basis = SharingCodes.ParseBasis(item.ConsentBasis, field);
            }
            catch (ValidationException e)
            {
                throw PackageFormat.Refused("An item's codes are not valid: " + e.Message);
            }
            if (kind == SharedItemKind.Person && basis is null)
            {
                throw PackageFormat.Refused("The package carries a person's data without a consent basis.");
            }
            if (handling == HandlingCode.H3 && string.IsNullOrWhiteSpace(item.HandlingConditions))
            {
                throw PackageFormat.Refused("An H3 item carries no conditions.");
            }
            if (item.Title.Length > 500 || item.Content.Length > IntelligenceItem.MaxTextLength || (item.HandlingConditions?.Length ?? 0) > 1000)
            {
                throw PackageFormat.Refused("An item is longer than Lantern keeps.");
            }
            return new ReceivedItem(actor.OrganisationId, partner, packageId, item, kind, handling, source, accuracy, basis, now);
        }
    }
}
