using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// Looks past the tenant filter for one thing: whether a package id was already received by any organisation of this
/// installation, so the same package cannot be imported twice (once per organisation, or once per partner record).
/// </summary>
internal static class SharingReplay
{
    public static Task<bool> PackageSeenAsync(AppDbContext db, Guid packageId, CancellationToken ct) =>
        db.SharingPackages.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(p => p.Id == packageId, ct);
}
