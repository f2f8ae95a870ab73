using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>The organisation's possible common persons with its partners: its own person, the partner's name, the pair's state.</summary>
public static class ListLinkagePairs
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db)
        {
            _db = db;
        }

        public async Task<IReadOnlyList<LinkagePairView>> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingReceive);
            var pairs = await _db.LinkagePairs.AsNoTracking().OrderByDescending(p => p.FoundAt).ToListAsync(ct);
            return await LinkageProjection.ToViewsAsync(_db, pairs, ct);
        }
    }
}

internal static class LinkageProjection
{
    public static async Task<IReadOnlyList<LinkagePairView>> ToViewsAsync(AppDbContext db, IReadOnlyList<LinkagePair> pairs, CancellationToken ct)
    {
        var ids = pairs.Select(p => p.PersonId).Distinct().ToList();
        var names = new Dictionary<Common.PersonId, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var person in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                names[person.Id] = person.DisplayName;
            }
        }
        return [.. pairs.Select(p => ToView(p, names.GetValueOrDefault(p.PersonId, "(person not visible)")))];
    }

    public static LinkagePairView ToView(LinkagePair p, string personName) => new(
        p.Id, p.Reference, p.PersonId.Value, personName, p.PartnerId, p.PartnerName,
        p.Origin == LinkagePairOrigin.Matched ? "matched" : "partner-agreed", p.FoundAt, p.AgreedAt, p.AgreedBy, p.PartnerAgreedAt, Status(p));

    public static string Status(LinkagePair p) => (p.AgreedAt, p.PartnerAgreedAt) switch
    {
        (not null, not null) => "both-agreed",
        (not null, null) => "you-agreed",
        (null, not null) => "partner-agreed",
        _ => "possible",
    };

    public static async Task<string> PersonNameAsync(AppDbContext db, Common.PersonId id, CancellationToken ct) =>
        (await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct))?.DisplayName ?? "(person not visible)";
}
