using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Watchlists;

/// <summary>The list handlers over real SQLite: imports as full replacements, history, records lists, and who sees what.</summary>
public sealed class WatchlistHandlerTests : IAsyncLifetime
{
    private const string FirstFile = """
        id,name,aliases,birth_date,nationality,national_id,passport,reason
        A1,Imran Saleem Butt,عمران سلیم بٹ,1984-02-17,PK,35202-1234567-1,,Wanted
        A2,Tariq Mehmood Gondal,,1979,PK,,AB1234567,Wanted
        A3,Asif Iqbal Rana,,,PK,,,Wanted
        """;

    private const string SecondFile = """
        id,name,aliases,birth_date,nationality,national_id,passport,reason
        A1,Imran Saleem Butt,عمران سلیم بٹ,1984-02-17,PK,35202-1234567-1,,Wanted
        A2,Tariq Mehmood Gondal,Tariq Gondal,1979,PK,,AB1234567,Wanted
        A4,Shahid Nawaz Cheema,,1990-07,PK,,,Wanted
        """;

    private CoreHarness _core = null!;
    private Actor _adminA = null!;
    private Actor _screenerB = null!;
    private Actor _caseworkerC = null!;
    private OrganisationId _b;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var (a, b, c) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var police = await add.Handle(CoreHarness.Operator, "Police A", "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var border = await add.Handle(CoreHarness.Operator, "Border B", "LawEnforcement", "PK", "Karachi", CancellationToken.None);
            var shelter = await add.Handle(CoreHarness.Operator, "Shelter C", "NGO", "PK", "Islamabad", CancellationToken.None);
            return (new OrganisationId(police.Id), new OrganisationId(border.Id), new OrganisationId(shelter.Id));
        });
        _b = b;
        _adminA = new Actor(UserId.New(), "admin.a", a, Role.Administrator, "test");
        _screenerB = new Actor(UserId.New(), "screener.b", b, Role.ScreeningOfficer, "test");
        _caseworkerC = new Actor(UserId.New(), "cw.c", c, Role.Caseworker, "test");
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private async Task<Guid> CreateAsync(string kind = "Wanted", string source = "Import", Actor? by = null) =>
        (await Run(sp => sp.GetRequiredService<CreateWatchlist.Handler>().Handle(by ?? _adminA, new CreateWatchlist.Request("Wanted persons", "Screen at arrival.", kind, source, ["Border B"]), CancellationToken.None))).Id;

    private Task<ImportWatchlist.Response> ImportAsync(Guid list, string csv) =>
        Run(sp => sp.GetRequiredService<ImportWatchlist.Handler>().Handle(_adminA, list, new ImportWatchlist.Request(Encoding.UTF8.GetBytes(csv), "wanted.csv", "csv"), CancellationToken.None));

    private Task<WatchlistItemPage> ItemsAsync(Actor actor, Guid list, string? name = null, bool removed = false) =>
        Run(sp => sp.GetRequiredService<ListWatchlistItems.Handler>().Handle(actor, list, new ListWatchlistItems.Request(name, 1, 50, removed), CancellationToken.None));

    [Fact]
    public async Task Import_SecondFile_AddsChangesRemovesAndCountsUnchangedInOneVersion()
    {
        var list = await CreateAsync();
        var first = await ImportAsync(list, FirstFile);
        Assert.Equal((1, 3, 0, 0, 0), (first.ListVersion, first.Added, first.Changed, first.Removed, first.Unchanged));

        var second = await ImportAsync(list, SecondFile);
        Assert.Equal((2, 1, 1, 1, 1), (second.ListVersion, second.Added, second.Changed, second.Removed, second.Unchanged));

        var page = await ItemsAsync(_adminA, list, removed: true);
        var byId = page.Rows.ToDictionary(r => r.ExternalId);
        Assert.Equal((WatchlistItemStatus.Listed, 1, 1), (byId["A1"].Status, byId["A1"].Version, byId["A1"].ListVersion));
        Assert.Equal((WatchlistItemStatus.Listed, 2, 2), (byId["A2"].Status, byId["A2"].Version, byId["A2"].ListVersion));
        Assert.Equal((WatchlistItemStatus.Removed, 2, 2), (byId["A3"].Status, byId["A3"].Version, byId["A3"].ListVersion));
        Assert.Equal((WatchlistItemStatus.Listed, 1, 2), (byId["A4"].Status, byId["A4"].Version, byId["A4"].ListVersion));

        var history = await Run(sp => sp.GetRequiredService<GetWatchlistItem.Handler>().Handle(_adminA, list, byId["A2"].Id, CancellationToken.None));
        Assert.Equal([WatchlistChange.Added, WatchlistChange.Changed], history.History.Select(h => h.Change));
        Assert.Equal(["aliases"], history.History[1].ChangedFields);
        Assert.Equal([1, 2], history.History.Select(h => h.ListVersion));
        Assert.Equal("admin.a", history.History[1].ChangedBy);

        var imports = await Run(sp => sp.GetRequiredService<ListWatchlistImports.Handler>().Handle(_adminA, list, CancellationToken.None));
        Assert.Equal(2, imports.Count);
        Assert.Equal("wanted.csv", imports[0].FileName);
        Assert.Equal(64, imports[0].Sha256!.Length);
    }

    [Fact]
    public async Task Import_SameFileAgain_KeepsTheVersion()
    {
        var list = await CreateAsync();
        await ImportAsync(list, FirstFile);
        var again = await ImportAsync(list, FirstFile);
        Assert.Equal((1, 0, 0, 0, 3), (again.ListVersion, again.Added, again.Changed, again.Removed, again.Unchanged));
    }

    [Fact]
    public async Task Import_BadRecordAfterGoodOnes_WritesNothing()
    {
        var list = await CreateAsync();
        await ImportAsync(list, FirstFile);
        var bad = SecondFile + "\nA5,Bilal Ahmed,,not a date,PK,,,Wanted\n";
        var e = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(list, bad));
        Assert.Equal("birth_date", e.Field);
        var view = await Run(sp => sp.GetRequiredService<GetWatchlist.Handler>().Handle(_adminA, list, CancellationToken.None));
        Assert.Equal((1, 3, 0), (view.Version, view.Entries, view.RemovedEntries));
        var imports = await Run(sp => sp.GetRequiredService<ListWatchlistImports.Handler>().Handle(_adminA, list, CancellationToken.None));
        Assert.Single(imports);
    }

    [Fact]
    public async Task Import_IntoManualList_IsAConflict()
    {
        var list = await CreateAsync(source: "Manual");
        await Assert.ThrowsAsync<ConflictException>(() => ImportAsync(list, FirstFile));
    }

    [Fact]
    public async Task ManualEntries_AddChangeRemove_EachOneVersionWithHistory()
    {
        var list = await CreateAsync(source: "Manual");
        var added = await Run(sp => sp.GetRequiredService<AddWatchlistItem.Handler>().Handle(_adminA, list,
            new AddWatchlistItem.Request("M-1", "Shahid Nawaz Cheema", ["شاہد نواز چیمہ"], "1990", "PK", null, null, "Wanted in a synthetic FIR"), CancellationToken.None));
        Assert.Equal(1, added.ListVersion);
        var changed = await Run(sp => sp.GetRequiredService<ChangeWatchlistItem.Handler>().Handle(_adminA, list, added.Id,
            new ChangeWatchlistItem.Request("Shahid Nawaz Cheema", ["شاہد نواز چیمہ"], "1990-07-02", "PK", null, null, "Wanted in a synthetic FIR"), CancellationToken.None));
        Assert.Equal((2, 2, true), (changed.Version, changed.ListVersion, changed.Changed));
        var same = await Run(sp => sp.GetRequiredService<ChangeWatchlistItem.Handler>().Handle(_adminA, list, added.Id,
            new ChangeWatchlistItem.Request("Shahid Nawaz Cheema", ["شاہد نواز چیمہ"], "1990-07-02", "PK", null, null, "Wanted in a synthetic FIR"), CancellationToken.None));
        Assert.False(same.Changed);
        await Run(async sp =>
        {
            await sp.GetRequiredService<RemoveWatchlistItem.Handler>().Handle(_adminA, list, added.Id, CancellationToken.None);
            return 0;
        });
        var item = await Run(sp => sp.GetRequiredService<GetWatchlistItem.Handler>().Handle(_adminA, list, added.Id, CancellationToken.None));
        Assert.Equal(WatchlistItemStatus.Removed, item.Status);
        Assert.Equal([1, 2, 3], item.History.Select(h => h.ListVersion));
        Assert.Equal(["birth_date"], item.History[1].ChangedFields);
        var audit = await Run(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("watchlist.item-")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "watchlist.item-add");
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains("Shahid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddItem_RepeatedId_NamesTheField()
    {
        var list = await CreateAsync(source: "Manual");
        var request = new AddWatchlistItem.Request("M-1", "Shahid Nawaz Cheema", null, null, null, null, null, null);
        await Run(sp => sp.GetRequiredService<AddWatchlistItem.Handler>().Handle(_adminA, list, request, CancellationToken.None));
        var e = await Assert.ThrowsAsync<ValidationException>(() => Run(sp => sp.GetRequiredService<AddWatchlistItem.Handler>().Handle(_adminA, list, request, CancellationToken.None)));
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public async Task Lists_OtherOrganisationNotScreening_CannotSeeTheListOrItsEntries()
    {
        var list = await CreateAsync();
        await ImportAsync(list, FirstFile);
        Assert.Single(await Run(sp => sp.GetRequiredService<ListWatchlists.Handler>().Handle(_screenerB, new ListWatchlists.Request(), CancellationToken.None)));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListWatchlists.Handler>().Handle(_caseworkerC, new ListWatchlists.Request(), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetWatchlist.Handler>().Handle(_caseworkerC, list, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => ItemsAsync(_caseworkerC, list));
        // A screening organisation may read but not change the list.
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ImportWatchlist.Handler>().Handle(_screenerB, list, new ImportWatchlist.Request(Encoding.UTF8.GetBytes(FirstFile), null, null), CancellationToken.None)));
    }

    [Fact]
    public async Task MissingChildren_WithoutChildrenPermission_EntriesAreCountedNotShown()
    {
        var list = await CreateAsync(kind: "MissingChildren", source: "Manual");
        var child = await Run(sp => sp.GetRequiredService<AddWatchlistItem.Handler>().Handle(_adminA, list,
            new AddWatchlistItem.Request("C-1", "Ayesha Bibi", null, "2014", "PK", null, null, "Reported missing"), CancellationToken.None));
        var seen = await ItemsAsync(_adminA, list);
        Assert.Equal("Ayesha Bibi", Assert.Single(seen.Rows).Name);
        Assert.True(seen.Rows[0].IsChild);
        var hidden = await ItemsAsync(_screenerB, list);
        Assert.Empty(hidden.Rows);
        Assert.Equal(1, hidden.HiddenChildren);
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetWatchlistItem.Handler>().Handle(_screenerB, list, child.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Refresh_SuspectsOfOpenCases_ListedAndRemovedWhenTheCaseCloses()
    {
        var list = await CreateAsync(kind: "Suspects", source: "Records");
        var json = """
            { "format": "lantern-case/1", "case": { "reference": "LHR-2026-0042", "cas_Status": "Active", "summary": "Recruitment fraud." },
              "persons": [
                { "key": "v", "role": "victim", "prs_FirstName": "Nargis", "prs_SecondName": "Akhtar" },
                { "key": "s", "role": "suspect", "prs_FirstName": "Khalid", "prs_SecondName": "Mehmood", "nameInOriginalScript": "خالد محمود",
                  "aliases": ["Kala Agent"], "prs_Birthdate": "1975", "prs_Citizenship": ["PK"],
                  "identityDocuments": [ { "type": "CNIC", "number": "35202-7654321-3" }, { "type": "Passport", "number": "AB7654321" } ] } ] }
            """;
        var caseId = await Run(async sp => (await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator, new ImportCases.Request([new ImportCases.Source("t.json", json)], "Police A"), CancellationToken.None)).Cases[0].Id);
        var refreshed = await Run(sp => sp.GetRequiredService<RefreshWatchlist.Handler>().Handle(_adminA, list, CancellationToken.None));
        Assert.Equal((1, 1), (refreshed.ListVersion, refreshed.Added));
        var entry = Assert.Single((await ItemsAsync(_adminA, list)).Rows);
        Assert.Equal("Khalid Mehmood", entry.Name);
        Assert.Equal(["خالد محمود", "Kala Agent"], entry.Aliases);
        Assert.Equal(("1975", "PK", "35202-7654321-3", "AB7654321"), (entry.BirthDate, entry.Nationality, entry.NationalId, entry.Passport));
        var details = await Run(sp => sp.GetRequiredService<GetWatchlistItem.Handler>().Handle(_adminA, list, entry.Id, CancellationToken.None));
        Assert.Equal("Suspect in case LHR-2026-0042", details.Details.Reason);

        await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var c = await db.Cases.SingleAsync(x => x.Id == new CaseId(caseId));
            c.Update(CaseStatus.Closed, c.OpenedOn, c.Summary, "Closed for the test.", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        var again = await Run(sp => sp.GetRequiredService<RefreshWatchlist.Handler>().Handle(_adminA, list, CancellationToken.None));
        Assert.Equal((2, 1), (again.ListVersion, again.Removed));
        Assert.Empty((await ItemsAsync(_adminA, list)).Rows);
    }

    [Fact]
    public async Task Create_RecordsListOfMissingChildren_IsRefused()
    {
        var e = await Assert.ThrowsAsync<ValidationException>(() => CreateAsync(kind: "MissingChildren", source: "Records"));
        Assert.Equal("source", e.Field);
    }

    [Fact]
    public async Task Create_ScreeningOfficer_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => CreateAsync(by: _screenerB));

    [Fact]
    public async Task Update_Screeners_ChangesWhoSeesTheList()
    {
        var list = await CreateAsync();
        await Run(async sp =>
        {
            await sp.GetRequiredService<UpdateWatchlist.Handler>().Handle(_adminA, list, new UpdateWatchlist.Request(Screeners: ["Shelter C"]), CancellationToken.None);
            return 0;
        });
        Assert.Single(await Run(sp => sp.GetRequiredService<ListWatchlists.Handler>().Handle(_caseworkerC, new ListWatchlists.Request(), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetWatchlist.Handler>().Handle(_screenerB, list, CancellationToken.None)));
        Assert.NotEqual(default, _b);
    }

    [Fact]
    public async Task Import_ManyEntries_AddsEveryOne()
    {
        // A large import in one transaction. How fast it runs is measured by the benchmarks (docs/benchmarks.md),
        // never by a timed test, which fails on a loaded machine and proves nothing on a fast one.
        const int count = 20_000;
        var list = await CreateAsync();
        var csv = new StringBuilder("id,name,aliases,birth_date,nationality,national_id,passport\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append('E').Append(i).Append(",Listed Person ").Append(i).Append(",Alias ").Append(i).Append(",1980,PK,,\n");
        }
        var result = await ImportAsync(list, csv.ToString());
        Assert.Equal(count, result.Added);
        Assert.Equal(0, result.Changed);
    }
}
