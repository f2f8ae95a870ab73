using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// What every network query does first: check the permission, build the actor's network, and find the entities the
/// request names. An entity outside the actor's network is not found; a person or case that exists but is hidden is
/// also audited as a denied access (<see cref="Visibility"/>), and answers exactly like one that does not exist.
/// </summary>
internal sealed class NetworkAccess(AppDbContext db, Visibility visibility, BlindIndex index, KeyRing keys, NetworkCache cache)
{
    private readonly NetworkKeys _keys = new(index, keys);

    public async Task<ActorNetwork> NetworkAsync(Actor actor, string permission, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(permission);
        return await cache.GetAsync(db, actor, async () =>
        {
            // Person records an analyst confirmed to be one identity (the duplicates queue) become SameAs edges; the
            // reader adds an edge only when the actor sees both records.
            var sameAs = (await db.DuplicateCandidates.AsNoTracking()
                    .Where(d => d.Status == Duplicates.DuplicateStatus.Confirmed)
                    .Select(d => new { d.LeftPersonId, d.RightPersonId })
                    .ToListAsync(ct))
                .Select(d => (d.LeftPersonId, d.RightPersonId)).ToList();
            return await new NetworkReader(db, index, keys).ReadAsync(actor, sameAs, ct);
        }, ct);
    }

    public async Task<int> NodeAsync(Actor actor, ActorNetwork network, string? entity, string field, CancellationToken ct)
    {
        var node = NetworkProjection.Resolve(network, _keys, entity, field, out var type);
        if (node >= 0)
        {
            return node;
        }
        var text = entity ?? "";
        var id = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        throw type switch
        {
            NodeType.Person => await visibility.PersonNotFoundAsync(actor, new PersonId(Guid.Parse(id)), ct),
            NodeType.Case => await visibility.CaseNotFoundAsync(actor, new CaseId(Guid.Parse(id)), ct),
            _ => new NotFoundException("The entity"),
        };
    }
}
