using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Lantern.Core.Features.Tips;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The tip line's demo data: a dozen synthetic tips to FIA AHTC Lahore (the default hotline organisation, the first
/// law-enforcement office) from the public form and phone calls, and three calls taken by FIA AHTC Karachi: a brick
/// kiln with bonded families, a child in domestic servitude, visa fraud for Gulf jobs, a missing girl... Some are
/// triaged, one is urgent with a child at immediate risk (its alert waits for the supervisor), one became a case.
/// </summary>
internal sealed partial class DemoSeeder
{
    private static readonly (string Office, TipChannel Channel, double HoursAgo, string What, TipProvince Province, string? District, string? Place, string? When, ChildrenAtRisk Children, int? People, string? Contact, string Triage)[] TipSpecs =
    [
        ("LHR", TipChannel.Web, 3, "Families are kept at a brick kiln and not allowed to leave until they repay a peshgi advance. The owner's men beat a man who tried to go to his village. Children as young as eight make bricks.",
            TipProvince.Punjab, "Kasur", "Kiln on the road to Raiwind", "For months, still now", ChildrenAtRisk.Yes, 40, null, "new"),
        ("LHR", TipChannel.Web, 1.5, "A girl of about ten works in the house next to ours from early morning till night. She does not go to school and I heard her being beaten yesterday. She says her parents are in Muzaffargarh.",
            TipProvince.Punjab, "Lahore", "DHA Phase 5, house near the park", "Yesterday evening", ChildrenAtRisk.ImmediateDanger, 1, null, "alert"),
        ("LHR", TipChannel.Phone, 30, "Caller paid an agent 900,000 rupees for a work visa to Saudi Arabia for his son. The visa was a visit visa; the son is now without pay and his passport was taken by the employer.",
            TipProvince.Punjab, "Gujranwala", "Agent's office near the Sialkot bypass", "Son left in March", ChildrenAtRisk.No, 1, "Father, mobile 0300-1234567 (synthetic)", "assigned"),
        ("LHR", TipChannel.Web, 52, "My cousin, 15, left home with a woman who promised a job in a beauty salon in Lahore. Her phone has been off for four days.",
            TipProvince.Punjab, "Sheikhupura", "Left from Ferozewala bus stop", "Four days ago", ChildrenAtRisk.Yes, 1, "Cousin, will answer on 0321-7654321 (synthetic)", "case"),
        ("LHR", TipChannel.Web, 80, "An agent in our village is collecting money from young men for jobs in Dubai construction and says the visas come in a week. Two earlier groups are stuck there without work.",
            TipProvince.Punjab, "Mandi Bahauddin", "Village near Phalia", "This month", ChildrenAtRisk.No, 12, null, "urgent"),
        ("LHR", TipChannel.Phone, 120, "Caller says a carpet workshop keeps boys from Afghanistan who sleep in the workshop and are never paid.",
            TipProvince.Punjab, "Lahore", "Shah Alam market area", "Seen last week", ChildrenAtRisk.Yes, 6, null, "assigned"),
        ("LHR", TipChannel.Web, 200, "Saw an advertisement for free education in a madrassa abroad for children, parents must pay for the travel. Looks suspicious.",
            TipProvince.DontKnow, null, "Online advertisement", "This week", ChildrenAtRisk.DontKnow, null, null, "closed"),
        ("LHR", TipChannel.Web, 6, "Women brought from Bangladesh are kept in a flat and taken out at night. The flat is always locked from outside.",
            TipProvince.Punjab, "Lahore", "Flat above shops near Liberty", "Every night", ChildrenAtRisk.DontKnow, 5, null, "new"),
        ("LHR", TipChannel.Web, 20, "A farm owner holds the CNICs of the sharecroppers' families and says they owe him for seed and fertiliser from three years.",
            TipProvince.Punjab, "Rahim Yar Khan", "Farm outside Sadiqabad", "Three years", ChildrenAtRisk.Yes, 25, null, "new"),
        ("KHI", TipChannel.Phone, 10, "Caller's brother was taken by boat towards Iran by smugglers who now ask the family for more money to release him.",
            TipProvince.Balochistan, "Gwadar", "Jiwani coast", "Last week", ChildrenAtRisk.No, 1, "Sister, call back on 0333-1112223 (synthetic)", "assigned"),
        ("KHI", TipChannel.Phone, 40, "A girl of thirteen is to be married to an older man from another province in exchange for money; the family is in debt.",
            TipProvince.Sindh, "Thatta", "Village near Makli", "Wedding planned next Friday", ChildrenAtRisk.ImmediateDanger, 1, null, "urgent"),
        ("KHI", TipChannel.Phone, 70, "Fishermen's boys are made to work on trawlers for weeks without pay to repay their fathers' loans.",
            TipProvince.Sindh, "Karachi", "Ibrahim Hyderi harbour", "Ongoing", ChildrenAtRisk.Yes, 10, null, "new"),
    ];

