using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Watchlists;

/// <summary>Name screening inside Lantern over real SQLite: alerts, suppression and reopening, re-screen deltas, profile previews, children's lists and who screens what.</summary>
public sealed class NameScreeningTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CoreHarness _core = null!;
    private OrganisationId _fia;
    private OrganisationId _bureau;
    private OrganisationId _karachi;
    private Actor _officer = null!;
    private Actor _investigator = null!;
    private Actor _bureauCaseworker = null!;
    private Actor _karachiInvestigator = null!;
    private Guid _suspects;
    private Guid _children;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        (_fia, _bureau, _karachi) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var f = await add.Handle(CoreHarness.Operator, "FIA Lahore", "LawEnforcement", "PK", "Lahore", None);
            var b = await add.Handle(CoreHarness.Operator, "Child Protection Bureau", "LocalGovernmentOrganisation", "PK", "Lahore", None);
            var k = await add.Handle(CoreHarness.Operator, "Police Karachi", "LawEnforcement", "PK", "Karachi", None);
            return (new OrganisationId(f.Id), new OrganisationId(b.Id), new OrganisationId(k.Id));
        });
        _officer = new Actor(UserId.New(), "officer.lhr", _fia, Role.ScreeningOfficer, "test");
        _investigator = new Actor(UserId.New(), "inv.lhr", _fia, Role.Investigator, "test");
        _bureauCaseworker = new Actor(UserId.New(), "cw.bureau", _bureau, Role.Caseworker, "test");
        _karachiInvestigator = new Actor(UserId.New(), "inv.khi", _karachi, Role.Investigator, "test");
        _suspects = await NewListAsync("Suspected traffickers", WatchlistKind.Suspects, _fia, [],
            ("S-1", new ListedDetails("Zubair Ahmed Qureshi", ["Zubair Qureshi"], "1984-03-07", "PK", null, null, "FIR 12/2026")),
            ("S-2", new ListedDetails("Tariq Mehmood Butt", [], "1979", "PK", null, null, "Wanted")));
        _children = await NewListAsync("Missing children", WatchlistKind.MissingChildren, _bureau, [_fia],
            ("C-1", new ListedDetails("Mehwish Rashid Khokhar", [], "2013-05-02", "PK", null, null, "Reported missing by her mother")));
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private Task<Guid> NewListAsync(string name, WatchlistKind kind, OrganisationId owner, OrganisationId[] screeners, params (string Id, ListedDetails Details)[] entries) => Run(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        var list = new Watchlist(name, "Screen travellers and applicants.", kind, WatchlistSource.Manual, owner, UserId.New(), now);
        list.AllowScreening(screeners, now);
        db.Watchlists.Add(list);
        var v = list.NextVersion(now);
        foreach (var (id, details) in entries)
        {
            WatchlistEditing.Add(db, list, v, id, details, CoreHarness.Operator, now);
        }
        await db.SaveChangesAsync(None);
        return list.Id;
    });

    /// <summary>Opens a list version and applies <paramref name="change"/> to it (as the list's keepers do).</summary>
    private Task<int> ChangeListAsync(Guid listId, Action<AppDbContext, Watchlist, int, DateTime> change) => ChangeItemAsync(listId, null, (db, list, _, v, now) => change(db, list, v, now));

    /// <summary>As <see cref="ChangeListAsync"/>, with the entry <paramref name="externalId"/> loaded in the same unit of work.</summary>
    private Task<int> ChangeItemAsync(Guid listId, string? externalId, Action<AppDbContext, Watchlist, WatchlistItem?, int, DateTime> change) => Run(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        db.ScopeTo(CoreHarness.Operator);
        _core.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        var list = await db.Watchlists.FirstAsync(w => w.Id == listId);
        var item = externalId is null ? null : await db.WatchlistItems.FirstAsync(i => i.WatchlistId == listId && i.ExternalId == externalId);
        change(db, list, item, list.NextVersion(now), now);
        await db.SaveChangesAsync(None);
        return 0;
    });

    private Task<ScreeningResult> ScreenAsync(Actor actor, string name, string? birth = null, Guid? profile = null) =>
        Run(sp => sp.GetRequiredService<ScreeningNames.Handler>().Handle(actor, new ScreeningNames.Request(name, birth, ProfileId: profile), None));

    private Task<ScreeningRescreen.Response> RescreenAsync() => Run(sp => sp.GetRequiredService<ScreeningRescreen.Handler>().Handle(CoreHarness.Operator, None));

    private Task<AlertView> AlertAsync(Actor actor, Guid id) => Run(sp => sp.GetRequiredService<AlertReview.GetHandler>().Handle(actor, id, None));

    private Task<AlertView> DismissAsync(Actor actor, Guid id, string? reason) => Run(sp => sp.GetRequiredService<AlertReview.DismissHandler>().Handle(actor, id, new AlertReview.DecideRequest(reason), None));

    [Fact]
    public async Task ScreenName_ListedSuspect_RaisesAnAlertWithTheFullExplanation()
    {
        var result = await ScreenAsync(_officer, "Zubair Qureshi", "1984-03-07");

        var hit = Assert.Single(result.Hits);
        Assert.Equal("S-1", hit.EntryExternalId);
        Assert.Equal("open", hit.AlertStatus);
        Assert.NotNull(hit.Parts);
        Assert.Contains(hit.Parts!, p => p.Agreement == "exact");
        Assert.Contains(hit.Details!, d => d.Field == "birth_date" && d.Agreement == "agrees");
        Assert.Contains("list ", hit.Explanation, StringComparison.Ordinal);
        Assert.Equal(ScreeningRun.AlgorithmVersion, result.AlgorithmVersion);
        Assert.Equal(2, result.Lists.Count);
    }

    [Fact]
    public async Task Dismiss_WithoutReason_NamesTheReasonField()
    {
        var hit = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi")).Hits);

        var error = await Assert.ThrowsAsync<ValidationException>(() => DismissAsync(_officer, hit.AlertId!.Value, "  "));

        Assert.Equal("reason", error.Field);
        Assert.Equal("open", (await AlertAsync(_officer, hit.AlertId!.Value)).Status);
    }

    [Fact]
    public async Task Dismiss_SameInputScreenedAgain_IsSuppressedUntilTheEntryChanges()
    {
        var first = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi", "1990-01-01")).Hits);
        var dismissed = await DismissAsync(_officer, first.AlertId!.Value, "Different person: the passport and father's name differ.");
        Assert.Equal("dismissed", dismissed.Status);
        Assert.Equal("officer.lhr", dismissed.Decision!.By);

        var again = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi", "1990-01-01")).Hits);
        Assert.True(again.Suppressed);
        Assert.Equal(first.AlertId, again.AlertId);
        Assert.Equal("dismissed", again.AlertStatus);
        Assert.Empty((await Run(sp => sp.GetRequiredService<AlertReview.ListHandler>().Handle(_officer, new AlertReview.ListRequest("open"), None))).Alerts);

        await ChangeItemAsync(_suspects, "S-1", (db, list, item, v, now) => WatchlistEditing.Change(db, item!, v, item!.Details with { Passport = "AB1234567" }, CoreHarness.Operator, now));
        await RescreenAsync();

        var reopened = await AlertAsync(_officer, first.AlertId!.Value);
        Assert.Equal("open", reopened.Status);
        Assert.Equal(2, reopened.EntryVersion);
        Assert.NotNull(reopened.ReopenedAt);
        Assert.Contains("v1 to v2", reopened.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescreen_AfterListChange_RaisesOnlyNewOrChangedHits()
    {
        var zubair = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi")).Hits);
        Assert.Empty((await ScreenAsync(_officer, "Naveed Akhtar Gill")).Hits);
        Assert.Empty((await ScreenAsync(_officer, "Kamran Yousaf")).Hits);
        await RescreenAsync(); // the first run takes every entry: nothing new
        var before = await AlertAsync(_officer, zubair.AlertId!.Value);

        await ChangeListAsync(_suspects, (db, list, v, now) =>
            WatchlistEditing.Add(db, list, v, "S-3", new ListedDetails("Naveed Akhtar Gill", [], null, "PK", null, null, "Smuggling route Quetta-Taftan"), CoreHarness.Operator, now));
        var run = Assert.Single((await RescreenAsync()).Lists);

        Assert.Equal(1, run.ChangedEntries);
        Assert.Equal(1, run.Raised);
        Assert.Equal(1, run.Hits);
        var open = (await Run(sp => sp.GetRequiredService<AlertReview.ListHandler>().Handle(_officer, new AlertReview.ListRequest("open"), None))).Alerts;
        Assert.Equal(2, open.Count);
        Assert.Contains(open, a => a.SubjectName == "Naveed Akhtar Gill");
        var after = await AlertAsync(_officer, zubair.AlertId!.Value);
        Assert.Equal(before.EntryVersion, after.EntryVersion);
        Assert.Equal(before.ListVersion, after.ListVersion); // untouched: S-1 did not change
        Assert.Empty((await RescreenAsync()).Lists);
    }

    [Fact]
    public async Task Rescreen_EntryRemoved_ClosesItsOpenAlert()
    {
        var hit = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi")).Hits);

        await ChangeItemAsync(_suspects, "S-1", (db, list, item, v, now) => WatchlistEditing.Remove(db, item!, v, CoreHarness.Operator, now));
        var run = (await RescreenAsync()).Lists.Single(l => l.ListId == _suspects);

        Assert.Equal(1, run.Closed);
        var alert = await AlertAsync(_officer, hit.AlertId!.Value);
        Assert.Equal("closed", alert.Status);
        Assert.Equal(ScreeningAlert.EntryRemoved, alert.Decision!.Reason);
    }

    [Fact]
    public async Task PreviewProfile_HigherThreshold_CountsAlertsNoLongerRaisedPerBatch()
    {
        var batch = await Run(sp => sp.GetRequiredService<ScreeningBatches.SubmitHandler>().Handle(_officer,
            new ScreeningBatches.SubmitRequest("manifest.csv", null, Csv: "id,name\nP1,Zubayr Qureshi\nP2,Tariq Butt\nP3,Sana Iqbal\n"), None));
        await Run(sp => sp.GetRequiredService<ScreeningBatches.RunHandler>().Handle(CoreHarness.Operator, None));
        var done = await Run(sp => sp.GetRequiredService<ScreeningBatches.GetHandler>().Handle(_officer, batch.Id, None));
        Assert.Equal("done", done.Status);
        Assert.True(done.Hits >= 1, $"{done.Hits}");

        var admin = new Actor(UserId.New(), "admin.lhr", _fia, Role.Administrator, "test");
        var strict = await Run(sp => sp.GetRequiredService<ProfileSettings.PreviewHandler>().Handle(admin, null, new ProfileSettings.Input("Border", "border", 0.999, []), None));
        var same = await Run(sp => sp.GetRequiredService<ProfileSettings.PreviewHandler>().Handle(admin, null, new ProfileSettings.Input("Border", "border", NameMatcher.DefaultThreshold, []), None));

        var effect = Assert.Single(strict.Batches);
        Assert.Equal(3, effect.Subjects);
        Assert.Equal(done.Hits, effect.HitsNow);
        Assert.Equal(done.Hits, effect.NoLongerRaised);
        Assert.Equal(0, effect.Added);
        Assert.Equal(0, same.NoLongerRaised + same.Added);
    }

    [Fact]
    public async Task ChildHit_SeenByTheOwnerWithDetails_RedactedForAScreeningOfficer()
    {
        var result = await ScreenAsync(_officer, "Mehwish Khokhar", "2013-05-02");
        var hit = Assert.Single(result.Hits);
        Assert.True(hit.Restricted);
        Assert.Null(hit.EntryName);
        Assert.Null(hit.Explanation);
        Assert.Contains("Child Protection Bureau", hit.Notice, StringComparison.Ordinal);

        var asOfficer = await AlertAsync(_officer, hit.AlertId!.Value);
        Assert.True(asOfficer.Restricted);
        Assert.Null(asOfficer.Entry);

        var queue = await Run(sp => sp.GetRequiredService<AlertReview.ListHandler>().Handle(_bureauCaseworker, new AlertReview.ListRequest("open"), None));
        var owned = Assert.Single(queue.Alerts);
        Assert.Equal("Mehwish Rashid Khokhar", owned.EntryName);
        var asOwner = await AlertAsync(_bureauCaseworker, hit.AlertId!.Value);
        Assert.False(asOwner.Restricted);
        Assert.Equal("C-1", asOwner.Entry!.ExternalId);
        Assert.Equal("Mehwish Khokhar", asOwner.Subject.Name);
        Assert.Equal("FIA Lahore", asOwner.ScreenedBy);
        Assert.False(asOwner.MayDecide);

        var asInvestigator = await AlertAsync(_investigator, hit.AlertId!.Value);
        Assert.False(asInvestigator.Restricted);
    }

    [Fact]
    public async Task ScreenName_OrganisationNotAllowedOnTheList_GetsNoHitsAndCannotSeeOthersAlerts()
    {
        var fia = Assert.Single((await ScreenAsync(_officer, "Zubair Qureshi")).Hits);

        var karachi = await ScreenAsync(_karachiInvestigator, "Zubair Qureshi");

        Assert.Empty(karachi.Hits);
        Assert.Empty(karachi.Lists);
        await Assert.ThrowsAsync<NotFoundException>(() => AlertAsync(_karachiInvestigator, fia.AlertId!.Value));
    }

    [Fact]
    public async Task ScreenName_AnalystOrAuditor_IsForbidden()
    {
        var analyst = new Actor(UserId.New(), "analyst", _fia, Role.Analyst, "test");
        var auditor = new Actor(UserId.New(), "auditor", _fia, Role.Auditor, "test");

        await Assert.ThrowsAsync<ForbiddenException>(() => ScreenAsync(analyst, "Zubair Qureshi"));
        await Assert.ThrowsAsync<ForbiddenException>(() => ScreenAsync(auditor, "Zubair Qureshi"));
    }

    [Fact]
    public async Task SubmitBatch_BadLine_NamesLineAndFieldAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => Run(sp => sp.GetRequiredService<ScreeningBatches.SubmitHandler>().Handle(_officer,
            new ScreeningBatches.SubmitRequest("m.csv", null, Csv: "id,name,birth_date\nP1,Ali Raza,1990\nP2,Bilal Khan,someday\n"), None)));

        Assert.Equal("line 3: birth_date", error.Field);
        Assert.Empty(await Run(sp => sp.GetRequiredService<ScreeningBatches.ListHandler>().Handle(_officer, None)));
    }

    [Fact]
    public async Task SeedNameScreening_WithAListLahoreMayScreen_SeedsProfilesAManifestAndDecidedAlerts()
    {
        await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var seeder = new Lantern.Core.Features.Demo.DemoSeeder(new Dictionary<string, OrganisationId> { ["LHR"] = _fia },
                [new Lantern.Core.Features.Demo.DemoOfficer("demo.screener.lhr", Role.ScreeningOfficer, "LHR", UserId.New())], _ => { }, _core.Clock.GetUtcNow().UtcDateTime);
            await seeder.SeedNameScreeningAsync(db, sp.GetRequiredService<KeyRing>(), None);
            return 0;
        });

        var profiles = await Run(sp => sp.GetRequiredService<ProfileSettings.ListHandler>().Handle(_officer, None));
        Assert.Equal(["border", "finance", "recruitment-licence"], profiles.Select(p => p.Use).Order());
        var batch = Assert.Single(await Run(sp => sp.GetRequiredService<ScreeningBatches.ListHandler>().Handle(_officer, None)));
        Assert.Equal(("done", 200), (batch.Status, batch.Done));
        var alerts = (await Run(sp => sp.GetRequiredService<AlertReview.ListHandler>().Handle(_officer, new AlertReview.ListRequest("all"), None))).Alerts;
        Assert.Contains(alerts, a => a.Status == "confirmed");
        Assert.Contains(alerts, a => a.Status == "dismissed");
    }
}
