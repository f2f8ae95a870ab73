using Lantern.Core.Common;
using Lantern.Core.Features.Referrals;
using static Lantern.Core.Tests.Features.Referrals.ReferralBuilders;

namespace Lantern.Core.Tests.Features.Referrals;

public sealed class ReferralLifecycleTests
{
    private static readonly HashSet<(ReferralState, ReferralState)> Valid =
    [
        (ReferralState.Draft, ReferralState.Sent),
        (ReferralState.Draft, ReferralState.Withdrawn),
        (ReferralState.Sent, ReferralState.Accepted),
        (ReferralState.Sent, ReferralState.Declined),
        (ReferralState.Sent, ReferralState.Withdrawn),
        (ReferralState.Accepted, ReferralState.InProgress),
        (ReferralState.Accepted, ReferralState.Withdrawn),
        (ReferralState.InProgress, ReferralState.Completed),
        (ReferralState.InProgress, ReferralState.Withdrawn),
    ];

    public static TheoryData<ReferralState, ReferralState> EveryPair()
    {
        var data = new TheoryData<ReferralState, ReferralState>();
        foreach (var from in Enum.GetValues<ReferralState>())
        {
            foreach (var to in Enum.GetValues<ReferralState>().Where(s => s != ReferralState.Draft))
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Move_FromEachStateToEachOther_SucceedsExactlyWhenAllowed(ReferralState from, ReferralState to)
    {
        var referral = InState(from);
        var historyBefore = referral.History.Count;
        if (Valid.Contains((from, to)))
        {
            Move(referral, to);
            Assert.Equal(to, referral.State);
            Assert.Equal(historyBefore + 1, referral.History.Count);
            Assert.Equal(to, referral.History[^1].State);
        }
        else
        {
            var e = Assert.Throws<ConflictException>(() => Move(referral, to));
            Assert.Equal("state", e.Field);
            Assert.Contains($"from {from} to {to}", e.Message, StringComparison.Ordinal);
            Assert.Equal(from, referral.State);
            Assert.Equal(historyBefore, referral.History.Count);
        }
    }

    [Fact]
    public void CanMove_Table_MatchesTheDocumentedTransitions()
    {
        foreach (var from in Enum.GetValues<ReferralState>())
        {
            foreach (var to in Enum.GetValues<ReferralState>())
            {
                Assert.Equal(Valid.Contains((from, to)), Referral.CanMove(from, to));
            }
        }
    }

    [Fact]
    public void History_RecordsWhoAndWhen_ForEveryStep()
    {
        var r = InState(ReferralState.Completed);
        Assert.Equal([ReferralState.Draft, ReferralState.Sent, ReferralState.Accepted, ReferralState.InProgress, ReferralState.Completed], r.History.Select(h => h.State));
        Assert.Equal(Sender.Username, r.History[1].Username);
        Assert.Equal(Receiver.OrganisationId, r.History[2].OrganisationId);
        Assert.True(r.History.Zip(r.History.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public void Send_WithoutConsentOrOverrideReason_IsRefused()
    {
        var r = Draft();
        var e = Assert.Throws<ValidationException>(() => r.Send(null, null, Disclosure(DataCategory.Identity), 48, Sender, Now));
        Assert.Equal("consent", e.Field);
        Assert.Equal(ReferralState.Draft, r.State);
    }

    [Fact]
    public void Send_WithOverrideReason_IsFlaggedOnTheReferral()
    {
        var r = Draft();
        r.Send(null, "Unconscious; needs surgery now.", Disclosure(DataCategory.Identity), 48, Sender, Now);
        Assert.True(r.ConsentOverridden);
        Assert.Null(r.ConsentId);
    }

    [Fact]
    public void Send_CopiesOnlyTheFieldsOfDisclosedCategories()
    {
        var r = Draft();
        r.Send(ConsentId.New(), null, Disclosure(DataCategory.Contact), 48, Sender, Now);
        Assert.Null(r.VictimName);
        Assert.Null(r.VictimBirthDate);
        Assert.Null(r.CaseSummary);
        Assert.Null(r.ExploitationDetails);
        Assert.Equal("+923001112233", r.VictimPhone);
        Assert.Equal([DataCategory.Contact], r.DisclosedCategories);
    }

    [Fact]
    public void ConsentWithdrawn_ErasesTheDisclosure_AndIsShownFromThenOn()
    {
        var r = InState(ReferralState.Accepted);
        Assert.Equal("Nargis Akhtar", r.VictimName);
        r.ConsentWithdrawn(Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), r.ConsentWithdrawnAt);
        Assert.Null(r.VictimName);
        Assert.Null(r.VictimPhone);
        Assert.Null(r.MedicalNeeds);
        Assert.Empty(r.DisclosedCategories);
        Assert.Equal(ReferralState.Accepted, r.State);
    }

    [Fact]
    public void IsOverdue_OnlyWhenSentAndPastTheDeadline()
    {
        var r = Draft();
        r.Send(ConsentId.New(), null, Disclosure(), 48, Sender, Now);
        Assert.Equal(Now.AddHours(48), r.DeadlineAt);
        Assert.False(r.IsOverdue(Now.AddHours(48)));
        Assert.True(r.IsOverdue(Now.AddHours(48).AddMinutes(1)));
        r.Accept(Receiver, Now.AddHours(50));
        Assert.False(r.IsOverdue(Now.AddHours(60)));
        Assert.False(Draft().IsOverdue(Now.AddDays(30)));
    }

    [Fact]
    public void EnsureAccepts_ChildAtAServiceForAdults_IsRefusedNamingTheService()
    {
        var adultsOnly = Service(children: false);
        var e = Assert.Throws<ValidationException>(() => adultsOnly.EnsureAccepts(child: true, Gender.Feminine));
        Assert.Equal("serviceId", e.Field);
        Assert.Contains("does not accept children", e.Message, StringComparison.Ordinal);
        Service(children: true).EnsureAccepts(child: true, Gender.Masculine);
        Assert.Throws<ValidationException>(() => Service(men: false).EnsureAccepts(child: false, Gender.Masculine));
    }
}
