using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// The one place that looks past the tenant filter: to tell an attempt on a hidden record (audited as a
/// denied authorisation) from a request for one that does not exist. Both answer <see cref="NotFoundException"/>.
/// </summary>
internal sealed class Visibility(AppDbContext db, AuditLog audit)
{
    public async Task<NotFoundException> CaseNotFoundAsync(Actor actor, CaseId id, CancellationToken ct)
    {
        if (await db.Cases.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(c => c.Id == id, ct))
        {
            await audit.WriteAsync(actor, "case.access-denied", "case", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The case");
    }

    public async Task<NotFoundException> PersonNotFoundAsync(Actor actor, PersonId id, CancellationToken ct)
    {
        if (await db.Persons.IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(p => p.Id == id, ct))
        {
            await audit.WriteAsync(actor, "person.access-denied", "person", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        return new NotFoundException("The person");
    }
}
