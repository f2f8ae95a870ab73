using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Records an accused as absconding (a proclaimed offender, CrPC ss.87-88) without ending the case against the
/// others, or the arrest that brings them back.
/// </summary>
public static class DeclareAbsconding
{
    public sealed record Request(Guid AccusedParticipantId, DateOnly? DeclaredOn, string? ProclamationReference);

    public sealed record ArrestRequest(Guid AccusedParticipantId, DateOnly? ArrestedOn);

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

        public async Task Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            var accused = ProsecutionAccess.Participant(c, request.AccusedParticipantId, "accusedParticipantId");
            var now = _clock.GetUtcNow().UtcDateTime;
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            proceeding.DeclareAbsconding(accused, request.DeclaredOn ?? throw new ValidationException("declaredOn", "Say when the accused was declared absconding."),
                request.ProclamationReference, ProsecutionAccess.Today(now), now);
            _audit.Add(actor, "proceeding.absconding", "participant", accused.Id.ToString(), detail: "case " + caseId);
            await ProsecutionAccess.SaveAsync(_db, ct);
        }

        public async Task ArrestAsync(Actor actor, CaseId caseId, ArrestRequest request, CancellationToken ct)
        {
            await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionWrite, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var proceeding = await ProsecutionAccess.ProceedingAsync(_db, caseId, now, ct);
            proceeding.RecordArrest(request.AccusedParticipantId, request.ArrestedOn ?? throw new ValidationException("arrestedOn", "Say when the accused was arrested."),
                ProsecutionAccess.Today(now), now);
            _audit.Add(actor, "proceeding.arrest", "participant", request.AccusedParticipantId.ToString(), detail: "case " + caseId);
            await ProsecutionAccess.SaveAsync(_db, ct);
        }
    }
}
