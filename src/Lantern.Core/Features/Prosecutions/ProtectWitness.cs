using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Records the court's protection of a victim or witness (PTPA s.12): pseudonym, in camera, screen, video link, and
/// the order. From then on every court document Lantern prints shows the pseudonym, never the name.
/// </summary>
public static class ProtectWitness
{
    public sealed record Request(string? Pseudonym, bool InCamera, bool Screen, bool VideoLink, DateOnly? OrderedOn, string? OrderReference);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<WitnessView> Handle(Actor actor, CaseId caseId, Guid participantId, Request request, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            actor.Require(Permissions.ProsecutionTrial);
            var participant = ProsecutionAccess.Participant(c, participantId, "participantId");
            var now = _clock.GetUtcNow().UtcDateTime;
            var protection = await _db.WitnessProtections.FirstOrDefaultAsync(w => w.ParticipantId == participantId, ct);
            if (protection is null)
            {
                protection = new WitnessProtection(participant, now);
                _db.WitnessProtections.Add(protection);
            }
            protection.Set(request.Pseudonym, request.InCamera, request.Screen, request.VideoLink, request.OrderedOn, request.OrderReference, ProsecutionAccess.Today(now), now);
            if (await _db.WitnessProtections.AnyAsync(w => w.CaseId == caseId && w.ParticipantId != participantId && w.Pseudonym == protection.Pseudonym, ct))
            {
                throw new ValidationException("pseudonym", "Another witness of this case already has that pseudonym.");
            }
            _audit.Add(actor, "witness.protect", "participant", participantId.ToString(), detail: "case " + caseId + ": " + string.Join(',', protection.Measures));
            await _db.SaveChangesAsync(ct);
            return new WitnessView(participant.Id, Picklist.RoleName(participant.Role), participant.Person.DisplayName, protection.Pseudonym, protection.Measures,
                protection.OrderedOn, protection.OrderReference);
        }
    }
}
