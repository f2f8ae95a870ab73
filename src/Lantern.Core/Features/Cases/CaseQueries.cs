using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>Loads a whole case (people with their identities, events, notes) within the actor's scope.</summary>
internal static class CaseQueries
{
    public static Task<Case?> LoadFullAsync(AppDbContext db, CaseId id, bool tracking, CancellationToken ct) =>
        Security.Visibility.LoadVisibleCaseAsync(db, id, cases => Shape(cases, tracking), ct);

    private static IQueryable<Case> Shape(IQueryable<Case> cases, bool tracking)
    {
        var query = cases
            .Include(c => c.Participants).ThenInclude(p => p.Person).ThenInclude(p => p.Aliases)
            .Include(c => c.Participants).ThenInclude(p => p.Person).ThenInclude(p => p.Documents)
            .Include(c => c.Events).ThenInclude(e => e.People)
            .Include(c => c.Notes)
            .Include(c => c.Assignments)
            .Include(c => c.Shares)
            .AsSplitQuery();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }
        return query;
    }
}
