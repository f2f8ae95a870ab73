using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>The organisation's partner installations with their key fingerprints.</summary>
public static class ListPartners
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db)
        {
            _db = db;
        }

        public async Task<IReadOnlyList<PartnerView>> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            if (!actor.Has(Permissions.SharingManage) && !actor.Has(Permissions.SharingSend) && !actor.Has(Permissions.SharingReceive))
            {
                throw new Common.ForbiddenException(Permissions.SharingManage);
            }
            var partners = await _db.SharingPartners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
            return partners.Select(SharingProjection.ToView).ToList();
        }
    }
}
