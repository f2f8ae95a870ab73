using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// The proceeding of a case: stages, charges and outcomes, absconders, hearings, witness protection and deadlines.
/// Names the accused, victims and witnesses, so it is audited as a view of each person.
/// </summary>
public static class GetProceeding
{
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

        public async Task<ProceedingView> Handle(Actor actor, CaseId id, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, id, Permissions.ProsecutionRead, ct);
            var view = await ViewAsync(_db, c, ProsecutionAccess.Today(_clock.GetUtcNow().UtcDateTime), ct);
            _audit.Add(actor, "proceeding.view", "case", id.ToString());
            foreach (var p in c.Participants.Where(p => p.Role is CaseRole.Suspect or CaseRole.Victim or CaseRole.Witness or CaseRole.Complainant))
            {
                _audit.Add(actor, "person.identity-view", "person", p.PersonId.ToString(), detail: "proceeding of case " + id);
            }
            await _db.SaveChangesAsync(ct);
            return view;
        }
    }

    internal static async Task<ProceedingView> ViewAsync(AppDbContext db, Case c, DateOnly today, CancellationToken ct)
    {
        var proceeding = await db.Proceedings.AsNoTracking().Include(p => p.Stages).Include(p => p.Charges).ThenInclude(x => x.Compensation).Include(p => p.Absconders)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.CaseId == c.Id, ct);
        var hearings = await db.Hearings.AsNoTracking().Where(h => h.CaseId == c.Id).OrderBy(h => h.Date).ThenBy(h => h.Time).ToListAsync(ct);
        var protections = await db.WitnessProtections.AsNoTracking().Where(w => w.CaseId == c.Id).ToDictionaryAsync(w => w.ParticipantId, ct);
        var rules = await ManageDeadlineRules.ActiveRulesAsync(db, ct);
        var officers = await db.Users.AsNoTracking().Where(u => u.OrganisationId == c.OrganisationId && !u.Disabled).OrderBy(u => u.Username)
            .Select(u => new OfficerView(u.Id.Value, u.Username)).ToListAsync(ct);
        var officerNames = officers.ToDictionary(o => o.Id, o => o.Username);
        var people = c.Participants.ToDictionary(p => p.Id);
        string NameOf(Guid participant) => people.TryGetValue(participant, out var p) ? p.Person.DisplayName : "?";
        string? Officer(UserId? user) => user is { } u ? officerNames.GetValueOrDefault(u.Value, "(another organisation's officer)") : null;

        var stages = proceeding?.Stages.OrderBy(s => s.Stage).Select(s => new StageView(s.Stage, s.StartedOn, s.CompletedOn, s.DaysTaken(today), s.ResponsibleUserId?.Value,
            Officer(s.ResponsibleUserId), s.FirNumber, s.PoliceStation, s.FirDate, s.Court, s.Judge, s.CourtCaseNumber, s.DocumentList)).ToList() ?? [];
        var charges = proceeding?.Charges.OrderBy(x => NameOf(x.AccusedParticipantId)).ThenBy(x => x.Id).Select(x => ToView(x, NameOf)).ToList() ?? [];
        var absconders = proceeding?.Absconders.OrderBy(a => a.DeclaredOn).Select(a => new AbsconderView(a.ParticipantId, NameOf(a.ParticipantId), a.DeclaredOn, a.ProclamationReference, a.ArrestedOn)).ToList() ?? [];
        var witnesses = c.Participants.Where(p => p.Role is CaseRole.Victim or CaseRole.Witness or CaseRole.Complainant).OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => protections.TryGetValue(p.Id, out var w)
                ? new WitnessView(p.Id, Picklist.RoleName(p.Role), p.Person.DisplayName, w.Pseudonym, w.Measures, w.OrderedOn, w.OrderReference)
                : new WitnessView(p.Id, Picklist.RoleName(p.Role), p.Person.DisplayName, null, [], null, null)).ToList();
        var deadlines = proceeding is null ? [] : rules.Select(r => r.For(proceeding, today)).OfType<Deadline>().OrderBy(d => d.DueOn).ToList();
        return new ProceedingView(
            c.Id.Value, c.Reference, proceeding is not null && proceeding.Stages.Count > 0, stages,
            proceeding?.NextStages() ?? [ProceedingStage.ComplaintReceived, ProceedingStage.FirRegistered],
            proceeding?.EndedBy, proceeding?.EndedOn, proceeding?.EndReason, proceeding?.IsConcluded ?? false,
            charges, absconders,
            hearings.Select(ToView).ToList(),
            witnesses,
            Parties(c, CaseRole.Suspect), Parties(c, CaseRole.Victim),
            deadlines, officers, proceeding?.Version ?? 0);
    }

    internal static ChargeView ToView(Charge x, Func<Guid, string> nameOf)
    {
        var version = x.VersionIn(ProsecutionAccess.Catalogue);
        return new ChargeView(x.Id, x.AccusedParticipantId, nameOf(x.AccusedParticipantId), x.Instrument, x.Section, x.Title, x.VersionEffectiveFrom, version.Verification,
            x.OffenceDate, x.Particulars, x.FramedOn, x.Outcome, x.DecidedOn, x.ImprisonmentMonths, x.FineRupees, x.SentenceConfirmation,
            x.Compensation.Select(o => new CompensationView(o.VictimParticipantId, nameOf(o.VictimParticipantId), o.Rupees)).ToList(),
            ProsecutionProjection.Describe(version.ImprisonmentMonths, " months"), ProsecutionProjection.Describe(version.FineRupees, " rupees"), version.PenaltyMode);
    }

    internal static HearingView ToView(Hearing h) =>
        new(h.Id, h.Date, h.Time, h.Court, h.Purpose, h.Held, h.Proceedings, h.NextDate, h.AdjournmentReason, h.PreviousHearingId, h.NextHearingId);

    private static List<PartyView> Parties(Case c, CaseRole role) =>
        c.Participants.Where(p => p.Role == role).OrderBy(p => p.Id).Select(p => new PartyView(p.Id, Picklist.RoleName(p.Role), p.Person.DisplayName)).ToList();
}
