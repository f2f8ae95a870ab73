using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// The one place that looks past the tenant filter: to tell an attempt on a hidden record (audited as a
/// denied authorisation) from a request for one that does not exist (both answer <see cref="NotFoundException"/>),
/// and to load a whole case once the case itself has passed the filter.
/// </summary>
internal sealed class Visibility(AppDbContext db, AuditLog audit)
{
    /// <summary>
    /// Loads one case shaped by <paramref name="shape"/> (its includes) if the actor may see it. Everyone taking part
    /// in a visible case is visible, so after one filtered check the graph loads without repeating the tenant filter
    /// in every split query: on PostgreSQL, planning those repeated filters cost more than running them.
    /// </summary>
    public static Task<Case?> LoadVisibleCaseAsync(AppDbContext db, CaseId id, Func<IQueryable<Case>, IQueryable<Case>> shape, CancellationToken ct)
    {
        // The case's own tenant condition (the same as AppDbContext's filter on Case) on the root only; the split
        // queries for its people, events and notes join to this root and need no filter of their own. The condition
        // is left out, not OR-ed with a parameter, for the unrestricted system actor: PostgreSQL's cached generic plan
        // cannot fold "$1 OR ..." and scanned the cases table with it.
        var query = shape(db.Cases.IgnoreQueryFilters([AppDbContext.TenantFilter])).Where(c => c.Id == id);
        if (!db.ScopeUnrestricted)
        {
            var organisation = db.ScopeOrganisation;
            var user = db.ScopeUser;
            // Labour inspectors (district-bound) see their assigned cases and those opened from their districts' inspections only.
            query = db.ScopeDistrictBound
                ? query.Where(c => c.Assignments.Any(a => a.UserId == user)
                    || db.Inspections.Any(i => i.CaseId == c.Id && i.OrganisationId == organisation && db.UserDistricts.Any(d => d.UserId == user && d.District == i.District)))
                : query.Where(c => c.OrganisationId == organisation || c.Shares.Any(s => s.OrganisationId == organisation) || c.Assignments.Any(a => a.UserId == user));
        }
        return query.FirstOrDefaultAsync(ct);
    }

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
