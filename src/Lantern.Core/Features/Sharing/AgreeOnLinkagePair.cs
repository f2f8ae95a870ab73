using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// "Agree to share details" on a possible common person: recorded here and sent to the partner as a signed
/// <c>linkage-agreement</c> package naming only the pair (and, when this side matched, the partner's own reference,
/// so it can find its person). Once both sides have agreed, either sends the person's details as an ordinary person
/// item, with its handling code and consent basis (ADR 0025).
/// </summary>
public static class AgreeOnLinkagePair
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

        public async Task<LinkageAgreementResult> Handle(Actor actor, Guid pairId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingSend);
            actor.Require(Permissions.SharingReceive);
            var pair = await _db.LinkagePairs.FirstOrDefaultAsync(p => p.Id == pairId && p.OrganisationId == actor.OrganisationId, ct)
                ?? throw new NotFoundException("The possible common person");
            var partner = await _db.SharingPartners.FirstOrDefaultAsync(p => p.Id == pair.PartnerId, ct) ?? throw new NotFoundException("The possible common person");
            var now = _clock.GetUtcNow().UtcDateTime;
            pair.Agree(actor.Username, now);
            Guid? theirs = pair.Origin == LinkagePairOrigin.Matched && Guid.TryParse(pair.PartnerReference, out var reference) ? reference : null;
            var package = await PackageSealing.SealAsync(_db, _keys, _clock, actor, partner, PackageFormat.LinkageAgreementKind, [], [new LinkageAgreement(pair.Reference, theirs)], ct);
            _audit.Add(actor, "sharing.linkage.agree", "linkage_pair", pair.Id.ToString(),
                detail: "agreed to share details with " + partner.Name + " on pair " + pair.Reference + " in package " + package.Id + (pair.BothAgreed ? "; both sides have agreed" : ""));
            await _db.SaveChangesAsync(ct);
            return new LinkageAgreementResult(LinkageProjection.ToView(pair, await LinkageProjection.PersonNameAsync(_db, pair.PersonId, ct)), SharingProjection.ToView(package));
        }
    }
}
