using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Charges an accused with an offence (instrument and section), under the version of the law in force on the date
/// of the offence (<see cref="OffenceCatalogue.VersionInForce"/>), with the particulars.
/// </summary>
public static class FrameCharge
{
    public sealed record Request(Guid AccusedParticipantId, string? Instrument, string? Section, DateOnly? OffenceDate, string? Particulars, DateOnly? FramedOn);

    public sealed record Response(Guid Id, string Instrument, string Section, DateOnly VersionEffectiveFrom, string Verification);

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

        public async Task<Response> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            actor.Require(Permissions.ProsecutionTrial);
            var accused = ProsecutionAccess.Participant(c, request.AccusedParticipantId, "accusedParticipantId");
            var offenceDate = request.OffenceDate ?? throw new ValidationException("offenceDate", "Say when the offence was committed: it decides which version of the law applies.");
            var version = ProsecutionAccess.Catalogue.VersionInForce(
                string.IsNullOrWhiteSpace(request.Instrument) ? throw new ValidationException("instrument", "Name the instrument, e.g. PTPA 2018.") : request.Instrument.Trim(),
                string.IsNullOrWhiteSpace(request.Section) ? throw new ValidationException("section", "Name the section, e.g. 3(2).") : request.Section.Trim(),
                offenceDate);
            var now = _clock.GetUtcNow().UtcDateTime;
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            var charge = proceeding.AddCharge(accused, version, offenceDate, request.Particulars, request.FramedOn, ProsecutionAccess.Today(now), now);
            _audit.Add(actor, "charge.frame", "charge", charge.Id.ToString(), detail: $"case {caseId}, {version.Instrument} s.{version.Section}");
            await ProsecutionAccess.SaveAsync(_db, ct);
            return new Response(charge.Id, charge.Instrument, charge.Section, charge.VersionEffectiveFrom, version.Verification);
        }
    }
}
