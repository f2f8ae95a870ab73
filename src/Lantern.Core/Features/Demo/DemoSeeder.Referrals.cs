using Lantern.Core.Common;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The referral mechanism's demo data: services of the demo organisations (Aman Shelter Islamabad's shelter,
/// counselling, legal aid and family tracing; the Punjab Labour Department's rehabilitation of released bonded
/// workers; interpreters at FIA) and referrals of recent victims in every state, one of them overdue and one whose
/// consent was withdrawn. Runs after the cases are saved, with a random generator of its own so the cases stay as they were.
/// </summary>
internal sealed partial class DemoSeeder
{
    private static readonly (string Organisation, ServiceType Type, string Name, string District, string Province, int? Places, int? Free, string[] Languages, bool Children, bool Women, bool Men, string Description)[] ServiceSpecs =
    [
        ("ISB", ServiceType.Shelter, "Aman Shelter — women's and children's shelter", "Islamabad", "Islamabad Capital Territory", 40, 6, ["ur", "pa", "ps", "en"], true, true, false,
            "Safe accommodation, food and schooling for women and girls, and for boys under 12 with their mothers."),
        ("ISB", ServiceType.PsychosocialSupport, "Aman Shelter — trauma counselling", "Islamabad", "Islamabad Capital Territory", null, null, ["ur", "pa", "en"], true, true, true,
            "Individual and group counselling by two psychologists; home visits in Islamabad and Rawalpindi."),
        ("ISB", ServiceType.LegalAid, "Aman Shelter — legal aid desk", "Islamabad", "Islamabad Capital Territory", null, null, ["ur", "en"], true, true, true,
            "Advice on rights, representation of victims at trial, and applications for compensation."),
        ("ISB", ServiceType.FamilyTracing, "Aman Shelter — family tracing and assessment", "Islamabad", "Islamabad Capital Territory", null, null, ["ur", "pa", "ps"], true, true, true,
            "Traces families and assesses whether a return home is safe, before any return."),
        ("FSD", ServiceType.ReturnAndReintegration, "Rehabilitation of released bonded workers", "Faisalabad", "Punjab", 120, 35, ["ur", "pa", "skr"], true, true, true,
            "Release certificates, CNIC registration, and a first grant for families released from kilns and farms."),
        ("FSD", ServiceType.EducationAndLivelihood, "Vocational training for released workers", "Faisalabad", "Punjab", 60, 12, ["ur", "pa"], false, true, true,
            "Three-month courses in tailoring, electrical work and driving, with a stipend."),
        ("KHI", ServiceType.Interpretation, "FIA AHTC Karachi — interpreters", "Karachi", "Sindh", null, null, ["sd", "bal", "bn", "fa"], true, true, true,
            "Sindhi, Balochi, Bengali and Dari interpreters for interviews and hearings."),
        ("LHR", ServiceType.MedicalCare, "Services Hospital Lahore — medico-legal and follow-up care (via FIA AHTC Lahore)", "Lahore", "Punjab", null, null, ["ur", "pa", "en"], true, true, true,
            "Medico-legal examination and follow-up care arranged by the circle's victim-support officer."),
    ];

    /// <summary>Adds the demo services and referrals; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedReferralsAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 1);
        var services = ServiceSpecs.Select(s => new ServiceProvider(_organisations[s.Organisation],
            new ServiceDetails(s.Type, s.Name, s.Province, s.District, s.Places, s.Free, s.Languages, s.Children, s.Women, s.Men, null,
                "Intake desk", "+92 51 " + random.Next(2000000, 9999999), null, s.Description), _now.AddDays(-400))).ToList();
        db.ServiceProviders.AddRange(services);

