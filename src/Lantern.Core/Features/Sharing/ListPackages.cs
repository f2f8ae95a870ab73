using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>The packages the organisation sent and received, and the received items with their provenance. Reading them is audited.</summary>
public static class ListPackages
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<SharingOverview> Handle(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            var canSend = actor.Has(Permissions.SharingSend);
            var canReceive = actor.Has(Permissions.SharingReceive);
            if (!canSend && !canReceive)
            {
                throw new ForbiddenException(Permissions.SharingReceive);
            }
            var packages = await _db.SharingPackages.AsNoTracking().OrderByDescending(p => p.At).ThenByDescending(p => p.Sequence).ToListAsync(ct);
            var items = canReceive
                ? await _db.ReceivedItems.AsNoTracking().OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync(ct)
                : [];
            _audit.Add(actor, "sharing.list", "sharing_package", null, detail: packages.Count + " package(s), " + items.Count + " received item(s)");
            await _db.SaveChangesAsync(ct);
            return new SharingOverview(
                canSend ? packages.Where(p => p.Direction == PackageDirection.Sent).Select(SharingProjection.ToView).ToList() : [],
                canReceive ? packages.Where(p => p.Direction == PackageDirection.Received).Select(SharingProjection.ToView).ToList() : [],
                items.Select(SharingProjection.ToView).ToList(), canSend, canReceive);
        }
    }
}
