using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Features.People;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The duplicates queue's demo data: one recruiter recorded three times by three offices ("Muhammad Aslam" in a
/// Lahore FIR, "Mohd Aslam" alias "Aslam Butt" in a Karachi complaint with a mistyped CNIC and a new phone, "M. Aslam"
/// in the Islamabad shelter's case with the Lahore phone); the Karachi case is shared with Lahore, so Lahore's
/// reviewers see that pair whole and the shelter's record only as whom to contact. Then the full linking run, so
/// /duplicates is populated. Runs last, with a random generator of its own, so the other demo data stay as they were.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Adds the three cases to <paramref name="db"/> (saved with the first batch of cases); returns how many.</summary>
    public int SeedDuplicateCases(AppDbContext db)
    {
        var random = new Random(Seed + 5);
        var opened = _lastDay.AddDays(-random.Next(30, 60));
        Case Add(string code, string reference, string summary, PersonDetails suspect)
        {
            var @case = new Case(_organisations[code], reference, CaseStatus.Active, opened, summary, _now);
            var person = new Person(_organisations[code], _now);
            person.SetIdentity(suspect, _now);
            _index(person);
            var participant = @case.AddParticipant(person, CaseRole.Suspect, _now);
            participant.SetSuspectContext([RoleInProcess.RecruiterOrIntermediary], null);
            db.Cases.Add(@case);
            return @case;
        }

        Add("LHR", $"AHTC-LHR-{opened.Year}-9001",
            "FIR: an agent in Lahore recruited young men from Gujranwala and Sialkot for construction work in Dubai against advance fees of PKR 450,000 each, then kept their passports and wages on arrival.",
            Details("Muhammad", null, "Aslam", "1979-04-17", Gender.Masculine, "+923004561278", "Lahore", "35202-4417391-5", []));
        var karachi = Add("KHI", $"AHTC-KHI-{opened.Year}-9001",
            "Complaint: fishermen from Ibrahim Hyderi were promised work on boats in Oman by a Lahore agent; on arrival their visas proved false and the crew was held in debt for the cost of travel and food.",
            Details("Mohd", null, "Aslam", "1979-04-17", Gender.Masculine, "+923332094416", "Lahore", "35202-4417319-5", ["Aslam Butt"]));
        Add("ISB", $"ASI-ISB-{opened.Year}-9001",
            "Shelter intake: a boy of fifteen brought from Rawalpindi by the police says an agent he knows as Aslam sahib took his B-Form and his father's advance, and kept him at a workshop for eight months.",
            Details("M. Aslam", null, null, "1979", Gender.Masculine, "+923004561278", "Rawalpindi", null, []));
        karachi.ShareWith(_organisations["LHR"], _now);
        return 3;
    }

    /// <summary>The full linking run over every demo person, so /duplicates is populated; called once all demo data are saved.</summary>
    public static Task LinkDemoPersonsAsync(AppDbContext db, AuditLog audit, TimeProvider clock, Actor actor, CancellationToken ct) =>
        new LinkDatabase.Handler(db, audit, clock).Handle(actor, null, ct);

    private static PersonDetails Details(string first, string? middle, string? second, string? birth, Gender gender, string? phone, string? city, string? cnic, IReadOnlyList<string> aliases) =>
        new(first, middle, second, null, aliases, PartialDate.ParseOptional(birth, "birthDate"), gender, [Pk],
            cnic is null ? [] : [new DocumentDetails(DocumentType.CNIC, cnic, Pk)], phone, null, null, null, city, null, null, Pk);
}
