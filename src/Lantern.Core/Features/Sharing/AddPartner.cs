using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// Registers a partner installation by its two public keys (base64). The administrator compares the fingerprints shown
/// with the partner's, read out of band, before anything is sent or accepted.
/// </summary>
public static class AddPartner
{
    public sealed record Request(string? Name, string? SigningKey, string? EncryptionKey);

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

        public async Task<PartnerView> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingManage);
            var name = TextRules.FreeText(request.Name, "name", SharingPartner.MaxNameLength) ?? throw new ValidationException("name", "Name the partner.");
            var signing = Key(request.SigningKey, "signingKey");
            var encryption = Key(request.EncryptionKey, "encryptionKey");
            if (signing.AsSpan().SequenceEqual(_keys.SigningPublicKey))
            {
                throw new ValidationException("signingKey", "This is this installation's own key.");
            }
            var signingText = Convert.ToBase64String(signing);
            if (await _db.SharingPartners.AnyAsync(p => p.OrganisationId == actor.OrganisationId && (p.SigningKey == signingText || p.Name == name), ct))
            {
                throw new ConflictException("signingKey", "A partner with this name or signing key is already registered.");
            }
            var partner = new SharingPartner(actor.OrganisationId, name, signing, encryption, actor.Username, _clock.GetUtcNow().UtcDateTime);
            _db.SharingPartners.Add(partner);
            _audit.Add(actor, "sharing.partner.add", "sharing_partner", partner.Id.ToString(), detail: partner.Name + ", signing key " + partner.SigningFingerprint);
            await _db.SaveChangesAsync(ct);
            return SharingProjection.ToView(partner);
        }

        private static byte[] Key(string? value, string field)
        {
            try
            {
                var bytes = Convert.FromBase64String(value?.Trim() ?? "");
                return bytes.Length == 32 ? bytes : throw new ValidationException(field, "A public key is 32 bytes, written in base64 (44 characters).");
            }
            catch (FormatException)
            {
                throw new ValidationException(field, "A public key is 32 bytes, written in base64 (44 characters).");
            }
        }
    }
}
