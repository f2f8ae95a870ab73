using System.Globalization;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Name screening's demo data for FIA Lahore: three profiles (border 0.80, recruitment licences 0.75, finance 0.85)
/// and a screened passenger manifest of about 200 synthetic names, a few of them spellings of listed names, with
/// alerts raised and some confirmed or dismissed by demo.screener.lhr. Runs after the demo lists exist; without a
/// list Lahore may screen, it seeds nothing. Uses its own random generator.
/// </summary>
internal sealed partial class DemoSeeder
{
    public async Task SeedNameScreeningAsync(AppDbContext db, KeyRing keyRing, CancellationToken ct)
    {
        if (!_organisations.TryGetValue("LHR", out var lhr))
        {
            return;
        }
        var lists = await ScreeningRun.ListsAsync(db, lhr, null, ct);
        if (lists.Count == 0)
        {
            return;
        }
        var random = new Random(Seed + 11);
        var blind = new BlindIndex(keyRing);
        var screener = _officers.FirstOrDefault(o => o.Username == "demo.screener.lhr") ?? _officers.First(o => o.OrganisationCode == "LHR");
        var admin = _officers.FirstOrDefault(o => o.OrganisationCode == "LHR" && o.Role == Role.Administrator) ?? screener;
        var now = _now.AddDays(-2);
        var suspects = lists.Where(l => !l.HoldsChildren).Select(l => l.Id).ToList();
        var border = new ScreeningProfile(lhr, "Border: Allama Iqbal International departures", ScreeningUse.Border, 0.80, [], admin.Id, admin.Username, now.AddDays(-30));
        db.ScreeningProfiles.Add(border);
        db.ScreeningProfiles.Add(new ScreeningProfile(lhr, "Recruitment licences (Protector of Emigrants)", ScreeningUse.RecruitmentLicence, 0.75, suspects, admin.Id, admin.Username, now.AddDays(-30)));
        db.ScreeningProfiles.Add(new ScreeningProfile(lhr, "Finance: remittance counterparties", ScreeningUse.Finance, 0.85, suspects, admin.Id, admin.Username, now.AddDays(-30)));

        var listIds = lists.Select(l => l.Id).ToList();
        var items = await db.WatchlistItems.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(i => listIds.Contains(i.WatchlistId) && i.Status == WatchlistItemStatus.Listed).OrderBy(i => i.Id).ToListAsync(ct);
        if (items.Count == 0)
        {
            return;
        }
        var passengers = new List<(string Id, ScreeningSubject Subject)>();
        for (var i = 0; i < 200; i++)
        {
            var given = _names.Male.Count > 0 && random.Next(3) > 0 ? _names.Male[random.Next(_names.Male.Count)].Latin : _names.Female[random.Next(_names.Female.Count)].Latin;
            var family = _names.Second[random.Next(_names.Second.Count)].Latin;
            var birth = new DateOnly(1965 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            passengers.Add((string.Create(CultureInfo.InvariantCulture, $"PK203-{i + 1:000}"), new ScreeningSubject("", given + " " + family, birth, "PK")));
        }
        // A few passengers carry a listed name (as the list spells it, or its first alias) and the listed birth date.
        foreach (var (item, k) in items.Where(i => !i.IsChild).Take(5).Select((item, k) => (item, k)))
        {
            var name = item.AliasList.Count > 0 && k % 2 == 1 ? item.AliasList[0] : item.Name;
            passengers[(k * 37) + 11] = (passengers[(k * 37) + 11].Id, new ScreeningSubject("", name, item.BirthDate, item.Nationality));
        }

        var batch = new ScreeningBatch(lhr, border.Id, "PK-203 LHE-DXB passenger manifest.csv", passengers.Count, screener.Id, screener.Username, now);
        db.ScreeningBatches.Add(batch);
        var indexes = lists.Select(l => (List: l, Index: WatchlistIndex.Build([.. items.Where(i => i.WatchlistId == l.Id).Select(i => i.ToEntry())], WatchlistIndexes.VersionTag(l.Id, l.Version), NameMatcher.Bundled))).ToList();
        var alerts = new List<ScreeningAlert>();
        var hits = 0;
        foreach (var (id, input) in passengers)
        {
            var subject = new ScreenedSubject(lhr, batch.Id, id, input, ScreeningRun.SubjectKey(blind, id, input), border.Id, border.Threshold, screener.Id, now);
            db.ScreenedSubjects.Add(subject);
            var query = subject.ToSubject();
            var found = indexes.SelectMany(x => x.Index.Screen(query, border.Threshold, explain: true).Select(h => (x.List, h))).ToList();
            var raised = await ScreeningRun.RaiseAsync(db, subject, found, now, ct);
            subject.Screened(raised.Select(ScreeningRun.ToSubjectHit), now);
            hits += raised.Count;
            alerts.AddRange(raised.Where(r => r.Raised && r.Alert is not null).Select(r => r.Alert!));
        }
        foreach (var x in indexes)
        {
            x.Index.Dispose();
        }
        batch.Progress(passengers.Count, hits);
        batch.Finish(now.AddMinutes(1));
        var decided = now.AddHours(3);
        foreach (var (alert, k) in alerts.Where(a => !a.IsChild).Select((a, k) => (a, k)))
        {
            if (k % 3 == 0)
            {
                alert.Confirm(screener.Id, screener.Username, "Passport and birth date match the listed person; referred to the FIA AHTC duty officer before boarding.", decided);
            }
            else if (k % 3 == 1)
            {
                alert.Dismiss(screener.Id, screener.Username, "Different person: father's name and CNIC on the passport differ from the listing.", decided);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
