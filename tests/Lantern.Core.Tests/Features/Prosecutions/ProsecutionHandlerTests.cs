using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Prosecutions;

/// <summary>The prosecution handlers over real SQLite: authorisation by role, witness pseudonyms in court documents, deadlines, timeline.</summary>
public sealed class ProsecutionHandlerTests : IAsyncLifetime
{
    private const string VictimName = "Nargis Akhtar";

    private CoreHarness _core = null!;
    private Actor _investigator = null!;
    private Actor _prosecutor = null!;
    private Actor _caseworker = null!;
    private Actor _analyst = null!;
    private Actor _supervisor = null!;
    private Actor _otherInvestigator = null!;
    private CaseId _case;
    private Guid _accused;
    private Guid _victim;

    private DateOnly Today => DateOnly.FromDateTime(_core.Clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var (a, b) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var police = await add.Handle(CoreHarness.Operator, "FIA AHTC Lahore", "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var other = await add.Handle(CoreHarness.Operator, "Police Karachi", "LawEnforcement", "PK", "Karachi", CancellationToken.None);
            return (new OrganisationId(police.Id), new OrganisationId(other.Id));
        });
        _investigator = await UserAsync("inv.a", a, Role.Investigator);
        _prosecutor = await UserAsync("pros.a", a, Role.Prosecutor);
        _caseworker = await UserAsync("cw.a", a, Role.Caseworker);
        _analyst = await UserAsync("an.a", a, Role.Analyst);
        _supervisor = await UserAsync("admin.a", a, Role.Administrator);
        _otherInvestigator = await UserAsync("inv.b", b, Role.Investigator);
        var json = """
            { "format": "lantern-case/1", "case": { "reference": "AHTC-LHR-2026-7", "cas_Status": "Active", "summary": "Recruited for domestic work abroad." },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhtar", "prs_Gender": "Feminine" },
                           { "key": "s", "role": "suspect", "prs_FirstName": "Tariq", "prs_SecondName": "Mehmood", "prs_Gender": "Masculine" } ] }
            """;
        (_case, _victim, _accused) = await Run(async sp =>
        {
            var imported = await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator, new ImportCases.Request([new ImportCases.Source("t.json", json)], "FIA AHTC Lahore"), CancellationToken.None);
            var id = new CaseId(imported.Cases[0].Id);
            var view = await sp.GetRequiredService<GetCase.Handler>().Handle(CoreHarness.Operator, id, CancellationToken.None);
            return (id, view.People.Single(p => p.Role == "victim").ParticipantId, view.People.Single(p => p.Role == "suspect").ParticipantId);
        });
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private Task<Actor> UserAsync(string name, OrganisationId organisation, Role role) => Run(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var user = new User(name, organisation, role, "not-a-real-hash", isDemo: false, _core.Clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Actor(user.Id, name, organisation, role, "test");
    });

    private Task<RecordStage.Response> StageAsync(Actor actor, string stage, DateOnly on, RecordStage.Request? details = null) => Run(sp =>
        sp.GetRequiredService<RecordStage.Handler>().Handle(actor, _case, (details ?? new RecordStage.Request(stage, on)) with { Stage = stage, StartedOn = on }, CancellationToken.None));

    private async Task ToTrialAsync()
    {
        await StageAsync(_investigator, "ComplaintReceived", Today.AddDays(-90));
        await StageAsync(_investigator, "FirRegistered", Today.AddDays(-80), new RecordStage.Request(null, null, FirNumber: "12/2026", PoliceStation: "AHTC Lahore", ResponsibleUserId: _investigator.UserId.Value));
        await StageAsync(_investigator, "Investigation", Today.AddDays(-79));
        await StageAsync(_investigator, "FinalReport", Today.AddDays(-60));
        await StageAsync(_prosecutor, "Trial", Today.AddDays(-30), new RecordStage.Request(null, null, Court: "Judicial Magistrate Lahore", CourtCaseNumber: "77/2026"));
    }

    [Fact]
    public async Task RecordStage_InvestigatorAfterChallan_IsForbidden_ProsecutorMayRecordTrial()
    {
        await StageAsync(_investigator, "ComplaintReceived", Today.AddDays(-90));
        await StageAsync(_investigator, "FirRegistered", Today.AddDays(-80), new RecordStage.Request(null, null, FirNumber: "12/2026", PoliceStation: "AHTC Lahore"));
        await StageAsync(_investigator, "Investigation", Today.AddDays(-79));
        await Assert.ThrowsAsync<ForbiddenException>(() => StageAsync(_prosecutor, "FinalReport", Today.AddDays(-60)));
        await StageAsync(_investigator, "FinalReport", Today.AddDays(-60));
        await Assert.ThrowsAsync<ForbiddenException>(() => StageAsync(_investigator, "Trial", Today.AddDays(-30), new RecordStage.Request(null, null, Court: "Judicial Magistrate Lahore")));
        var trial = await StageAsync(_prosecutor, "Trial", Today.AddDays(-30), new RecordStage.Request(null, null, Court: "Judicial Magistrate Lahore"));
        Assert.Equal([ProceedingStage.Judgment], trial.NextStages);
    }

    [Fact]
    public async Task RecordStage_ResponsibleOfficerOfAnotherOrganisation_IsRefused()
    {
        var e = await Assert.ThrowsAsync<ValidationException>(() => StageAsync(_investigator, "ComplaintReceived", Today, new RecordStage.Request(null, null, ResponsibleUserId: _otherInvestigator.UserId.Value)));
        Assert.Equal("responsibleUserId", e.Field);
    }

    [Fact]
    public async Task GetProceeding_OtherOrganisation_IsNotFound_CaseworkerAndAnalyst_AreForbidden()
    {
        await StageAsync(_investigator, "ComplaintReceived", Today);
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetProceeding.Handler>().Handle(_otherInvestigator, _case, CancellationToken.None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<GetProceeding.Handler>().Handle(_caseworker, _case, CancellationToken.None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<GetProceeding.Handler>().Handle(_analyst, _case, CancellationToken.None)));
        var view = await Run(sp => sp.GetRequiredService<GetProceeding.Handler>().Handle(_prosecutor, _case, CancellationToken.None));
        Assert.Single(view.Stages);
    }

    [Fact]
    public async Task ListHearings_Caseworker_SeesDatesButNotWhatHappened()
    {
        await ToTrialAsync();
        var hearing = await Run(sp => sp.GetRequiredService<ScheduleHearing.Handler>().Handle(_prosecutor, _case, new ScheduleHearing.Request(Today.AddDays(-1), null, "Judicial Magistrate Lahore", "ProsecutionEvidence"), CancellationToken.None));
        var recorded = await Run(sp => sp.GetRequiredService<RecordHearing.Handler>().Handle(_prosecutor, _case, hearing.Id,
            new RecordHearing.Request("Victim's statement deferred.", Today.AddDays(6), null, "Defence counsel absent."), CancellationToken.None));
        Assert.Equal(Today.AddDays(6), recorded.Next!.Date);

        var forCaseworker = await Run(sp => sp.GetRequiredService<ListHearings.Handler>().Handle(_caseworker, new ListHearings.Request("organisation", Today.AddDays(-5), Today.AddDays(10)), CancellationToken.None));
        Assert.Equal(2, forCaseworker.Count);
        Assert.All(forCaseworker, h => Assert.Null(h.Proceedings));
        Assert.All(forCaseworker, h => Assert.Null(h.AdjournmentReason));
        var forProsecutor = await Run(sp => sp.GetRequiredService<ListHearings.Handler>().UpcomingAsync(_prosecutor, "organisation", 14, CancellationToken.None));
        Assert.Equal(Today.AddDays(6), Assert.Single(forProsecutor).Date);
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ListHearings.Handler>().Handle(_analyst, new ListHearings.Request("organisation", null, null), CancellationToken.None)));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListHearings.Handler>().Handle(_otherInvestigator, new ListHearings.Request("organisation", Today.AddDays(-5), Today.AddDays(10)), CancellationToken.None)));
    }

    [Fact]
    public async Task PrintWitnessSchedule_ProtectedVictim_AppearsOnlyByPseudonym_EvenWhereParticularsNameHer()
    {
        await ToTrialAsync();
        await Run(sp => sp.GetRequiredService<FrameCharge.Handler>().Handle(_prosecutor, _case,
            new FrameCharge.Request(_accused, "PTPA 2018", "3(2)", new DateOnly(2025, 1, 5), "Recruited Nargis Akhtar by false promise of work in Dubai.", Today.AddDays(-20)), CancellationToken.None));
        var before = await Run(sp => sp.GetRequiredService<PrintWitnessSchedule.Handler>().Handle(_prosecutor, _case, null, CancellationToken.None));
        Assert.Contains(VictimName, before.ToText(), StringComparison.Ordinal);

        await Run(sp => sp.GetRequiredService<ProtectWitness.Handler>().Handle(_prosecutor, _case, _victim,
            new ProtectWitness.Request("Witness A", true, true, false, Today.AddDays(-10), "Order 3/2026"), CancellationToken.None));
        var after = await Run(sp => sp.GetRequiredService<PrintWitnessSchedule.Handler>().Handle(_prosecutor, _case, null, CancellationToken.None));
        var text = after.ToText();
        Assert.DoesNotContain("Nargis", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Akhtar", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Nargis", System.Text.Json.JsonSerializer.Serialize(after), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Witness A", text, StringComparison.Ordinal);
        Assert.Contains("Tariq Mehmood", text, StringComparison.Ordinal);
        Assert.Contains("in camera, screen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameCharge_Caseworker_IsForbidden_AndOutcomeOutsideRange_NeedsAReason()
    {
        await ToTrialAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<FrameCharge.Handler>().Handle(_caseworker, _case,
            new FrameCharge.Request(_accused, "PTPA 2018", "3(2)", new DateOnly(2025, 1, 5), null, null), CancellationToken.None)));
        var charge = await Run(sp => sp.GetRequiredService<FrameCharge.Handler>().Handle(_prosecutor, _case,
            new FrameCharge.Request(_accused, "PTPA 2018", "3(2)", new DateOnly(2025, 1, 5), null, Today.AddDays(-20)), CancellationToken.None));
        Assert.Equal(new DateOnly(2018, 5, 30), charge.VersionEffectiveFrom);
        var e = await Assert.ThrowsAsync<ValidationException>(() => Run(sp => sp.GetRequiredService<RecordOutcome.Handler>().Handle(_prosecutor, _case, charge.Id,
            new RecordOutcome.Request("Convicted", Today, 150, null, null, null), CancellationToken.None)));
        Assert.Equal("imprisonmentMonths", e.Field);
        var done = await Run(sp => sp.GetRequiredService<RecordOutcome.Handler>().Handle(_prosecutor, _case, charge.Id,
            new RecordOutcome.Request("Convicted", Today, 60, 200_000, [new RecordOutcome.Compensation(_victim, 100_000)], null), CancellationToken.None));
        Assert.False(done.SentenceOutsideRange);

        var figures = await Run(sp => sp.GetRequiredService<ProsecutionFigures.Handler>().Handle(_analyst, CancellationToken.None));
        Assert.Equal(1, figures.VictimsWithCompensation);
        Assert.Equal(1.0, Assert.Single(figures.ConvictionRates).Rate);
        Assert.Equal(1, Assert.Single(figures.Funnel).Convictions);
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ProsecutionFigures.Handler>().Handle(_prosecutor, CancellationToken.None)));
    }

    [Fact]
    public async Task ListOverdueDeadlines_ForTheResponsibleOfficerAndTheSupervisor_NotForOthers()
    {
        await StageAsync(_investigator, "FirRegistered", Today.AddDays(-20), new RecordStage.Request(null, null, FirNumber: "12/2026", PoliceStation: "AHTC Lahore", ResponsibleUserId: _investigator.UserId.Value));
        var mine = await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_investigator, CancellationToken.None));
        var item = Assert.Single(mine);
        Assert.Equal("AHTC-LHR-2026-7", item.CaseReference);
        Assert.Equal(3, item.DaysOverdue);
        Assert.Equal("inv.a", item.ResponsibleOfficer);
        Assert.Single(await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_supervisor, CancellationToken.None)));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_prosecutor, CancellationToken.None)));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_otherInvestigator, CancellationToken.None)));

        await StageAsync(_investigator, "Investigation", Today.AddDays(-19));
        await StageAsync(_investigator, "InterimReport", Today);
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_investigator, CancellationToken.None)));
    }

    [Fact]
    public async Task ManageDeadlineRules_OnlyAdministrators_AndAChangedRuleChangesTheDeadline()
    {
        await StageAsync(_investigator, "FirRegistered", Today.AddDays(-20), new RecordStage.Request(null, null, FirNumber: "12/2026", PoliceStation: "AHTC Lahore", ResponsibleUserId: _investigator.UserId.Value));
        var rules = await Run(sp => sp.GetRequiredService<ManageDeadlineRules.Handler>().ListAsync(_investigator, CancellationToken.None));
        var interim = rules.Single(r => r.DueStage == ProceedingStage.InterimReport);
        var input = new ManageDeadlineRules.Input(interim.Name, "FirRegistered", 30, "InterimReport", interim.Basis, interim.Verification, true);
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ManageDeadlineRules.Handler>().UpdateAsync(_investigator, interim.Id, input, CancellationToken.None)));
        await Run(sp => sp.GetRequiredService<ManageDeadlineRules.Handler>().UpdateAsync(_supervisor, interim.Id, input, CancellationToken.None));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(_investigator, CancellationToken.None)));
    }

    [Fact]
    public async Task GetTimeline_OrdersStagesHearingsChargesAndOutcomes_WithDaysPerStage()
    {
        await ToTrialAsync();
        await Run(sp => sp.GetRequiredService<FrameCharge.Handler>().Handle(_prosecutor, _case,
            new FrameCharge.Request(_accused, "PTPA 2018", "3(1)", new DateOnly(2025, 1, 5), null, Today.AddDays(-25)), CancellationToken.None));
        await Run(sp => sp.GetRequiredService<ScheduleHearing.Handler>().Handle(_prosecutor, _case, new ScheduleHearing.Request(Today.AddDays(3), new TimeOnly(10, 30), "Judicial Magistrate Lahore", "Arguments"), CancellationToken.None));
        var timeline = await Run(sp => sp.GetRequiredService<GetTimeline.Handler>().Handle(_prosecutor, _case, CancellationToken.None));
        Assert.Equal(timeline.Items.OrderBy(i => i.Date).Select(i => i.Date), timeline.Items.Select(i => i.Date));
        Assert.Equal(10, timeline.Items.First(i => i.Kind == TimelineKind.Stage && i.Title == "Complaint received").Days);
        Assert.Equal(1, timeline.Items.First(i => i.Kind == TimelineKind.Stage && i.Title == "FIR registered").Days);
        Assert.Contains(timeline.Items, i => i.Kind == TimelineKind.Charge);
        Assert.Equal(TimelineKind.Hearing, timeline.Items[^1].Kind);
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetTimeline.Handler>().Handle(_otherInvestigator, _case, CancellationToken.None)));
    }

    [Fact]
    public async Task Proceeding_FreeTextIsEncryptedAtRest()
    {
        await ToTrialAsync();
        await Run(sp => sp.GetRequiredService<FrameCharge.Handler>().Handle(_prosecutor, _case,
            new FrameCharge.Request(_accused, "PTPA 2018", "3(1)", new DateOnly(2025, 1, 5), "Recruited by deception in Sialkot.", null), CancellationToken.None));
        var raw = await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await db.Database.SqlQueryRaw<string>("SELECT \"Particulars\" AS \"Value\" FROM charges").SingleAsync();
        });
        Assert.DoesNotContain("Sialkot", raw, StringComparison.Ordinal);
        Assert.StartsWith("v", raw, StringComparison.Ordinal);
    }
}
