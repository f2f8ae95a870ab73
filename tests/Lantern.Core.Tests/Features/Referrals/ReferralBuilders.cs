using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Lantern.Core.Features.Referrals;

namespace Lantern.Core.Tests.Features.Referrals;

/// <summary>Test-data builders for the referral aggregate and what it hangs on.</summary>
internal static class ReferralBuilders
{
    public static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    public static readonly OrganisationId Police = OrganisationId.New();
    public static readonly OrganisationId Shelter = OrganisationId.New();
    public static readonly ReferralActor Sender = new(UserId.New(), "investigator", Police);
    public static readonly ReferralActor Receiver = new(UserId.New(), "caseworker", Shelter);

    public static CaseParticipant Victim(string? birthDate = "1994-02", int? age = 29)
    {
        var @case = new Case(Police, "TEST-" + Guid.NewGuid().ToString("N")[..6], CaseStatus.Active, null, "A summary.", Now);
        var person = new Person(Police, Now);
        person.SetIdentity(new PersonDetails("Nargis", null, "Akhtar", null, [], PartialDate.ParseOptional(birthDate, "b"), Gender.Feminine, [], [], "+923001112233",
            null, null, null, null, null, null, null), Now);
        var victim = @case.AddParticipant(person, CaseRole.Victim, Now);
        victim.SetVictimContext(VictimContext.Empty with { AgeWhenTrafficked = age });
        return victim;
    }

    public static ServiceProvider Service(ServiceType type = ServiceType.Shelter, bool children = true, bool women = true, bool men = false, int? hours = null) =>
        new(Shelter, new ServiceDetails(type, "Test " + type, "Punjab", "Lahore", 10, 2, ["ur"], children, women, men, hours, null, null, null, null), Now);

    public static Disclosure Disclosure(params DataCategory[] categories) =>
        new(categories, "Nargis Akhtar", null, "1994-02", Gender.Feminine, "PK", "+923001112233", "A summary.", "Forms of exploitation: ForcedLabour.");

    public static Referral Draft(ServiceProvider? service = null) =>
        new(Victim(), Police, service ?? Service(), ReferralReason.AdditionalServicesRequired, "Shelter please.", "Injured hand.",
            [DataCategory.Identity, DataCategory.Contact, DataCategory.MedicalNeeds], child: false, Sender, Now);

    /// <summary>A referral brought to <paramref name="state"/> by the shortest valid path.</summary>
    public static Referral InState(ReferralState state)
    {
        var r = Draft();
        var t = Now;
        void Send() => r.Send(ConsentId.New(), null, Disclosure(DataCategory.Identity, DataCategory.Contact), 48, Sender, t = t.AddMinutes(1));
        switch (state)
        {
            case ReferralState.Draft:
                break;
            case ReferralState.Sent:
                Send();
                break;
            case ReferralState.Accepted:
                Send();
                r.Accept(Receiver, t.AddMinutes(1));
                break;
            case ReferralState.Declined:
                Send();
                r.Decline("No places.", Receiver, t.AddMinutes(1));
                break;
            case ReferralState.InProgress:
                Send();
                r.Accept(Receiver, t.AddMinutes(1));
                r.Start(Receiver, t.AddMinutes(2));
                break;
            case ReferralState.Completed:
                Send();
                r.Accept(Receiver, t.AddMinutes(1));
                r.Start(Receiver, t.AddMinutes(2));
                r.Complete(Receiver, t.AddMinutes(3));
                break;
            case ReferralState.Withdrawn:
                r.Withdraw("Family took her home.", Sender, t.AddMinutes(1));
                break;
        }
        Assert.Equal(state, r.State);
        return r;
    }

    /// <summary>Attempts the move to <paramref name="to"/> with the intention-revealing method that leads there.</summary>
    public static void Move(Referral r, ReferralState to)
    {
        var at = Now.AddHours(1);
        switch (to)
        {
            case ReferralState.Draft:
                throw new InvalidOperationException("No method leads back to a draft.");
            case ReferralState.Sent:
                r.Send(ConsentId.New(), null, Disclosure(DataCategory.Identity), 48, Sender, at);
                break;
            case ReferralState.Accepted:
                r.Accept(Receiver, at);
                break;
            case ReferralState.Declined:
                r.Decline("No places.", Receiver, at);
                break;
            case ReferralState.InProgress:
                r.Start(Receiver, at);
                break;
            case ReferralState.Completed:
                r.Complete(Receiver, at);
                break;
            case ReferralState.Withdrawn:
                r.Withdraw("Withdrawn.", Sender, at);
                break;
        }
    }
}
