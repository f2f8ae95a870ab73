using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lantern.Core.Features.Referrals;
using Lantern.Integration.Tests.Infrastructure;
using static Lantern.Integration.Tests.Features.Referrals.ReferralScenario;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Referrals;

/// <summary>
/// The referral mechanism through the API: organisation A (police) refers its victims to services of organisation B
/// (an NGO shelter). B works the referral from the disclosure alone and never sees A's case. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class ReferralApiTests(ServerFixture fixture)
{
    private static readonly string[] IdentityOnly = ["Identity"];
    private static readonly string[] IdentityAndContact = ["Identity", "Contact"];
    private static readonly string[] PashtoAndUrdu = ["ps", "ur"];

    private LanternServer Server => fixture.Server;

    [Fact]
    public async Task Receiver_SeesOnlyConsentScopedFields_AndCannotReadTheCase()
    {
        var (caseId, victim, person) = await ImportVictimAsync(Server, AdultVictimCase("REF-SCOPE-" + Unique(), "Nargis", "+923451112233"));
        var shelter = await AddServiceAsync(Server, Server.OrganisationBId);
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Contact", "MedicalNeeds"]));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Identity", "Contact", "MedicalNeeds", "CaseSummary"]);
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"));

        var seen = await GetReferralAsync(Server, CaseworkerB, id);
        Assert.Equal(ReferralState.Sent, seen.State);
        Assert.True(seen.AsReceiver);
        Assert.Equal([DataCategory.Contact, DataCategory.MedicalNeeds], seen.DisclosedCategories);
        Assert.Null(seen.Victim.Name);
        Assert.Null(seen.Victim.BirthDate);
        Assert.Null(seen.Victim.CaseSummary);
        Assert.Equal("+923451112233", seen.Victim.Phone);
        Assert.Equal("Follow-up for an injured hand.", seen.Victim.MedicalNeeds);
        Assert.Null(seen.CaseId);
        Assert.Null(seen.ParticipantId);
        using (var raw = await GetAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}"))
        {
            var body = await raw.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Nargis", body, StringComparison.Ordinal);
            Assert.DoesNotContain(caseId.ToString(), body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Server, CaseworkerB, $"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Server, CaseworkerB, $"/api/v1/persons/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Server, CaseworkerB, $"/api/v1/victims/{victim}/protection")).StatusCode);
        var cases = await Server.GetJsonAsync<JsonObject>(CaseworkerB, "/api/v1/cases?q=Nargis");
        Assert.Equal(0, (int)cases["total"]!);

        // The sender sees the same disclosure, and the way back to its case.
        var sent = await GetReferralAsync(Server, InvestigatorA, id);
        Assert.Equal(caseId, sent.CaseId);
        Assert.Null(sent.Victim.Name);
    }

    [Fact]
    public async Task WithdrawnConsent_HidesDisclosedFields_OnEveryReferral()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-WDR-" + Unique(), "Samina", "+923009998877"));
        var shelter = await AddServiceAsync(Server, Server.OrganisationBId);
        var counselling = await AddServiceAsync(Server, Server.OrganisationBId, "PsychosocialSupport");
        using var consent = await PostAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/consents", new
        {
            language = "pa",
            grants = new object[]
            {
                new { serviceType = "Shelter", categories = IdentityAndContact },
                new { serviceId = counselling, categories = IdentityOnly },
            },
        });
        await EnsureAsync(consent);
        var first = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Identity", "Contact"]);
        var second = await CreateReferralAsync(Server, InvestigatorA, victim, counselling, ["Identity", "Contact"]);
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{first}/send"));
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{second}/send"));
        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{first}/accept"));
        Assert.Equal("Samina Akhtar", (await GetReferralAsync(Server, CaseworkerB, first)).Victim.Name);
        var secondBefore = await GetReferralAsync(Server, CaseworkerB, second);
        Assert.Equal("Samina Akhtar", secondBefore.Victim.Name);
        Assert.Null(secondBefore.Victim.Phone);

        using (var withdraw = await PostAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/consents/withdraw", new { reason = "The victim no longer wants the shelter to hold her details." }))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        foreach (var id in new[] { first, second })
        {
            var after = await GetReferralAsync(Server, CaseworkerB, id);
            Assert.NotNull(after.ConsentWithdrawnAt);
            Assert.Empty(after.DisclosedCategories);
            Assert.Null(after.Victim.Name);
            Assert.Null(after.Victim.Phone);
            Assert.Null(after.Victim.MedicalNeeds);
        }
        var board = await Server.GetJsonAsync<ReferralBoard>(CaseworkerB, "/api/v1/referrals?direction=incoming");
        Assert.Contains(board.Incoming, r => r.Id == first && r.ConsentWithdrawn);

        // Nothing more can be sent on the withdrawn consent.
        var third = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Identity"]);
        using var refused = await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{third}/send");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("consent", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationNotInvolved_GetsNotFound_AndReceiverDoesNotSeeDrafts()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-OUT-" + Unique(), "Kulsoom", "+923331231234"));
        var shelter = await AddServiceAsync(Server, Server.OrganisationBId);
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Identity"]));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Identity"]);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}")).StatusCode);
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}")).StatusCode);

        using var outsider = await OutsiderAsync(Server);
        using var hidden = await outsider.GetAsync(new Uri($"/api/v1/referrals/{id}", UriKind.Relative));
        using var missing = await outsider.GetAsync(new Uri($"/api/v1/referrals/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal((await missing.Content.ReadAsStringAsync()).Split("traceId")[0], (await hidden.Content.ReadAsStringAsync()).Split("traceId")[0]);
        using var accept = await outsider.PostAsync(new Uri($"/api/v1/referrals/{id}/accept", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        var board = await outsider.GetFromJsonAsync<ReferralBoard>(new Uri("/api/v1/referrals", UriKind.Relative), Json.Options);
        Assert.DoesNotContain(board!.Incoming.Concat(board.Outgoing), r => r.Id == id);

        // Each side may only do its own part: the receiver cannot withdraw, the sender cannot accept.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/withdraw", new { reason = "not ours" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/accept")).StatusCode);
    }

    [Fact]
    public async Task InvalidTransition_AnswersProblemJsonNamingBothStates()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-TRN-" + Unique(), "Rubina", "+923214443322"));
        var shelter = await AddServiceAsync(Server, Server.OrganisationBId);
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Contact"]));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Contact"]);
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"));

        using var complete = await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/complete");
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Equal("application/problem+json", complete.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await complete.Content.ReadAsStringAsync())!;
        Assert.Equal("state", (string?)problem["field"]);
        Assert.Contains("from Sent to Completed", (string)problem["detail"]!, StringComparison.Ordinal);

        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/decline", new { reason = "No places for the next month." }));
        using var again = await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/accept");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("from Declined to Accepted", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullLifecycle_KeepsHistoryWithWhoAndWhen()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-LIFE-" + Unique(), "Tahira", "+923115556677"));
        var shelter = await AddServiceAsync(Server, Server.OrganisationBId);
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Identity"]));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, shelter, ["Identity"]);
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"));
        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/accept"));
        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/start"));
        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/complete"));

        var view = await GetReferralAsync(Server, InvestigatorA, id);
        Assert.Equal(ReferralState.Completed, view.State);
        Assert.Equal([ReferralState.Draft, ReferralState.Sent, ReferralState.Accepted, ReferralState.InProgress, ReferralState.Completed], view.History.Select(h => h.State));
        Assert.Equal(LanternServer.Username(InvestigatorA), view.History[1].By);
        Assert.Equal(LanternServer.Username(CaseworkerB), view.History[2].By);
        Assert.Equal(LanternServer.OrganisationB, view.History[4].Organisation);
        Assert.Empty(view.NextStates);
    }

    [Fact]
    public async Task ChildVictim_NeedsGuardianConsentAndAssessment_AndAServiceThatAcceptsChildren()
    {
        // The fixture document's victim was born in 2010-05: a child.
        var (_, victim, _) = await ImportVictimAsync(Server, CaseDocuments.Victim("REF-CHILD-" + Unique()));
        var adultsOnly = await AddServiceAsync(Server, Server.OrganisationBId, children: false);
        var childShelter = await AddServiceAsync(Server, Server.OrganisationBId, children: true);

        using (var wrongService = await PostAsync(Server, InvestigatorA, "/api/v1/referrals", new { participantId = victim, serviceId = adultsOnly, categories = IdentityOnly }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongService.StatusCode);
            Assert.Contains("does not accept children", await wrongService.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var noGuardian = await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Identity"]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noGuardian.StatusCode);
            Assert.Contains("guardian", await noGuardian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "Shelter", ["Identity"], guardian: "Nasim Bibi"));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, childShelter, ["Identity"]);

        using (var early = await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("guardian", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await EnsureAsync(await PutAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/guardian", new { guardianName = "Nasim Bibi", guardianRelation = "Mother" }));
        using (var noAssessment = await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAssessment.StatusCode);
            Assert.Contains("best-interests", await noAssessment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await EnsureAsync(await PutAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/best-interests", new { assessedOn = "2026-01-10", assessedBy = "Farah Naz", summary = "Return home is not safe; shelter with schooling." }));
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"));

        var seen = await GetReferralAsync(Server, CaseworkerB, id);
        Assert.True(seen.IsChild);
        var protection = await Server.GetJsonAsync<VictimProtectionView>(InvestigatorA, $"/api/v1/victims/{victim}/protection");
        Assert.True(protection.IsChild);
        Assert.Empty(protection.MissingBeforeReferral);
        Assert.Equal("Nasim Bibi", protection.CurrentConsent!.GuardianName);
    }

    [Fact]
    public async Task ReferralWithoutConsent_OnlyBySupervisorWithReason_IsFlagged()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-OVR-" + Unique(), "Shagufta", "+923017778899"));
        var medical = await AddServiceAsync(Server, Server.OrganisationBId, "MedicalCare");
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, medical, ["Identity", "MedicalNeeds"]);

        using (var noConsent = await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        }
        using (var notSupervisor = await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send-without-consent", new { reason = "Unconscious after a beating; needs surgery now." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notSupervisor.StatusCode);
        }
        await EnsureAsync(await PostAsync(Server, AdministratorA, $"/api/v1/referrals/{id}/send-without-consent", new { reason = "Unconscious after a beating; needs surgery now." }));

        var seen = await GetReferralAsync(Server, CaseworkerB, id);
        Assert.True(seen.ConsentOverridden);
        Assert.Null(seen.ConsentOverrideReason);
        Assert.Equal("Shagufta Akhtar", seen.Victim.Name);
        var sender = await GetReferralAsync(Server, InvestigatorA, id);
        Assert.Equal("Unconscious after a beating; needs surgery now.", sender.ConsentOverrideReason);
        var audit = await Server.GetJsonAsync<JsonObject>(AuditorA, $"/api/v1/audit?action=referral.consent-override&entityId={id}");
        Assert.Equal(1, (int)audit["total"]!);
    }

    [Fact]
    public async Task OverdueReferral_IsFirstOnBothBoards_InTheDailyList_AndFromTheCli()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-LATE-" + Unique(), "Fozia", "+923122223344"));
        var legal = await AddServiceAsync(Server, Server.OrganisationBId, "LegalAid", responseHours: 24);
        await EnsureAsync(await RecordConsentAsync(Server, InvestigatorA, victim, "LegalAid", ["Identity"]));
        var id = await CreateReferralAsync(Server, InvestigatorA, victim, legal, ["Identity"]);
        var sent = await (await PostAsync(Server, InvestigatorA, $"/api/v1/referrals/{id}/send")).Content.ReadFromJsonAsync<ReferralView>(Json.Options);
        Assert.Equal(sent!.SentAt!.Value.AddHours(24), sent.DeadlineAt);
        Assert.False(sent.Overdue);

        await MakeOverdueAsync(Server, id);

        var outgoing = await Server.GetJsonAsync<ReferralBoard>(InvestigatorA, "/api/v1/referrals?direction=outgoing");
        Assert.True(outgoing.Outgoing[0].Overdue);
        Assert.Contains(outgoing.Outgoing.TakeWhile(r => r.Overdue), r => r.Id == id);
        var incoming = await Server.GetJsonAsync<ReferralBoard>(CaseworkerB, "/api/v1/referrals?direction=incoming");
        Assert.Contains(incoming.Incoming.TakeWhile(r => r.Overdue), r => r.Id == id);
        var daily = await Server.GetJsonAsync<List<OverdueReferral>>(CaseworkerB, "/api/v1/referrals/overdue");
        var line = Assert.Single(daily, r => r.Id == id);
        Assert.True(line.HoursOverdue >= 4);

        var cli = await Infrastructure.Cli.RunAsync(Server.Database, null, "referrals", "overdue", "--organisation", LanternServer.OrganisationB);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Contains(line.Reference, cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("overdue referral(s)", cli.Stderr, StringComparison.Ordinal);

        // Answering takes it off the list.
        await EnsureAsync(await PostAsync(Server, CaseworkerB, $"/api/v1/referrals/{id}/accept"));
        var after = await Server.GetJsonAsync<List<OverdueReferral>>(CaseworkerB, "/api/v1/referrals/overdue");
        Assert.DoesNotContain(after, r => r.Id == id);
    }

    [Fact]
    public async Task ServiceDirectory_FiltersAndOnlyTheOfferingOrganisationManagesItsEntries()
    {
        var unique = Unique();
        using (var created = await PostAsync(Server, AdministratorA, "/api/v1/services", new
        {
            type = "Interpretation",
            name = "Pashto interpreters " + unique,
            province = "Khyber Pakhtunkhwa",
            district = "Peshawar",
            languages = PashtoAndUrdu,
            acceptsChildren = true,
            acceptsWomen = true,
            acceptsMen = true,
            responseHours = 12,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var found = await Server.GetJsonAsync<List<ServiceView>>(CaseworkerB, $"/api/v1/services?type=Interpretation&language=ps&district=Peshawar&q={unique.ToLowerInvariant()}");
        var service = Assert.Single(found);
        Assert.Equal(12, service.ResponseHours);
        Assert.Equal(LanternServer.OrganisationA, service.Organisation);
        Assert.Empty(await Server.GetJsonAsync<List<ServiceView>>(CaseworkerB, $"/api/v1/services?language=sd&q={unique}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(Server, CaseworkerB, $"/api/v1/services/{service.Id}", new { type = "Interpretation", name = "x", province = "x", district = "x", acceptsMen = true })).StatusCode);
        using (var bad = await PostAsync(Server, AdministratorA, "/api/v1/services", new { type = "Spa", name = "x", province = "Sindh", district = "Karachi", acceptsMen = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("type", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["field"]);
        }
        using var client = Server.Client(AdministratorA);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/services/{service.Id}", UriKind.Relative))).StatusCode);
        Assert.Empty(await Server.GetJsonAsync<List<ServiceView>>(CaseworkerB, $"/api/v1/services?q={unique}"));
    }

    [Fact]
    public async Task ReflectionPeriodAndSupportPlan_AreRecordedForTheVictim()
    {
        var (_, victim, _) = await ImportVictimAsync(Server, AdultVictimCase("REF-PLAN-" + Unique(), "Parveen", "+923001010101"));
        var period = await (await PutAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/reflection-period", new { startsOn = "2026-11-01" })).Content.ReadFromJsonAsync<ReflectionPeriodView>(Json.Options);
        Assert.Equal(30, period!.Days);
        Assert.Equal(new DateOnly(2026, 11, 30), period.EndsOn);
        await EnsureAsync(await PutAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/support-plan", new { objectives = "Safe housing; trauma counselling; vocational training.", plannedEnd = "2027-05-01" }));
        using var action = await PostAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/support-plan/actions", new { description = "Enrol in tailoring course", owner = "Aman Shelter", dueOn = "2027-01-15" });
        await EnsureAsync(action);
        var actionId = await action.Content.ReadFromJsonAsync<Guid>();
        await EnsureAsync(await PostAsync(Server, InvestigatorA, $"/api/v1/victims/{victim}/support-plan/actions/{actionId}/done", new { doneOn = "2026-11-20" }));

        var protection = await Server.GetJsonAsync<VictimProtectionView>(InvestigatorA, $"/api/v1/victims/{victim}/protection");
        Assert.Equal(new DateOnly(2026, 11, 30), protection.ReflectionPeriod!.EndsOn);
        Assert.Equal(new DateOnly(2026, 11, 20), Assert.Single(protection.SupportPlan!.Actions).DoneOn);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(Server, CaseworkerB, $"/api/v1/victims/{victim}/support-plan", new { objectives = "x" })).StatusCode);
    }
}

[Collection(SqliteServerGroup.Name)]
public sealed class ReferralApiSqliteTests(SqliteServerFixture fixture) : ReferralApiTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class ReferralApiPostgresTests(PostgresServerFixture fixture) : ReferralApiTests(fixture);
