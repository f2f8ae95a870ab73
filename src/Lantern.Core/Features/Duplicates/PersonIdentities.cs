using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// Person identities as the connected components of the confirmed pairs. Confirming joins two components;
/// undoing rebuilds the component from the confirmed pairs that remain (the largest part keeps the identity id).
/// </summary>
internal static class PersonIdentities
{
    public static async Task JoinAsync(AppDbContext db, PersonId a, PersonId b, DateTime now, CancellationToken ct)
    {
        var members = await DuplicateVisibility.IdentityOfAsync(db, [a, b], ct);
        var ma = members.FirstOrDefault(m => m.PersonId == a);
        var mb = members.FirstOrDefault(m => m.PersonId == b);
        if (ma is null && mb is null)
        {
            var id = SequentialGuid.Next();
            db.PersonIdentityMembers.AddRange(new PersonIdentityMember(a, id, now), new PersonIdentityMember(b, id, now));
            return;
        }
        if (ma is null || mb is null)
        {
            var (existing, person) = ma is null ? (mb!, a) : (ma, b);
            db.PersonIdentityMembers.Add(new PersonIdentityMember(person, existing.IdentityId, now));
            return;
        }
        if (ma.IdentityId == mb.IdentityId)
        {
            return;
        }
        var keep = members.Count(m => m.IdentityId == ma.IdentityId) >= members.Count(m => m.IdentityId == mb.IdentityId) ? ma.IdentityId : mb.IdentityId;
        foreach (var m in members.Where(m => m.IdentityId != keep))
        {
            m.MoveTo(keep, now);
        }
    }

    /// <summary>Rebuilds the identity of <paramref name="person"/> without the pair <paramref name="undone"/>.</summary>
    public static async Task RebuildAsync(AppDbContext db, PersonId person, Guid undone, DateTime now, CancellationToken ct)
    {
        var members = await DuplicateVisibility.IdentityOfAsync(db, [person], ct);
        if (members.Count == 0)
        {
            return;
        }
        var ids = members.Select(m => m.PersonId).ToList();
        var pairs = (await DuplicateVisibility.ConfirmedAmongAsync(db, ids, ct)).Where(p => p.Id != undone).ToList();
        var parent = ids.ToDictionary(i => i, i => i);
        PersonId Find(PersonId x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        foreach (var p in pairs)
        {
            parent[Find(p.LeftPersonId)] = Find(p.RightPersonId);
        }
        var components = members.GroupBy(m => Find(m.PersonId)).OrderByDescending(g => g.Count()).ToList();
        var oldId = members[0].IdentityId;
        var first = true;
        foreach (var component in components)
        {
            if (component.Count() < 2)
            {
                db.PersonIdentityMembers.RemoveRange(component);
                continue;
            }
            var id = first ? oldId : SequentialGuid.Next();
            first = false;
            foreach (var m in component.Where(m => m.IdentityId != id))
            {
                m.MoveTo(id, now);
            }
        }
    }
}
