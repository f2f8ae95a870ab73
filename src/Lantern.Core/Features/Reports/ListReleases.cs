using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Reports;

/// <summary>The log of the anonymised releases made by the actor's organisation, newest first.</summary>
public static class ListReleases
{
    public sealed record Item(Guid Id, string Kind, DateTime CreatedAt, string Username, int FromYear, int ToYear, int K, string? Organisation,
        int SourceRows, int ReleasedRows, int SuppressedRows, string Generalisation, string Sha256);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<Item>> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReleasesCtdc);
            var releases = await _db.Releases.AsNoTracking().ToListAsync(ct);
            return [.. releases.OrderByDescending(r => r.CreatedAt)
                .Select(r => new Item(r.Id, r.Kind, r.CreatedAt, r.Username, r.FromYear, r.ToYear, r.K, r.Organisation, r.SourceRows, r.ReleasedRows, r.SuppressedRows, r.Generalisation, r.Sha256))];
        }
    }
}