    /// <summary>Adds the demo tips; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedTipsAsync(AppDbContext db, CancellationToken ct)
    {
        // The phrases of demo tips are never shown, so one hash of an unknown phrase serves them all (a hash costs ~0.3 s).
        var phraseHash = TipPhrase.Hash(TipPhrase.New());
        foreach (var s in TipSpecs)
        {
            var organisation = _organisations[s.Office];
            var received = _now.AddHours(-s.HoursAgo);
            var officer = _officers.FirstOrDefault(o => o.OrganisationCode == s.Office && o.Role == Role.Investigator)
                ?? _officers.First(o => o.OrganisationCode == s.Office);
            var call = s.Channel == TipChannel.Phone ? new TipCall(received, 6 + (int)(s.HoursAgo % 14), s.Office == "KHI" ? "sd" : "ur") : null;
            var tip = new Tip(organisation, s.Channel, TipBucket.Queue, new TipReport(s.What, s.Province, s.District, s.Place, s.When, s.Children, s.People, s.Contact),
                phraseHash, call, call is null ? null : officer.Username, received);
            var triaged = received.AddMinutes(20 + s.HoursAgo * 3);
            switch (s.Triage)
            {
                case "assigned":
                    tip.Assign(officer.Id, officer.Username, triaged);
                    break;
                case "urgent":
                    tip.Assign(officer.Id, officer.Username, triaged);
                    tip.MarkUrgent(true, s.Children == ChildrenAtRisk.ImmediateDanger, triaged);
                    break;
                case "closed":
                    tip.Close(TipCloseReason.InsufficientInformation, "No place or name to follow up; advertisement passed to the cyber crime wing.", triaged);
                    break;
                case "case":
                    tip.Assign(officer.Id, officer.Username, triaged);
                    var prefill = OpenCaseFromTip.Prefill(tip, triaged);
                    // The office's own reference series (9101 on: clear of the planned cases and the duplicates story's 9001).
                    var reference = string.Create(CultureInfo.InvariantCulture, $"{DemoCatalogue.Organisations.Single(o => o.Code == s.Office).ReferencePrefix}-{triaged.Year}-9101");
                    var @case = new Case(organisation, reference, CaseStatus.Active, DateOnly.FromDateTime(triaged), prefill.Summary, triaged);
                    @case.Assign(officer.Id, triaged);
                    // The girl, as the officer typed her name from the cousin's call: in Urdu script only. Lantern keeps
                    // it as typed and shows the automatic Latin spelling beside it (ADR 0023).
                    var girl = new Person(organisation, triaged);
                    girl.SetIdentity(new PersonDetails("ثمینہ", null, "کوثر", null, [], PartialDate.Parse((triaged.Year - 15).ToString(CultureInfo.InvariantCulture), "birthDate"),
                        Gender.Feminine, [Pk], [], null, null, null, null, "Sheikhupura", "Punjab", null, Pk), triaged);
                    _index(girl);
                    // A presumed victim as the tip describes her: recruited at 15 by a false promise of work; the form of
                    // exploitation is what the officers fear, not yet established ("Other" until the interview).
                    @case.AddParticipant(girl, CaseRole.Victim, triaged).SetVictimContext(new VictimContext(TraffickingStatus.PossibleVictimOfTrafficking, null, null,
                        [ExploitationForm.Other], null, [MethodOfControl.FalsePromises], RelationshipToTrafficker.Acquainted, 15));
                    db.Cases.Add(@case);
                    tip.LinkTo(@case.Id, triaged);
                    tip.Close(TipCloseReason.CaseOpened, null, triaged.AddHours(2));
                    break;
                case "alert":
                    db.TipAlerts.Add(new TipAlert(tip, null, received));
                    break;
                default:
                    break;
            }
            db.Tips.Add(tip);
        }
        await db.SaveChangesAsync(ct);
    }
}
