using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Refreshes a list of suspects built from records: its entries become the persons who are suspects in the owning
/// organisation's open cases (active or follow-up), with their names in every script, aliases, birth date, nationality,
/// CNIC and passport, and the cases and charges as the reason. Diffed like an import, in one list version; a suspect
/// whose cases are all closed is removed (kept with history).
/// </summary>
public static class RefreshWatchlist
{
    public sealed record Response(Guid ImportId, int ListVersion, int Added, int Changed, int Removed, int Unchanged, int Skipped);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Guid listId, CancellationToken ct)
        {
            var list = await WatchlistVisibility.OwnListAsync(_db, _audit, actor, listId, ct);
            if (list.Source != WatchlistSource.Records)
            {
                throw new ConflictException("list", "Only a list built from records is refreshed.");
            }
            var (records, skipped) = await SuspectsAsync(_db, list.OwnerOrganisationId, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var counts = await WatchlistReplacement.ReplaceAsync(_db, list, records, actor, now, null, ct);
            var import = new WatchlistImport(list, list.Version, WatchlistFileFormat.Records, null, null, counts, skipped, actor.UserId, actor.Username, now);
            _db.WatchlistImports.Add(import);
            _audit.Add(actor, "watchlist.refresh", "watchlist", list.Id.ToString(),
                detail: $"version {list.Version}, added {counts.Added}, changed {counts.Changed}, removed {counts.Removed}, unchanged {counts.Unchanged}, skipped {skipped}");
            await _db.SaveChangesAsync(ct);
            return new Response(import.Id, list.Version, counts.Added, counts.Changed, counts.Removed, counts.Unchanged, skipped);
        }
    }

    /// <summary>One entry per person who is a suspect in an open case of <paramref name="owner"/>; persons whose record does not make a valid entry are counted as skipped.</summary>
    internal static async Task<(List<ListedRecord> Records, int Skipped)> SuspectsAsync(AppDbContext db, OrganisationId owner, CancellationToken ct)
    {
        var suspects = await db.Participants.AsNoTracking()
            .Where(p => p.Role == CaseRole.Suspect && p.Case.OrganisationId == owner && (p.Case.Status == CaseStatus.Active || p.Case.Status == CaseStatus.FollowUp))
            .Select(p => new { p.Id, p.PersonId, p.Case.Reference })
            .ToListAsync(ct);
        var participantIds = suspects.Select(s => s.Id).ToList();
        var charges = (await db.Charges.AsNoTracking().Where(c => participantIds.Contains(c.AccusedParticipantId))
                .Select(c => new { c.AccusedParticipantId, c.Instrument, c.Section }).ToListAsync(ct))
            .ToLookup(c => c.AccusedParticipantId, c => $"{c.Instrument} s.{c.Section}");
        var personIds = suspects.Select(s => s.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents).Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        var records = new List<ListedRecord>(persons.Count);
        var skipped = 0;
        foreach (var person in persons.OrderBy(p => p.Id.Value))
        {
            var cases = suspects.Where(s => s.PersonId == person.Id).OrderBy(s => s.Reference, StringComparer.Ordinal)
                .Select(s => charges[s.Id].Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } c ? $"{s.Reference} ({string.Join(", ", c)})" : s.Reference).Distinct().ToList();
            var name = string.Join(' ', new[] { person.FirstName, person.MiddleName, person.SecondName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var aliases = new List<string>();
            if (!string.IsNullOrWhiteSpace(person.NameInOriginalScript))
            {
                if (name.Length == 0)
                {
                    name = person.NameInOriginalScript;
                }
                else
                {
                    aliases.Add(person.NameInOriginalScript);
                }
            }
            // Sorted: the database returns included rows in no set order, and a refresh must not see a change where there is none.
            aliases.AddRange(person.Aliases.Select(a => a.Value).Order(StringComparer.Ordinal));
            if (name.Length == 0)
            {
                skipped++;
                continue;
            }
            var nationality = person.CitizenshipCodes.FirstOrDefault(c => c.Length == 2);
            var birth = person.BirthDate is { } b && Standardise.Date(b) is not null ? b : null;
            string? Document(DocumentType type) => person.Documents.Where(d => d.Type == type).Select(d => d.Number).Order(StringComparer.Ordinal).FirstOrDefault();
            var details = new ListedDetails(name, aliases, birth, nationality, Document(DocumentType.CNIC) ?? Document(DocumentType.NICOP), Document(DocumentType.Passport),
                (cases.Count == 1 ? "Suspect in case " : "Suspect in cases ") + string.Join("; ", cases));
            try
            {
                records.Add(new ListedRecord("person-" + person.Id.Value.ToString("N"), details.Validated(), person.Id));
            }
            catch (ValidationException)
            {
                skipped++;
            }
        }
        return (records, skipped);
    }
}
