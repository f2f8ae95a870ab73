using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>The file of a package this organisation sent, to deliver to the partner (only the partner can open it).</summary>
public static class DownloadPackage
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

        public async Task<PackageFile> Handle(Actor actor, Guid packageId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingSend);
            var package = await _db.SharingPackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packageId && p.Direction == PackageDirection.Sent, ct)
                ?? throw new NotFoundException("The package");
            _audit.Add(actor, "sharing.package.download", "sharing_package", packageId.ToString(), detail: "to " + package.PartnerName);
            await _db.SaveChangesAsync(ct);
            return new PackageFile(SharingProjection.FileName(package.Id), package.File ?? []);
        }
    }
}
