using Lantern.Core.Common;
using Lantern.Core.Features.Screening;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Screening demo data: completed indicator assessments of recent victims of the police and labour offices (most of
/// them indicated, some not, a few still drafts), each interviewed on the list their age calls for, and the status
/// decision that followed where one is recorded. Runs after the cases are saved, with its own random generator.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Adds the demo assessments and status decisions; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedScreeningAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 2);
        var screening = IndicatorScreening.Bundled;
        var offices = new[] { _organisations["LHR"], _organisations["KHI"], _organisations["FSD"] };
        var candidates = await db.Participants.Include(p => p.Person).Include(p => p.Case).ThenInclude(c => c.Events)
            .Where(p => p.Role == CaseRole.Victim && offices.Contains(p.Case.OrganisationId) && p.Case.OpenedYear >= _lastDay.Year - 1)
            .OrderBy(p => p.Case.Reference).ThenBy(p => p.Id).ToListAsync(ct);
        var victims = Interleave(candidates, offices, 40);
        var codes = _organisations.ToDictionary(o => o.Value, o => o.Key);
        foreach (var (victim, index) in victims.Select((v, i) => (v, i)).Where(x => x.i % 2 == 0))
        {
            var officer = _officers.FirstOrDefault(o => o.OrganisationCode == codes[victim.Case.OrganisationId] && o.Role is Role.Investigator or Role.LabourInspector);
            if (officer is null)
            {
                continue;
            }
            var exploitation = victim.ExploitationForms.Contains(ExploitationForm.SexualExploitation) ? Exploitation.Sexual : Exploitation.Labour;
            var age = PresumptionOfMinority.Decide(victim.Person.ParsedBirthDate, victim.AgeWhenTrafficked, ScreenVictim.EventDate(victim.Case, DateOnly.FromDateTime(_now)));
            if (!screening.Catalogue.HasList(age.Population, exploitation))
            {
                continue;
            }
            var at = _now.AddDays(-random.Next(5, 300));
            var assessment = new VictimAssessment(victim, age, exploitation, screening, officer.Id, officer.Username, at);
            var (yes, unknown) = Answers(screening.Catalogue.List(age.Population, exploitation), random, strong: index % 7 != 3);
            var stored = new StoredAnswers(yes, unknown, new Dictionary<string, string>(StringComparer.Ordinal));
            var result = screening.Assess(assessment.ToAnswers(stored));
            assessment.Record(stored, result, at.AddMinutes(40));
            if (index % 11 != 5)
            {
                assessment.Complete(at.AddMinutes(45));
            }
            db.Assessments.Add(assessment);
            if (assessment.State == AssessmentState.Completed && victim.TraffickingStatus is { } status && victim.StatusDecidedBy is { } decidedBy)
            {
                db.StatusDecisions.Add(new StatusDecision(victim, status, decidedBy, victim.StatusDecidedByName ?? "FIA", DateOnly.FromDateTime(at.AddDays(2)),
                    result.Indicated ? "Indicators confirmed at interview; account consistent with the events recorded." : "Interview did not show the indicators; status decided on the evidence of the complaint.",
                    assessment.Id, officer.Id, officer.Username, at.AddDays(2)));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Up to <paramref name="each"/> victims of every office, taken in turn, so each office's users meet some.</summary>
    private static List<Cases.CaseParticipant> Interleave(IReadOnlyList<Cases.CaseParticipant> victims, OrganisationId[] offices, int each) =>
        victims.GroupBy(v => v.Case.OrganisationId)
            .SelectMany(g => g.Take(each).Select((v, i) => (Victim: v, Turn: i)))
            .OrderBy(x => x.Turn).ThenBy(x => Array.IndexOf(offices, x.Victim.Case.OrganisationId))
            .Select(x => x.Victim).ToList();

    /// <summary>A plausible interview: in each dimension a few indicators found, more of them when the account is strong.</summary>
    private static (List<string> Yes, List<string> Unknown) Answers(IReadOnlyList<Indicator> list, Random random, bool strong)
    {
        var yes = new List<string>();
        var unknown = new List<string>();
        foreach (var dimension in list.GroupBy(i => i.Dimension))
        {
            var counted = dimension.Where(i => i.Strength != IndicatorStrength.Unverified).ToList();
            var pool = counted.Count > 0 ? counted : dimension.ToList();
            var found = random.NextDouble() < (strong ? 0.75 : 0.3) ? random.Next(1, 4) : 0;
            foreach (var indicator in pool.OrderBy(_ => random.Next()).Take(found))
            {
                yes.Add(indicator.Reference);
            }
            var doubtful = dimension.Where(i => !yes.Contains(i.Reference)).OrderBy(_ => random.Next()).FirstOrDefault();
            if (doubtful is not null && random.NextDouble() < 0.3)
            {
                unknown.Add(doubtful.Reference);
            }
        }
        return (yes, unknown);
    }
}