        var senders = new[] { _organisations["LHR"], _organisations["KHI"], _organisations["FSD"] };
        var candidates = await db.Participants.Include(p => p.Person).Include(p => p.Case)
            .Where(p => p.Role == CaseRole.Victim && senders.Contains(p.Case.OrganisationId) && p.Case.OpenedYear == _lastDay.Year
                && p.Case.Status != CaseStatus.Closed && p.Case.Status != CaseStatus.ClosedReferred)
            .OrderBy(p => p.Case.Reference).ThenBy(p => p.Id).ToListAsync(ct);
        // Every sending office gets its share: take victims of the three offices in turn.
        var victims = Interleave(candidates, senders, 20);
        var receiver = _officers.FirstOrDefault(o => o.OrganisationCode == "ISB");
        // Every state, with the overdue one twice; then more of the common ones.
        ReferralState[] plan =
        [
            ReferralState.Draft, ReferralState.Sent, ReferralState.Sent, ReferralState.Accepted, ReferralState.Declined, ReferralState.InProgress,
            ReferralState.Completed, ReferralState.Withdrawn, ReferralState.InProgress, ReferralState.Completed, ReferralState.Sent, ReferralState.Accepted,
        ];
        var made = 0;
        foreach (var victim in victims.Where((_, i) => i % 5 == 0))
        {
            if (made == plan.Length || receiver is null)
            {
                break;
            }
            var organisationCode = _organisations.First(o => o.Value == victim.Case.OrganisationId).Key;
            var sender = _officers.FirstOrDefault(o => o.OrganisationCode == organisationCode && o.Role is Role.Investigator or Role.LabourInspector);
            if (sender is null)
            {
                continue;
            }
            var child = ChildPresumption.IsChild(victim.Person.ParsedBirthDate, victim.AgeWhenTrafficked, DateOnly.FromDateTime(_now));
            var woman = victim.Person.Gender is Gender.Feminine or Gender.TransgenderFeminine;
            var service = child || woman ? services[0] : services[random.Next(1, 4)];
            if (service.OrganisationId == victim.Case.OrganisationId)
            {
                continue;
            }
            var state = plan[made];
            // The first sent referral is five days old and unanswered: overdue. The other sent ones are recent.
            var created = state == ReferralState.Sent && made != 1
                ? _now.AddHours(-random.Next(1, 20))
                : _now.AddDays(-(made == 1 ? 5 : random.Next(2, 60))).AddHours(-random.Next(0, 8));
            var by = new ReferralActor(sender.Id, sender.Username, victim.Case.OrganisationId);
            var answerer = new ReferralActor(receiver.Id, receiver.Username, service.OrganisationId);

            var guardian = child ? _names.Female[random.Next(_names.Female.Count)].Latin + " Bibi" : null;
            if (child)
            {
                var safeguards = new ChildSafeguards(victim);
                safeguards.RecordGuardian(guardian, "Mother", null, created);
                safeguards.RecordBestInterests(DateOnly.FromDateTime(created), "Child Protection Unit officer",
                    "A return home is not safe while the case is investigated; shelter with schooling and counselling is in the child's best interests.", created);
                db.ChildSafeguards.Add(safeguards);
            }
            var categories = new List<DataCategory> { DataCategory.Identity, DataCategory.Contact, DataCategory.MedicalNeeds };
            var consent = new Consent(victim, sender.Id, sender.Username, random.Next(3) == 0 ? "pa" : "ur", DateOnly.FromDateTime(created),
                [new ConsentGrant.Scope(service.Type, null, categories)], guardian, child ? "Mother" : null,
                "Explained with the help of a female officer; the victim chose the service.", created);
            db.Consents.Add(consent);
            if (random.Next(2) == 0)
            {
                var period = new ReflectionPeriod(victim);
                period.Set(DateOnly.FromDateTime(created).AddDays(-3), ReflectionPeriod.DefaultDays, sender.Username, created);
                db.ReflectionPeriods.Add(period);
            }

            var referral = new Referral(victim, victim.Case.OrganisationId, service, ReferralReason.AdditionalServicesRequired,
                service.Type == ServiceType.Shelter ? "Safe accommodation and counselling while the case is investigated." : "Support during the investigation and trial.",
                random.Next(2) == 0 ? "Bruises on the arms; needs a follow-up check." : null, [DataCategory.Identity, DataCategory.Contact, DataCategory.CaseSummary, DataCategory.MedicalNeeds],
                child, by, created);
            if (state != ReferralState.Draft)
            {
                var p = victim.Person;
                var disclosure = new Disclosure(categories, p.DisplayName, p.NameInOriginalScript, p.BirthDate, p.Gender, p.Citizenships.Length == 0 ? null : p.Citizenships,
                    p.MobilePhone, null, null);
                referral.Send(consent.Id, null, disclosure, ServiceTypeSetting.DefaultResponseHours, by, created.AddMinutes(20));
            }
            var answered = created.AddHours(random.Next(3, 40));
            switch (state)
            {
                case ReferralState.Accepted or ReferralState.InProgress or ReferralState.Completed:
                    referral.Accept(answerer, answered);
                    if (state != ReferralState.Accepted)
                    {
                        referral.Start(answerer, answered.AddHours(random.Next(2, 24)));
                    }
                    if (state == ReferralState.Completed)
                    {
                        referral.Complete(answerer, Min(answered.AddDays(random.Next(10, 40)), _now));
                    }
                    break;
                case ReferralState.Declined:
                    referral.Decline("No place free for the next three weeks; please refer to the Darul Aman.", answerer, answered);
                    break;
                case ReferralState.Withdrawn:
                    referral.Withdraw("The victim's family took her home; the case team follows up there.", by, answered);
                    break;
                default:
                    break;
            }
            if (made == 8)
            {
                consent.Withdraw(sender.Username, "The victim asked that the shelter no longer hold her details.", _now.AddDays(-1));
                referral.ConsentWithdrawn(_now.AddDays(-1));
            }
            db.Referrals.Add(referral);
            made++;
        }
        await db.SaveChangesAsync(ct);
    }
}
