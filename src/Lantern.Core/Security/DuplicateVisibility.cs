using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// As <see cref="Visibility"/>, for the duplicates queue. A pair is seen by whoever sees one of its two persons; of a
/// person the reviewer cannot see, only the organisation that holds the record may be named (so the reviewer knows
/// whom to contact), never its content. Person identities are kept across organisations, so their upkeep looks
/// past the tenant filter here and nowhere else.
/// </summary>
internal static class DuplicateVisibility
{
    public static async Task<NotFoundException> PairNotFoundAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.DuplicateCandidates.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(c => c.Id == id, ct))
        {
            await audit.WriteAsync(actor, "duplicate.access-denied", "duplicate", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The possible duplicate");
    }

    /// <summary>The organisation holding each of <paramref name="persons"/> (its name only), for persons the reviewer cannot see.</summary>
    public static async Task<Dictionary<PersonId, string>> HoldersAsync(AppDbContext db, IReadOnlyCollection<PersonId> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return [];
        }
        var holders = await db.Persons.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(p => persons.Contains(p.Id)).Select(p => new { p.Id, p.RecordedBy }).ToListAsync(ct);
        var orgIds = holders.Select(h => h.RecordedBy).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return holders.ToDictionary(h => h.Id, h => names.GetValueOrDefault(h.RecordedBy, "another organisation"));
    }

    /// <summary>Identity rows of the given persons and of every person sharing an identity with them, whoever may see them.</summary>
    public static async Task<List<PersonIdentityMember>> IdentityOfAsync(AppDbContext db, IReadOnlyCollection<PersonId> persons, CancellationToken ct)
    {
        var all = db.PersonIdentityMembers.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var identities = await all.Where(m => persons.Contains(m.PersonId)).Select(m => m.IdentityId).Distinct().ToListAsync(ct);
        return await all.Where(m => identities.Contains(m.IdentityId)).ToListAsync(ct);
    }

    /// <summary>Confirmed pairs between the given persons, whoever may see them: an identity is rebuilt from all of them.</summary>
    public static Task<List<DuplicateCandidate>> ConfirmedAmongAsync(AppDbContext db, IReadOnlyCollection<PersonId> persons, CancellationToken ct) =>
        db.DuplicateCandidates.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.Status == DuplicateStatus.Confirmed && persons.Contains(c.LeftPersonId) && persons.Contains(c.RightPersonId))
            .ToListAsync(ct);
}
