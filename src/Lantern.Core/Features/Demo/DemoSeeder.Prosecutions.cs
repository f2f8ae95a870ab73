using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Prosecution demo data for the law-enforcement offices: a proceeding for every case with a victim and a suspect, at every stage (a few closed early), charges
/// under the law in force on the offence date, outcomes with sentences in range and compensation, hearings (some
/// adjourned, some upcoming) and protected victims. Runs after the cases are saved, with a random generator of its own.
/// </summary>
internal sealed partial class DemoSeeder
{
    private static readonly ProceedingStage[] DemoPath =
    [
        ProceedingStage.ComplaintReceived, ProceedingStage.FirRegistered, ProceedingStage.Investigation, ProceedingStage.InterimReport,
        ProceedingStage.FinalReport, ProceedingStage.Trial, ProceedingStage.Judgment,
    ];

    private static readonly (string Instrument, string Section)[] DemoOffences = [("PTPA 2018", "3(1)"), ("PTPA 2018", "3(2)"), ("PSMA 2018", "3")];

    private static readonly string[] ProsecutionOffices = ["LHR", "KHI", "FSD"];

    private static readonly string[] Courts = ["Judicial Magistrate Section 30, Lahore", "Judicial Magistrate I, Karachi South", "Special Court (Central), Faisalabad"];

