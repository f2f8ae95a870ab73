using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// The court's decision on one charge: convicted (with the sentence and any compensation to victims, CrPC s.545),
/// acquitted, discharged, withdrawn, or back to pending. A sentence outside the offence's range needs a confirmation reason.
/// </summary>
public static class RecordOutcome
{
    public sealed record Compensation(Guid VictimParticipantId, long Rupees);

    public sealed record Request(string? Outcome, DateOnly? DecidedOn, int? ImprisonmentMonths, long? FineRupees, IReadOnlyList<Compensation>? Compensation, string? SentenceConfirmation);

    public sealed record Response(Guid Id, ChargeOutcome Outcome, bool SentenceOutsideRange);

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

        public async Task<Response> Handle(Actor actor, CaseId caseId, Guid chargeId, Request request, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            actor.Require(Permissions.ProsecutionTrial);
            var outcome = Picklist.Parse<ChargeOutcome>(request.Outcome, "outcome");
            var now = _clock.GetUtcNow().UtcDateTime;
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            var charge = proceeding.ChargeById(chargeId);
            var victims = c.Participants.Where(p => p.Role == CaseRole.Victim).Select(p => p.Id).ToHashSet();
            var sentence = new Sentence(request.ImprisonmentMonths, request.FineRupees, (request.Compensation ?? []).Select(x => (x.VictimParticipantId, x.Rupees)).ToList());
            charge.Decide(outcome, request.DecidedOn, sentence, request.SentenceConfirmation, charge.VersionIn(ProsecutionAccess.Catalogue), victims, ProsecutionAccess.Today(now));
            proceeding.Touch(now);
            _audit.Add(actor, "charge.outcome", "charge", charge.Id.ToString(), detail: outcome + (charge.SentenceOutsideRange ? ", sentence outside range confirmed" : ""));
            await ProsecutionAccess.SaveAsync(_db, ct);
            return new Response(charge.Id, charge.Outcome, charge.SentenceOutsideRange);
        }
    }
}
