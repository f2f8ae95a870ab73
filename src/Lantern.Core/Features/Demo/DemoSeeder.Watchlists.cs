using System.Globalization;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The watchlists' demo data: FIA AHTC Lahore's suspects of its open cases (built from the demo cases, Karachi may
/// screen), its hand-kept list of wanted persons (Urdu-script aliases, partial birth dates, CNICs), Aman Shelter's
/// missing children reported to it (Lahore and Karachi may screen), and the synthetic UN consolidated list sample
/// imported by Lahore. Synthetic names only, from the bundled name lists. Runs after the cases are saved, with a
/// random generator of its own.
/// </summary>
internal sealed partial class DemoSeeder
{
    private const string UnSampleResource = "Lantern.Core.Demo.un-consolidated-sample.xml";

    /// <summary>Adds the demo watchlists; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedWatchlistsAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 6);
        var lahore = _organisations["LHR"];
        var lhr = Officer("LHR", lahore);
        var isb = Officer("ISB", _organisations["ISB"]);
        var start = _now.AddDays(-90);

        // Suspects of Lahore's open cases, refreshed from the records.
        var suspects = new Watchlist("Suspects with open cases — FIA AHTC Lahore",
            "Persons who are suspects in FIA AHTC Lahore's open cases. Screen travellers at departure and applicants for protector stamps; a hit means: call the circle's duty officer before acting.",
            WatchlistKind.Suspects, WatchlistSource.Records, lahore, lhr.UserId, start);
        suspects.AllowScreening([_organisations["KHI"]], start);
        db.Watchlists.Add(suspects);
        var (records, skipped) = await RefreshWatchlist.SuspectsAsync(db, lahore, ct);
        var counts = await WatchlistReplacement.ReplaceAsync(db, suspects, records, lhr, _now.AddDays(-1), null, ct);
        db.WatchlistImports.Add(new WatchlistImport(suspects, suspects.Version, WatchlistFileFormat.Records, null, null, counts, skipped, lhr.UserId, lhr.Username, _now.AddDays(-1)));

        // Wanted persons, kept by hand over a few weeks: one list version per entry.
        var wanted = new Watchlist("Wanted persons — FIA Lahore",
            "Absconders and persons with warrants in FIA AHTC Lahore's trafficking and smuggling cases. Screen at departure; a hit is reported to the investigating officer.",
            WatchlistKind.Wanted, WatchlistSource.Manual, lahore, lhr.UserId, start);
        wanted.AllowScreening([_organisations["KHI"]], start);
        db.Watchlists.Add(wanted);
        for (var i = 0; i < 30; i++)
        {
            var when = start.AddDays(i * 2 + random.Next(0, 2));
            var version = wanted.NextVersion(when);
            WatchlistEditing.Add(db, wanted, version, string.Create(CultureInfo.InvariantCulture, $"W-{2024 + i / 12}-{i + 1:000}"), ListedPerson(random, child: false), lhr, when);
        }

        // Missing children reported to Aman Shelter.
        var missing = new Watchlist("Missing children reported to Aman Shelter",
            "Children reported missing to Aman Shelter Islamabad by families and child-protection bodies. A hit alerts the shelter at once; do not question the child about the report.",
            WatchlistKind.MissingChildren, WatchlistSource.Manual, _organisations["ISB"], isb.UserId, start);
        missing.AllowScreening([lahore, _organisations["KHI"]], start);
        db.Watchlists.Add(missing);
        for (var i = 0; i < 25; i++)
        {
            var when = start.AddDays(i * 3 + random.Next(0, 3));
            var version = missing.NextVersion(when);
            WatchlistEditing.Add(db, missing, version, string.Create(CultureInfo.InvariantCulture, $"MC-{i + 1:000}"), ListedPerson(random, child: true), isb, when);
        }

        // The synthetic UN consolidated list sample, imported by Lahore.
        var un = new Watchlist("UN Security Council consolidated list (sample)",
            "A synthetic sample in the format of the UN Security Council consolidated list, to show imports. Not the real list.",
            WatchlistKind.Sanctions, WatchlistSource.Import, lahore, lhr.UserId, start);
        db.Watchlists.Add(un);
        await using (var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream(UnSampleResource) ?? throw new InvalidOperationException("The UN sample list is not embedded."))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            var file = WatchlistFiles.Read(buffer.ToArray(), WatchlistFileFormat.UnXml);
            var imported = await WatchlistReplacement.ReplaceAsync(db, un, file.Records, lhr, _now.AddDays(-20), null, ct);
            db.WatchlistImports.Add(new WatchlistImport(un, un.Version, WatchlistFileFormat.UnXml, "un-consolidated-sample.xml", file.Sha256, imported, file.Skipped, lhr.UserId, lhr.Username, _now.AddDays(-20)));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private Actor Officer(string organisation, Common.OrganisationId id)
    {
        var officer = _officers.First(o => o.OrganisationCode == organisation);
        return new Actor(officer.Id, officer.Username, id, officer.Role, "demo");
    }

    /// <summary>A synthetic listed person: a name from the bundled lists (with its Urdu spelling and a variant as aliases), a birth date often partly known, a CNIC for most adults.</summary>
    private ListedDetails ListedPerson(Random random, bool child)
    {
        var female = child && random.NextDouble() < 0.6;
        var first = female ? _names.Female[random.Next(_names.Female.Count)] : _maleWithoutMuhammad[random.Next(_maleWithoutMuhammad.Count)];
        var second = (female ? _names.FemaleSecond : _names.Second) is { Count: > 0 } seconds ? seconds[random.Next(seconds.Count)] : _names.Second[random.Next(_names.Second.Count)];
        var name = first.Latin + " " + second.Latin;
        var aliases = new List<string>();
        if (first.Urdu is not null && second.Urdu is not null)
        {
            aliases.Add(first.Urdu + " " + second.Urdu);
        }
        if (_names.Variants(first.Latin) is { Count: > 0 } variants)
        {
            aliases.Add(variants[0] + " " + second.Latin);
        }
        var year = child ? _now.Year - random.Next(6, 17) : _now.Year - random.Next(22, 60);
        var birth = random.Next(3) switch
        {
            0 => year.ToString(CultureInfo.InvariantCulture),
            1 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 13):00}/{year}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}"),
        };
        var cnic = !child && random.NextDouble() < 0.8
            ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(3, 6)}{random.Next(1000, 9999)}-{random.Next(1000000, 9999999)}-{random.Next(1, 10)}")
            : null;
        var passport = !child && random.NextDouble() < 0.3 ? string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(1000000, 9999999)}") : null;
        var reason = child
            ? Pick(random, ["Reported missing by her family from Rawalpindi.", "Ran away from a madrassa; family fears recruitment for begging.", "Taken by a relative promising domestic work in Lahore.", "Missing after a family dispute; last seen at a bus stand."])
            : Pick(random, ["Absconder; warrant under PTPA 2018 s.3.", "Proclaimed offender in a smuggling case (PSMA 2018).", "Warrant of arrest; recruitment fraud under the Emigration Ordinance.", "Wanted for questioning in a forced-labour case."]);
        return new ListedDetails(name, aliases, birth, "PK", cnic, passport, reason);
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
