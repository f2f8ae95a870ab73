using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Seeds an empty installation with the synthetic demo data set (<c>lantern serve --demo</c>): four organisations,
/// about 2,100 cases from 2021 to 2026 with their people, and one demo account per role. Demo accounts have no
/// second factor; their passwords are random per installation and returned once, here.
/// </summary>
public static class SeedDemoData
{
    public const int BatchSize = 250;

    public sealed record Response(IReadOnlyList<DemoAccount> Accounts, int Cases, int Persons, bool AlreadySeeded);

    public sealed record DemoAccount(string Username, string Password, string Role, string Organisation);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly PersonIndexer _indexer;
        private readonly TimeProvider _clock;
        private readonly AuditLog _audit;
        private readonly KeyRing _keys;

        internal Handler(AppDbContext db, PersonIndexer indexer, TimeProvider clock, AuditLog audit, KeyRing keys)
        {
            _db = db;
            _indexer = indexer;
            _clock = clock;
            _audit = audit;
            _keys = keys; // blind-index keys of the network relations (DemoSeeder.Networks.cs)
        }

        /// <summary>Seeds once: refuses, changing nothing, when the database already holds a case or a user.</summary>
        public async Task<Response> Handle(Actor actor, CancellationToken ct, IProgress<string>? progress = null)
        {
            _db.ScopeTo(actor);
            if (!actor.IsSystem)
            {
                throw new ForbiddenException("demo.seed");
            }

            // One transaction: a seed that fails half-way leaves nothing behind, and on SQLite the write lock
            // taken here also stops a second seeder from passing the emptiness check at the same time.
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            if (await _db.Cases.AnyAsync(ct) || await _db.Users.AnyAsync(ct))
            {
                return new Response([], 0, 0, AlreadySeeded: true);
            }

            var now = _clock.GetUtcNow().UtcDateTime;
            var organisations = await EnsureOrganisationsAsync(ct);
            var (accounts, officers) = await CreateAccountsAsync(organisations, now, ct);
            await _db.SaveChangesAsync(ct);
            progress?.Report($"Created {organisations.Count} organisations and {accounts.Count} demo accounts.");

            var seeder = new DemoSeeder(organisations.ToDictionary(o => o.Key, o => o.Value.Id), officers, _indexer.Reindex, now);
            var network = seeder.CreateNetwork();
            _db.Persons.AddRange(network);
            await _db.SaveChangesAsync(ct);
            _db.ChangeTracker.Clear();
            var recurringIds = seeder.RecurringPersonIds;

            var plans = seeder.PlanCases();
            var batches = plans.Chunk(BatchSize).ToList();
            var created = seeder.SeedDuplicateCases(_db); // possible duplicates: one recruiter recorded by three offices (DemoSeeder.Duplicates.cs)
            var total = created + plans.Count; // the progress counts those cases too, so it ends at its total
            foreach (var batch in batches)
            {
                // Recurring people were saved once; each batch works with freshly loaded, tracked instances.
                var recurring = await _db.Persons.Where(p => recurringIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                foreach (var plan in batch)
                {
                    _db.Cases.Add(seeder.CreateCase(plan, id => recurring[id]));
                }
                created += batch.Length;
                await _db.SaveChangesAsync(ct);
                _db.ChangeTracker.Clear();
                progress?.Report($"Seeded {created} of {total} cases.");
            }
            await seeder.SeedReferralsAsync(_db, ct);
            await seeder.SeedScreeningAsync(_db, ct);
            await seeder.SeedProsecutionsAsync(_db, ct); // Prosecution proceedings (DemoSeeder.Prosecutions.cs)
            await seeder.SeedEvidenceAsync(_db, ct); // evidence register and intelligence (Features/Evidence, Features/Intelligence)
            await seeder.SeedSharingAsync(_db, ct); // signed sharing: a partner installation and one received package (DemoSeeder.Sharing.cs)
            await seeder.SeedNetworksAsync(_db, _keys, ct); // relations for the network view (DemoSeeder.Networks.cs)
            await seeder.SeedWatchlistsAsync(_db, ct); // watchlists: suspects from the demo cases, wanted, missing children, UN sample (DemoSeeder.Watchlists.cs)
            await seeder.SeedNameScreeningAsync(_db, _keys, ct); // name screening: profiles, a screened manifest, alerts (DemoSeeder.NameScreening.cs; after the demo lists)
            await seeder.SeedTipsAsync(_db, ct); // tip line: a dozen tips to the hotline offices, some triaged, one became a case (DemoSeeder.Tips.cs)
            await seeder.SeedStatisticsAsync(_db, ct); // synthetic population figures for SDG 16.2.2 (DemoSeeder.Statistics.cs)
            await seeder.SeedInspectionsAsync(_db, ct); // labour inspections: workplaces, inspections, the inspector's district (DemoSeeder.Inspections.cs)
            await seeder.SeedReportsAsync(_db, ct); // reports and anonymised releases: two logged CTDC releases (DemoSeeder.Reports.cs)
            await seeder.SeedAnnualReportAsync(_db, ct); // annual report: the Lahore office's own template (DemoSeeder.AnnualReport.cs)
            await DemoSeeder.LinkDemoPersonsAsync(_db, _audit, _clock, actor, ct); // possible duplicates: the full linking run (Features/Duplicates)

            // Counted from the database: later seeders open cases too (a tip that became a case).
            var cases = await _db.Cases.CountAsync(ct);
            var persons = await _db.Persons.CountAsync(ct);
            _audit.Add(actor, "demo.seed", "installation", null, detail: string.Create(CultureInfo.InvariantCulture, $"{cases} cases"));
            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Response(accounts, cases, persons, AlreadySeeded: false);
        }

        private async Task<Dictionary<string, Organisation>> EnsureOrganisationsAsync(CancellationToken ct)
        {
            var result = new Dictionary<string, Organisation>(StringComparer.Ordinal);
            foreach (var spec in DemoCatalogue.Organisations)
            {
                var organisation = await _db.Organisations.FirstOrDefaultAsync(o => o.Name == spec.Name, ct);
                if (organisation is null)
                {
                    organisation = new Organisation(spec.Name, spec.Type, "PK", spec.City);
                    _db.Organisations.Add(organisation);
                }
                result[spec.Code] = organisation;
            }
            return result;
        }

        private async Task<(List<DemoAccount> Accounts, List<DemoOfficer> Officers)> CreateAccountsAsync(
            Dictionary<string, Organisation> organisations, DateTime now, CancellationToken ct)
        {
            var specs = DemoCatalogue.Accounts;
            var passwords = specs.Select(_ => DemoPasswords.Generate()).ToList();

            // PBKDF2 at 600,000 iterations costs about 0.3 s a hash; hash the accounts side by side.
            var hashes = await Task.WhenAll(passwords.Select(p => Task.Run(() => PasswordHasher.Hash(p), ct)));

            var accounts = new List<DemoAccount>();
            var officers = new List<DemoOfficer>();
            for (var i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                var organisation = organisations[spec.OrganisationCode];
                var user = new User(spec.Username, organisation.Id, spec.Role, hashes[i], isDemo: true, now);
                _db.Users.Add(user);
                accounts.Add(new DemoAccount(spec.Username, passwords[i], RolePermissions.Name(spec.Role), organisation.Name));
                officers.Add(new DemoOfficer(spec.Username, spec.Role, spec.OrganisationCode, user.Id));
            }
            return (accounts, officers);
        }
    }
}
