using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Referrals;

/// <summary>The referral handlers over real SQLite, with the clock under the test's control.</summary>
public sealed class ReferralHandlerTests : IAsyncLifetime
{
    private static readonly string[] IdentityAndContact = ["Identity", "Contact"];

    private CoreHarness _core = null!;
    private Actor _investigatorA = null!;
    private Actor _caseworkerB = null!;
    private OrganisationId _b;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var (a, b) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var police = await add.Handle(CoreHarness.Operator, "Police A", "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var shelter = await add.Handle(CoreHarness.Operator, "Shelter B", "NGO", "PK", "Islamabad", CancellationToken.None);
            return (new OrganisationId(police.Id), new OrganisationId(shelter.Id));
        });
        _b = b;
        _investigatorA = new Actor(UserId.New(), "inv.a", a, Role.Investigator, "test");
        _caseworkerB = new Actor(UserId.New(), "cw.b", b, Role.Caseworker, "test");
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private async Task<Guid> VictimAsync(string? birthDate, int? age)
    {
        var birth = birthDate is null ? "" : $"\"prs_Birthdate\": \"{birthDate}\",";
        var ageField = age is null ? "" : $", \"vic_AgeWhenTrafficked\": {age}";
        var json = $$"""
            { "format": "lantern-case/1", "case": { "reference": "T-{{Guid.NewGuid().ToString("N")[..8]}}", "cas_Status": "Active", "summary": "Recruited for domestic work." },
              "persons": [ { "key": "p1", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhtar", {{birth}} "prs_Gender": "Feminine",
                             "prs_MobilePhone": "+923001112233", "vic_TraffickingStatus": "PossibleVictimOfTrafficking"{{ageField}} } ] }
            """;
        return await Run(async sp =>
        {
            var imported = await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator, new ImportCases.Request([new ImportCases.Source("t.json", json)], "Police A"), CancellationToken.None);
            var view = await sp.GetRequiredService<GetCase.Handler>().Handle(CoreHarness.Operator, new CaseId(imported.Cases[0].Id), CancellationToken.None);
            return view.People[0].ParticipantId;
        });
    }

    private Task<ServiceView> ServiceAsync(string type = "Shelter", int? hours = null, bool children = true) => Run(sp =>
        sp.GetRequiredService<ManageServices.AddHandler>().Handle(CoreHarness.Operator,
            new ServiceInput(type, "B " + type, "Islamabad Capital Territory", "Islamabad", 10, 3, ["ur"], children, true, true, hours, null, null, null, null), CancellationToken.None, _b));

    private Task<Guid> ConsentAsync(Guid victim, string type, string[] categories, string? guardian = null) => Run(sp =>
        sp.GetRequiredService<RecordConsent.Handler>().Handle(_investigatorA, victim,
            new RecordConsent.Request("ur", null, [new RecordConsent.Grant(type, null, categories)], guardian, guardian is null ? null : "Mother"), CancellationToken.None));

    private async Task<ReferralId> DraftAsync(Guid victim, Guid service) => new((await Run(sp =>
        sp.GetRequiredService<CreateReferral.Handler>().Handle(_investigatorA, new CreateReferral.Request(victim, service, null, "Shelter please.", "Injured hand.", ["Identity", "Contact", "MedicalNeeds"]), CancellationToken.None))).Id);

    private Task<ReferralView> SendAsync(ReferralId id) => Run(sp => sp.GetRequiredService<SendReferral.Handler>().Handle(_investigatorA, id, new SendReferral.Request(), CancellationToken.None));

    private Task<IReadOnlyList<OverdueReferral>> OverdueAsync(Actor actor) => Run(sp => sp.GetRequiredService<ListOverdueReferrals.Handler>().Handle(actor, new ListOverdueReferrals.Request(), CancellationToken.None));

    [Fact]
    public async Task Overdue_OnlyOnceTheTypeDefaultOf48HoursHasPassed_ForBothOrganisations()
    {
        var victim = await VictimAsync("1990-01-01", 30);
        var service = await ServiceAsync();
        await ConsentAsync(victim, "Shelter", IdentityAndContact);
        var id = await DraftAsync(victim, service.Id);
        var sent = await SendAsync(id);
        Assert.Equal(_core.Clock.GetUtcNow().UtcDateTime.AddHours(48), sent.DeadlineAt);

        _core.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Empty(await OverdueAsync(_caseworkerB));
        _core.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(id.Value, Assert.Single(await OverdueAsync(_caseworkerB)).Id);
        var forSender = Assert.Single(await OverdueAsync(_investigatorA));
        Assert.Equal(1, forSender.HoursOverdue);
        var board = await Run(sp => sp.GetRequiredService<ListReferrals.Handler>().Handle(_caseworkerB, new ListReferrals.Request(), CancellationToken.None));
        Assert.True(Assert.Single(board.Incoming).Overdue);

        await Run(sp => sp.GetRequiredService<AnswerReferral.Handler>().AcceptAsync(_caseworkerB, id, CancellationToken.None));
        Assert.Empty(await OverdueAsync(_investigatorA));
    }

    [Fact]
    public async Task Deadline_UsesTheServiceOwnHours_ElseTheTypeDefaultKeptAsData()
    {
        var victim = await VictimAsync("1990-01-01", 30);
        var ownHours = await ServiceAsync("LegalAid", hours: 12);
        var typeDefault = await ServiceAsync("MedicalCare");
        Assert.Equal(12, ownHours.ResponseHours);
        await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var setting = await db.ServiceTypeSettings.SingleAsync(s => s.Type == ServiceType.MedicalCare);
            setting.ChangeResponseHours(6);
            return await db.SaveChangesAsync();
        });
        await Run(sp => sp.GetRequiredService<RecordConsent.Handler>().Handle(_investigatorA, victim,
            new RecordConsent.Request("ur", null, [new RecordConsent.Grant("LegalAid", null, IdentityAndContact), new RecordConsent.Grant("MedicalCare", null, IdentityAndContact)]), CancellationToken.None));
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now.AddHours(12), (await SendAsync(await DraftAsync(victim, ownHours.Id))).DeadlineAt);
        Assert.Equal(now.AddHours(6), (await SendAsync(await DraftAsync(victim, typeDefault.Id))).DeadlineAt);
    }

    [Fact]
    public async Task WithdrawConsent_ErasesTheStoredDisclosure_WhichWasEncryptedAtRest()
    {
        var victim = await VictimAsync("1990-01-01", 30);
        var service = await ServiceAsync();
        await ConsentAsync(victim, "Shelter", IdentityAndContact);
        var id = await DraftAsync(victim, service.Id);
        await SendAsync(id);
        Assert.StartsWith("v1:", await RawAsync(id, "VictimName"), StringComparison.Ordinal);
        Assert.Null(await RawAsync(id, "CaseSummary"));

        var erased = await Run(sp => sp.GetRequiredService<WithdrawConsent.Handler>().Handle(_investigatorA, victim, new WithdrawConsent.Request("Changed her mind."), CancellationToken.None));

        Assert.Equal(1, erased);
        Assert.Null(await RawAsync(id, "VictimName"));
        Assert.Null(await RawAsync(id, "VictimPhone"));
        Assert.Null(await RawAsync(id, "MedicalNeeds"));
        var seen = await Run(sp => sp.GetRequiredService<GetReferral.Handler>().Handle(_caseworkerB, id, CancellationToken.None));
        Assert.NotNull(seen.ConsentWithdrawnAt);
        var again = await Assert.ThrowsAsync<ConflictException>(() => Run(sp => sp.GetRequiredService<WithdrawConsent.Handler>().Handle(_investigatorA, victim, new WithdrawConsent.Request("again"), CancellationToken.None)));
        Assert.Equal("consent", again.Field);
        var next = await DraftAsync(victim, service.Id);
        Assert.Equal("consent", (await Assert.ThrowsAsync<ValidationException>(() => SendAsync(next))).Field);
    }

    [Fact]
    public async Task ChildWithNoAgeKnown_IsPresumedChild_AndNeedsGuardianAndAssessmentBeforeSending()
    {
        var victim = await VictimAsync(null, null);
        var service = await ServiceAsync();
        Assert.Equal("guardianName", (await Assert.ThrowsAsync<ValidationException>(() => ConsentAsync(victim, "Shelter", IdentityAndContact))).Field);
        await ConsentAsync(victim, "Shelter", IdentityAndContact, guardian: "Nasim Bibi");
        var id = await DraftAsync(victim, service.Id);

        Assert.Equal("guardianName", (await Assert.ThrowsAsync<ValidationException>(() => SendAsync(id))).Field);
        await Run(async sp =>
        {
            await sp.GetRequiredService<RecordChildSafeguards.GuardianHandler>().Handle(_investigatorA, victim, new RecordChildSafeguards.GuardianRequest(null, null, "Parents untraced; the Child Protection Unit acts for her."), CancellationToken.None);
            return 0;
        });
        Assert.Equal("assessedOn", (await Assert.ThrowsAsync<ValidationException>(() => SendAsync(id))).Field);
        await Run(async sp =>
        {
            await sp.GetRequiredService<RecordChildSafeguards.BestInterestsHandler>().Handle(_investigatorA, victim, new RecordChildSafeguards.BestInterestsRequest(null, "Farah Naz", "Shelter with schooling."), CancellationToken.None);
            return 0;
        });
        var sent = await SendAsync(id);
        Assert.True(sent.IsChild);

        var adultsOnly = await ServiceAsync("PsychosocialSupport", children: false);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => DraftAsync(victim, adultsOnly.Id));
        Assert.Contains("does not accept children", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_CannotReachTheVictimRecord_AndIsAuditedAsDenied()
    {
        var victim = await VictimAsync("1990-01-01", 30);
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetVictimProtection.Handler>().Handle(_caseworkerB, victim, CancellationToken.None)));
        var denied = await Run(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            return db.AuditEntries.CountAsync(e => e.Action == "victim.access-denied" && e.EntityId == victim.ToString());
        });
        Assert.Equal(1, denied);
    }

    private Task<string?> RawAsync(ReferralId id, string column) => Run(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {column} FROM referrals WHERE Id = $id";
        var p = command.CreateParameter();
        p.ParameterName = "$id";
        p.Value = id.Value.ToString().ToUpperInvariant();
        command.Parameters.Add(p);
        return await command.ExecuteScalarAsync() as string;
    });
}
