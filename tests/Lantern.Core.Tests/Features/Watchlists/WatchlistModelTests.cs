using Lantern.Core.Common;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Watchlists;

/// <summary>The watchlist model: versions and history of items, who sees a list, and the per-version index cache.</summary>
public sealed class WatchlistModelTests : IAsyncLifetime
{
    private static readonly OrganisationId Owner = new(Guid.Parse("0000000a-0000-0000-0000-000000000001"));
    private static readonly OrganisationId Screener = new(Guid.Parse("0000000a-0000-0000-0000-000000000002"));
    private static readonly OrganisationId Stranger = new(Guid.Parse("0000000a-0000-0000-0000-000000000003"));

    private CoreHarness _core = null!;

    public async Task InitializeAsync() => _core = await CoreHarness.CreateAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static Actor Officer(OrganisationId organisation, Role role = Role.Investigator) =>
        new(new UserId(Guid.NewGuid()), "officer", organisation, role, null);

    private static ListedDetails Details(string name, params string[] aliases) =>
        new(name, aliases, "1984", "PK", "35202-1234567-1", null, "suspect in a recruitment fraud");

    private async Task<Guid> CreateListAsync(params (string Id, ListedDetails Details)[] items)
    {
        return await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var now = _core.Clock.GetUtcNow().UtcDateTime;
            var list = new Watchlist("Wanted persons", "Screen recruitment licence applicants", WatchlistKind.Wanted, WatchlistSource.Manual, Owner, CoreHarness.Operator.UserId, now);
            list.AllowScreening([Screener], now);
            db.Watchlists.Add(list);
            var version = list.NextVersion(now);
            foreach (var (id, details) in items)
            {
                WatchlistEditing.Add(db, list, version, id, details, CoreHarness.Operator, now);
            }
            await db.SaveChangesAsync();
            return list.Id;
        });
    }

    [Fact]
    public async Task Change_DetailsDifferOrNot_VersionAndHistoryFollowOnlyRealChanges()
    {
        var listId = await CreateListAsync(("W-1", Details("Muhammad Tariq Qureshi", "محمد طارق قریشی")));
        await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var now = _core.Clock.GetUtcNow().UtcDateTime;
            var list = await db.Watchlists.SingleAsync(w => w.Id == listId);
            var item = await db.WatchlistItems.SingleAsync(i => i.WatchlistId == listId);
            var v2 = list.NextVersion(now);
            Assert.False(WatchlistEditing.Change(db, item, v2, Details("Muhammad Tariq Qureshi", "محمد طارق قریشی"), CoreHarness.Operator, now));
            Assert.True(WatchlistEditing.Change(db, item, v2, Details("Muhammad Tariq Qureshi", "محمد طارق قریشی", "Tariq Bhai"), CoreHarness.Operator, now));
            var v3 = list.NextVersion(now);
            Assert.True(WatchlistEditing.Remove(db, item, v3, CoreHarness.Operator, now));
            Assert.False(WatchlistEditing.Remove(db, item, v3, CoreHarness.Operator, now));
            await db.SaveChangesAsync();
            return 0;
        });
        var history = await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            return await db.WatchlistItemVersions.Where(v => v.WatchlistId == listId).OrderBy(v => v.Version).ToListAsync();
        });
        Assert.Equal([1, 2, 3], history.Select(h => h.Version));
        Assert.Equal([WatchlistChange.Added, WatchlistChange.Changed, WatchlistChange.Removed], history.Select(h => h.Change));
        Assert.Equal([1, 2, 3], history.Select(h => h.ListVersion));
        Assert.Equal(["محمد طارق قریشی", "Tariq Bhai"], history[1].Details.Aliases);
    }

    [Fact]
    public void VersionTag_ListsCreatedTogether_AreToldApart()
    {
        var tags = Enumerable.Range(0, 50).Select(_ => WatchlistIndexes.VersionTag(SequentialGuid.Next(), 1)).ToHashSet();
        Assert.Equal(50, tags.Count);
    }

    [Fact]
    public void Validated_BadFields_NameTheField()
    {
        Assert.Equal("name", Assert.Throws<ValidationException>(() => new ListedDetails(" ", [], null, null, null, null, null).Validated()).Field);
        Assert.Equal("nationality", Assert.Throws<ValidationException>(() => new ListedDetails("Asif Rana", [], null, "Pakistan", null, null, null).Validated()).Field);
        Assert.Equal("birth_date", Assert.Throws<ValidationException>(() => new ListedDetails("Asif Rana", [], "next spring", null, null, null, null).Validated()).Field);
        var ok = new ListedDetails("Asif Rana", ["asif rana", "Asif  Rana Sahib", ""], "03/1985", "pk", null, null, null).Validated();
        Assert.Equal("PK", ok.Nationality);
        Assert.Equal(["Asif  Rana Sahib"], ok.Aliases);
    }

    [Fact]
    public async Task TenantFilter_OwnerAndScreenerSeeTheList_OthersSeeNothing()
    {
        var listId = await CreateListAsync(("W-1", Details("Shahid Mehmood Awan")));
        async Task<(int Lists, int Items, int History)> SeenBy(Actor actor) => await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(actor);
            return (await db.Watchlists.CountAsync(w => w.Id == listId), await db.WatchlistItems.CountAsync(i => i.WatchlistId == listId),
                await db.WatchlistItemVersions.CountAsync(v => v.WatchlistId == listId));
        });
        Assert.Equal((1, 1, 1), await SeenBy(Officer(Owner)));
        Assert.Equal((1, 1, 1), await SeenBy(Officer(Screener, Role.ScreeningOfficer)));
        Assert.Equal((0, 0, 0), await SeenBy(Officer(Stranger)));
    }

    [Fact]
    public async Task Save_ItemDetails_AreNotStoredInPlainText()
    {
        await CreateListAsync(("W-1", Details("Zarghuna Khattak", "زرغونہ خٹک")));
        await using var connection = new SqliteConnection($"Data Source={_core.DatabasePath}");
        await connection.OpenAsync();
        foreach (var table in new[] { "watchlist_items", "watchlist_item_versions" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var value = reader.IsDBNull(c) ? "" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    Assert.DoesNotContain("Khattak", value, StringComparison.Ordinal);
                    Assert.DoesNotContain("خٹک", value, StringComparison.Ordinal);
                    Assert.DoesNotContain("35202", value, StringComparison.Ordinal);
                }
            }
            Assert.Equal(1, rows);
        }
    }

    [Fact]
    public async Task GetAsync_ListVersionMoves_IndexIsRebuiltWithTheNewEntry()
    {
        var listId = await CreateListAsync(("W-1", Details("Naveed Akhtar Janjua")));
        var indexes = await _core.RunAsync(sp => Task.FromResult(sp.GetRequiredService<WatchlistIndexes>()));
        async Task<Watchlist> ListAsync() => await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            return await db.Watchlists.AsNoTracking().SingleAsync(w => w.Id == listId);
        });
        var first = await indexes.GetAsync(await ListAsync(), CancellationToken.None);
        Assert.Same(first, await indexes.GetAsync(await ListAsync(), CancellationToken.None));
        Assert.Empty(first.Index.Screen(new ScreeningSubject("q", "Bilal Ahmed Siddiqui"), NameMatcher.DefaultThreshold));

        await _core.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var now = _core.Clock.GetUtcNow().UtcDateTime;
            var list = await db.Watchlists.SingleAsync(w => w.Id == listId);
            WatchlistEditing.Add(db, list, list.NextVersion(now), "W-2", Details("Bilal Ahmad Siddiqui"), CoreHarness.Operator, now);
            await db.SaveChangesAsync();
            return 0;
        });
        var second = await indexes.GetAsync(await ListAsync(), CancellationToken.None);
        Assert.Equal(2, second.ListVersion);
        var hit = Assert.Single(second.Index.Screen(new ScreeningSubject("q", "Bilal Ahmed Siddiqui"), NameMatcher.DefaultThreshold));
        Assert.Equal($"{listId.ToString("N")[^8..]}.v2", hit.ListVersion);
        Assert.Empty(second.ChildEntryIds);
    }
}
