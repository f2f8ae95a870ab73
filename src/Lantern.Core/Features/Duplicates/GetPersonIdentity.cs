using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// The person identity a record belongs to: every source record with its provenance (organisation, recorded at, the
/// actor's cases naming it) and the confirmed pairs that join them, each of which can be undone. A record the actor
/// cannot see appears only as "held by" its organisation, and only to reviewers of the duplicates queue.
/// </summary>
public static class GetPersonIdentity
{
    public sealed record SourceRecord(Guid? PersonId, string? Name, string HeldBy, DateTime? RecordedAt, IReadOnlyList<string> Cases, bool Visible);

    public sealed record ConfirmedLink(Guid PairId, Guid LeftPersonId, Guid RightPersonId, string By, DateTime At);

    public sealed record Response(Guid? IdentityId, IReadOnlyList<SourceRecord> Records, IReadOnlyList<ConfirmedLink> Links);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
        }

        public async Task<Response> Handle(Actor actor, PersonId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.PersonsRead);
            if (!await _db.Persons.AnyAsync(p => p.Id == id, ct))
            {
                throw await _visibility.PersonNotFoundAsync(actor, id, ct);
            }
            var members = await DuplicateVisibility.IdentityOfAsync(_db, [id], ct);
            if (members.Count == 0)
            {
                return new Response(null, [], []);
            }
            var ids = members.Select(m => m.PersonId).ToList();
            var visible = await _db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            var visibleIds = visible.Select(p => p.Id).ToList();
            var cases = (await _db.Participants.AsNoTracking().Where(p => visibleIds.Contains(p.PersonId)).Select(p => new { p.PersonId, p.Case.Reference }).ToListAsync(ct))
                .ToLookup(x => x.PersonId, x => x.Reference);
            var orgIds = visible.Select(p => p.RecordedBy).Distinct().ToList();
            var orgs = await _db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var records = visible.OrderBy(p => p.CreatedAt).Select(p => new SourceRecord(p.Id.Value, p.DisplayName, orgs.GetValueOrDefault(p.RecordedBy, "?"), p.CreatedAt,
                [.. cases[p.Id].Distinct().Order(StringComparer.Ordinal)], true)).ToList();
            if (actor.Has(Permissions.LinkageRead))
            {
                var hidden = ids.Except(visibleIds).ToList();
                var holders = await DuplicateVisibility.HoldersAsync(_db, hidden, ct);
                records.AddRange(hidden.Select(h => new SourceRecord(null, null, holders.GetValueOrDefault(h, "another organisation"), null, [], false)).OrderBy(r => r.HeldBy, StringComparer.Ordinal));
            }
            var links = await _db.DuplicateCandidates.AsNoTracking()
                .Where(c => c.Status == DuplicateStatus.Confirmed && visibleIds.Contains(c.LeftPersonId) && visibleIds.Contains(c.RightPersonId))
                .OrderBy(c => c.DecidedAt).ToListAsync(ct);
            await _audit.WriteAsync(actor, "person.identity-records-view", "person", id.ToString(), detail: $"identity {members[0].IdentityId}; {records.Count} records", ct: ct);
            return new Response(members[0].IdentityId, records,
                [.. links.Select(l => new ConfirmedLink(l.Id, l.LeftPersonId.Value, l.RightPersonId.Value, l.DecidedByName ?? "?", l.DecidedAt ?? l.FoundAt))]);
        }
    }
}
