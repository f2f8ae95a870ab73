using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>Looks past the intelligence filter for one thing only: the running numbers of a case's items, so numbers never repeat.</summary>
internal static class IntelligenceVisibility
{
    public static IQueryable<int> NumbersOfCase(AppDbContext db, CaseId caseId) =>
        db.IntelligenceItems.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(i => i.CaseId == caseId).Select(i => i.Number);
}
