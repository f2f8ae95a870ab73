using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// Records the formal trafficking status of a victim (possible, actual, not a victim) with the deciding organisation,
/// the date and the reason. An assessment may inform it; it never decides it. Status changes keep their history.
/// </summary>
public static class DecideStatus
{
    public sealed record Request(Guid? ParticipantId, string? Status, string? DecidedBy, string? DecidingOrganisation, string? DecidedOn, string? Reason, Guid? AssessmentId = null);

    public sealed record DecisionView(Guid Id, Guid ParticipantId, TraffickingStatus Status, StatusDecisionMaker DecidedBy, string DecidingOrganisation,
        DateOnly DecidedOn, string Reason, Guid? AssessmentId, string RecordedBy, DateTime RecordedAt);

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

        public async Task<DecisionView> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.VictimStatusDecide);
            var participantId = request.ParticipantId ?? throw new ValidationException("participantId", "Choose the person the decision is about.");
            var status = Picklist.Parse<TraffickingStatus>(request.Status, "status");
            var decidedBy = Picklist.Parse<StatusDecisionMaker>(request.DecidedBy, "decidedBy");
            var reason = TextRules.FreeText(request.Reason, "reason", 4000) ?? throw new ValidationException("reason", "Give the reason for the decision.");
            var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
            var decidedOn = ParseDate(request.DecidedOn, today);
            var participant = await _db.Participants.Include(p => p.Case)
                .FirstOrDefaultAsync(p => p.Id == participantId && p.CaseId == caseId, ct)
                ?? throw new NotFoundException("The person in this case");
            if (participant.Role != CaseRole.Victim)
            {
                throw new ValidationException("participantId", "Only a person recorded as a victim in this case can have a trafficking status; add them to the case as a victim first.");
            }
            if (request.AssessmentId is { } assessmentId && !await _db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ParticipantId == participantId, ct))
            {
                throw new ValidationException("assessmentId", "That assessment is not one of this person's in this case.");
            }
            var organisation = TextRules.Name(request.DecidingOrganisation, "decidingOrganisation", 200)
                ?? await _db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct)
                ?? throw new ValidationException("decidingOrganisation", "Name the organisation that decided.");
            var now = _clock.GetUtcNow().UtcDateTime;
            var decision = new StatusDecision(participant, status, decidedBy, organisation, decidedOn, reason, request.AssessmentId, actor.UserId, actor.Username, now);
            participant.RecordStatusDecision(status, decidedBy, organisation);
            participant.Case.Touch(now);
            _db.StatusDecisions.Add(decision);
            _audit.Add(actor, "victim.status-decide", "person", participant.PersonId.ToString(), detail: $"case {caseId}: {status}");
            await _db.SaveChangesAsync(ct);
            return ToView(decision);
        }

        public async Task<IReadOnlyList<DecisionView>> HistoryAsync(Actor actor, CaseId caseId, Guid participantId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            if (!await _db.Participants.AnyAsync(p => p.Id == participantId && p.CaseId == caseId, ct))
            {
                throw new NotFoundException("The person in this case");
            }
            var rows = await _db.StatusDecisions.AsNoTracking().Where(d => d.ParticipantId == participantId).ToListAsync(ct);
            return rows.OrderByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).Select(ToView).ToList();
        }

        private static DecisionView ToView(StatusDecision d) =>
            new(d.Id, d.ParticipantId, d.Status, d.DecidedBy, d.DecidingOrganisation, d.DecidedOn, d.Reason, d.AssessmentId, d.RecordedByName, d.RecordedAt);

        private static DateOnly ParseDate(string? value, DateOnly today)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return today;
            }
            if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ValidationException("decidedOn", $"'{value}' is not a date; use YYYY-MM-DD.");
            }
            return date > today ? throw new ValidationException("decidedOn", "The decision date cannot be in the future.") : date;
        }
    }
}
