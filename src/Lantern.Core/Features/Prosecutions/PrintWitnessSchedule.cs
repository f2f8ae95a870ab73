using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>One accused with the charges against them, as printed for the court.</summary>
public sealed record ScheduleAccused(string Name, IReadOnlyList<ScheduleCharge> Charges);

public sealed record ScheduleCharge(string Instrument, string Section, string Title, DateOnly OffenceDate, string? Particulars, ChargeOutcome Outcome);

/// <summary>A witness as printed for the court: a protected witness appears by pseudonym only, with the measures ordered.</summary>
public sealed record ScheduleWitness(string Designation, string Role, bool Protected, IReadOnlyList<string> Measures);

/// <summary>
/// The "witness and charge schedule" for a hearing: a court document. It is built here, in one place, so that no
/// front door can print a protected witness's name: every free text is cleaned of their names too.
/// </summary>
public sealed record WitnessSchedule(
    string CaseReference,
    string? Court,
    string? CourtCaseNumber,
    DateOnly? HearingDate,
    HearingPurpose? Purpose,
    IReadOnlyList<ScheduleAccused> Accused,
    IReadOnlyList<ScheduleWitness> Witnesses,
    DateTime PrintedAt)
{
    public const string Title = "Witness and charge schedule";

    /// <summary>The plain-text (print and download) form.</summary>
    public string ToText()
    {
        var b = new StringBuilder();
        b.AppendLine(Title.ToUpperInvariant());
        b.AppendLine($"Case: {CaseReference}" + (CourtCaseNumber is null ? "" : $"   Court case no.: {CourtCaseNumber}"));
        if (Court is not null)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"Court: {Court}");
        }
        if (HearingDate is { } date)
        {
            b.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Hearing: {date:yyyy-MM-dd}") + (Purpose is { } p ? $" ({p})" : ""));
        }
        b.AppendLine();
        b.AppendLine("ACCUSED AND CHARGES");
        foreach (var a in Accused)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {a.Name}");
            foreach (var x in a.Charges)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"    {x.Instrument} s.{x.Section}: {x.Title}; offence of {x.OffenceDate:yyyy-MM-dd}; {x.Outcome}");
                if (x.Particulars is not null)
                {
                    b.AppendLine(CultureInfo.InvariantCulture, $"      Particulars: {x.Particulars}");
                }
            }
        }
        b.AppendLine();
        b.AppendLine("WITNESSES");
        foreach (var w in Witnesses)
        {
            b.AppendLine($"- {w.Designation} ({w.Role})" + (w.Protected ? $"; protected (PTPA s.12): {(w.Measures.Count == 0 ? "pseudonym" : string.Join(", ", w.Measures))}" : ""));
        }
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Printed {PrintedAt:yyyy-MM-dd HH:mm} UTC by Lantern. Protected witnesses are named by pseudonym only.");
        return b.ToString();
    }
}

public static class PrintWitnessSchedule
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

        /// <summary>The schedule for <paramref name="hearingId"/>, or for the case's next hearing (or none) when not given.</summary>
        public async Task<WitnessSchedule> Handle(Actor actor, CaseId caseId, Guid? hearingId, CancellationToken ct)
        {
            var c = await ProsecutionAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.ProsecutionRead, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var today = ProsecutionAccess.Today(now);
            var hearings = _db.Hearings.AsNoTracking().Where(h => h.CaseId == caseId);
            var hearing = hearingId is { } hid
                ? await hearings.FirstOrDefaultAsync(h => h.Id == hid, ct) ?? throw new NotFoundException("The hearing")
                : await hearings.Where(h => h.Date >= today).OrderBy(h => h.Date).FirstOrDefaultAsync(ct);
            var proceeding = await _db.Proceedings.AsNoTracking().Include(p => p.Stages).Include(p => p.Charges).AsSplitQuery().FirstOrDefaultAsync(p => p.CaseId == caseId, ct);
            var protections = await _db.WitnessProtections.AsNoTracking().Where(w => w.CaseId == caseId).ToListAsync(ct);
            var schedule = Build(c, proceeding, protections, hearing, now);
            _audit.Add(actor, "court-document.print", "case", caseId.ToString(), detail: WitnessSchedule.Title + (hearing is null ? "" : ", hearing " + hearing.Id));
            await _db.SaveChangesAsync(ct);
            return schedule;
        }
    }

    internal static WitnessSchedule Build(Case c, Proceeding? proceeding, IReadOnlyList<WitnessProtection> protections, Hearing? hearing, DateTime now)
    {
        var byParticipant = protections.ToDictionary(w => w.ParticipantId);
        var redactions = c.Participants.Where(p => byParticipant.ContainsKey(p.Id))
            .SelectMany(p => NamesOf(p).Select(n => (Name: n, byParticipant[p.Id].Pseudonym)))
            .OrderByDescending(r => r.Name.Length)
            .ToList();
        string? Clean(string? text)
        {
            if (text is null)
            {
                return null;
            }
            foreach (var (name, pseudonym) in redactions)
            {
                text = text.Replace(name, pseudonym, StringComparison.OrdinalIgnoreCase);
            }
            return text;
        }
        var court = proceeding?.Stages.Where(s => s.Court is not null).OrderBy(s => s.Stage).LastOrDefault();
        var charges = proceeding?.Charges ?? [];
        var accused = c.Participants.Where(p => p.Role == CaseRole.Suspect && charges.Any(x => x.AccusedParticipantId == p.Id)).OrderBy(p => p.Id)
            .Select(p => new ScheduleAccused(p.Person.DisplayName, charges.Where(x => x.AccusedParticipantId == p.Id).OrderBy(x => x.Instrument, StringComparer.Ordinal).ThenBy(x => x.Section, StringComparer.Ordinal)
                .Select(x => new ScheduleCharge(x.Instrument, x.Section, x.Title, x.OffenceDate, Clean(x.Particulars), x.Outcome)).ToList()))
            .ToList();
        var witnesses = c.Participants.Where(p => p.Role is CaseRole.Victim or CaseRole.Witness or CaseRole.Complainant).OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => byParticipant.TryGetValue(p.Id, out var w)
                ? new ScheduleWitness(w.Pseudonym, Picklist.RoleName(p.Role), true, w.Measures)
                // Names of other people are printed as they are (a shared family name is not the witness's name); free text is cleaned.
                : new ScheduleWitness(p.Person.DisplayName, Picklist.RoleName(p.Role), false, []))
            .ToList();
        return new WitnessSchedule(c.Reference, hearing?.Court ?? court?.Court, court?.CourtCaseNumber, hearing?.Date, hearing?.Purpose, accused, witnesses, now);
    }

    /// <summary>Every way the person's name may be written: the full name, each part of three letters or more, the original script, aliases.</summary>
    private static IEnumerable<string> NamesOf(CaseParticipant p)
    {
        var person = p.Person;
        var parts = new[] { person.FirstName, person.MiddleName, person.SecondName }.OfType<string>().Where(n => n.Trim().Length >= 3).Select(n => n.Trim());
        var whole = string.Join(' ', new[] { person.FirstName, person.MiddleName, person.SecondName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var aliases = person.Aliases.Select(a => a.Value);
        return new[] { whole, person.NameInOriginalScript }.OfType<string>().Concat(parts).Concat(aliases).Where(n => n.Length >= 3).Distinct();
    }
}