    /// <summary>Adds the demo proceedings and hearings; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedProsecutionsAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 3);
        var today = DateOnly.FromDateTime(_now);
        var offices = ProsecutionOffices.Where(_organisations.ContainsKey).Select(k => _organisations[k]).ToList();
        var officers = await db.Users.AsNoTracking().Where(u => offices.Contains(u.OrganisationId) && (u.Role == Role.Investigator || u.Role == Role.Prosecutor)).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Participants)
            .Where(c => offices.Contains(c.OrganisationId) && c.OpenedOn != null && c.Participants.Any(p => p.Role == CaseRole.Suspect) && c.Participants.Any(p => p.Role == CaseRole.Victim))
            .OrderBy(c => c.Reference).ToListAsync(ct);
        foreach (var c in cases)
        {
            var start = c.OpenedOn!.Value;
            if (start < new DateOnly(2018, 7, 1) || start > _lastDay.AddDays(-3))
            {
                continue;
            }
            var investigator = officers.FirstOrDefault(u => u.OrganisationId == c.OrganisationId && u.Role == Role.Investigator)?.Id;
            var prosecutor = officers.FirstOrDefault(u => u.OrganisationId == c.OrganisationId && u.Role == Role.Prosecutor)?.Id;
            var proceeding = new Proceeding(c.Id, _now);
            var court = Courts[random.Next(Courts.Length)];
            var depth = random.Next(1, DemoPath.Length + 1);
            var day = start;
            foreach (var stage in DemoPath.Take(depth))
            {
                if (day > _lastDay || (stage == ProceedingStage.InterimReport && random.NextDouble() < 0.4))
                {
                    continue;
                }
                var details = stage switch
                {
                    ProceedingStage.FirRegistered => StageDetails.None with { FirNumber = $"{random.Next(10, 400)}/{day.Year}", PoliceStation = c.OrganisationId == offices[0] ? "AHTC Lahore" : "AHTC Karachi" },
                    ProceedingStage.Trial => StageDetails.None with { Court = court, CourtCaseNumber = $"{random.Next(100, 900)}/{day.Year}" },
                    ProceedingStage.FinalReport => StageDetails.None with { Documents = [$"Challan {random.Next(10, 300)}/{day.Year}"] },
                    _ => StageDetails.None,
                };
                proceeding.StartStage(stage, day, details with { ResponsibleUserId = stage >= ProceedingStage.Trial ? prosecutor : investigator }, today, _now);
                day = day.AddDays(stage == ProceedingStage.FirRegistered ? random.Next(10, 25) : random.Next(7, 90));
            }
            if (proceeding.Stages.Count == 0)
            {
                continue;
            }
            var current = proceeding.Current!.Stage;
            if (current == ProceedingStage.ComplaintReceived && random.NextDouble() < 0.3)
            {
                proceeding.EndEarly(EarlyEnding.ComplaintClosed, Min(proceeding.Current.StartedOn.AddDays(20), today), "Verification found no trafficking or smuggling offence; the complainant was referred to the labour department.", [], today, _now);
            }
            if (current >= ProceedingStage.Trial)
            {
                SeedTrial(db, c, proceeding, court, random, today);
            }
            db.Proceedings.Add(proceeding);
        }
        await db.SaveChangesAsync(ct);
    }

    private void SeedTrial(AppDbContext db, Cases.Case c, Proceeding proceeding, string court, Random random, DateOnly today)
    {
        var trial = proceeding.Stage(ProceedingStage.Trial)!;
        var offenceDate = c.OpenedOn!.Value.AddDays(-random.Next(5, 60));
        var victims = c.Participants.Where(p => p.Role == CaseRole.Victim).ToList();
        foreach (var accused in c.Participants.Where(p => p.Role == CaseRole.Suspect))
        {
            var (instrument, section) = DemoOffences[random.Next(DemoOffences.Length)];
            var version = OffenceCatalogue.Bundled.VersionInForce(instrument, section, offenceDate);
            var charge = proceeding.AddCharge(accused, version, offenceDate, "Recruited and transported the victim by false promises of work, for forced labour.", trial.StartedOn, today, _now);
            if (proceeding.Stage(ProceedingStage.Judgment) is { } judgment)
            {
                if (random.NextDouble() < 0.6)
                {
                    var months = (int)Math.Clamp(version.ImprisonmentMonths?.Min ?? 36, 12, version.ImprisonmentMonths?.Max ?? 60);
                    long? fine = version.FineRupees is { } f ? Math.Clamp(f.Min ?? 100_000, 0, f.Max ?? 100_000) : null;
                    IReadOnlyList<(Guid, long)> compensation = random.NextDouble() < 0.5 && victims.Count > 0 ? [(victims[0].Id, 50_000L * random.Next(1, 5))] : [];
                    charge.Decide(ChargeOutcome.Convicted, judgment.StartedOn, new Sentence(months, fine, compensation), null, version, victims.Select(v => v.Id).ToHashSet(), today);
                }
                else
                {
                    charge.Decide(ChargeOutcome.Acquitted, judgment.StartedOn, Sentence.None, null, version, victims.Select(v => v.Id).ToHashSet(), today);
                }
            }
        }
        if (victims.Count > 0 && random.NextDouble() < 0.5)
        {
            var protection = new WitnessProtection(victims[0], _now);
            protection.Set("Witness A", true, random.NextDouble() < 0.5, random.NextDouble() < 0.5, trial.StartedOn, null, today, _now);
            db.WitnessProtections.Add(protection);
        }
        var first = Hearing.Schedule(c.Id, trial.StartedOn, new TimeOnly(9 + random.Next(0, 3), random.Next(0, 2) * 30), court, HearingPurpose.FramingOfCharge, _now);
        db.Hearings.Add(first);
        if (proceeding.Stage(ProceedingStage.Judgment) is null)
        {
            // Adjourned once; the next date lies ahead so the calendar has upcoming hearings.
            var next = CourtDay(today.AddDays(random.Next(1, 20)));
            var (purpose, adjournment) = NextHearings[random.Next(NextHearings.Length)];
            if (next > first.Date && first.RecordOutcome("Copies of the challan supplied to the accused.", next, purpose, adjournment, today, _now) is { } following)
            {
                db.Hearings.Add(following);
            }
        }
    }

    private static readonly (HearingPurpose Purpose, string Adjournment)[] NextHearings =
    [
        (HearingPurpose.ProsecutionEvidence, "Prosecution witnesses not present."),
        (HearingPurpose.VictimStatement, "Video link to the shelter not available."),
        (HearingPurpose.Bail, "Defence counsel sought time to file a bail application."),
        (HearingPurpose.ProsecutionEvidence, "Presiding officer on leave."),
        (HearingPurpose.Arguments, "Defence counsel engaged before the High Court."),
        (HearingPurpose.StatementOfAccused, "Accused not produced from jail."),
    ];

    /// <summary>Courts do not sit on Sunday: a date falling on one moves to the Monday.</summary>
    private static DateOnly CourtDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(1) : date;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
