using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>Records a child victim's guardian (or why none is available) and the best-interests assessment.</summary>
public static class RecordChildSafeguards
{
    public sealed record GuardianRequest(string? GuardianName, string? GuardianRelation, string? NoGuardianReason);

    public sealed record BestInterestsRequest(DateOnly? AssessedOn, string? AssessedBy, string? Summary);

    public sealed class GuardianHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal GuardianHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, Guid participantId, GuardianRequest request, CancellationToken ct)
        {
            var safeguards = await LoadAsync(_db, _audit, actor, participantId, ct);
            safeguards.RecordGuardian(TextRules.Name(request.GuardianName, "guardianName"), TextRules.FreeText(request.GuardianRelation, "guardianRelation", 100),
                TextRules.FreeText(request.NoGuardianReason, "noGuardianReason", 2000), _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "child.guardian-record", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }

    public sealed class BestInterestsHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal BestInterestsHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, Guid participantId, BestInterestsRequest request, CancellationToken ct)
        {
            var safeguards = await LoadAsync(_db, _audit, actor, participantId, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var by = TextRules.FreeText(request.AssessedBy, "assessedBy", 200) ?? throw new ValidationException("assessedBy", "Say who made the best-interests assessment (name, role or office).");
            var summary = TextRules.FreeText(request.Summary, "summary", 4000) ?? throw new ValidationException("summary", "Summarise the best-interests assessment.");
            safeguards.RecordBestInterests(request.AssessedOn ?? DateOnly.FromDateTime(now), by, summary, now);
            _audit.Add(actor, "child.best-interests-record", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }

    private static async Task<ChildSafeguards> LoadAsync(AppDbContext db, AuditLog audit, Actor actor, Guid participantId, CancellationToken ct)
    {
        var victim = await ReferralAccess.VictimAsync(db, audit, actor, participantId, ct);
        actor.Require(Permissions.ReferralsWrite);
        var safeguards = await db.ChildSafeguards.FirstOrDefaultAsync(s => s.ParticipantId == victim.Id, ct);
        if (safeguards is null)
        {
            safeguards = new ChildSafeguards(victim);
            db.ChildSafeguards.Add(safeguards);
        }
        return safeguards;
    }
}
