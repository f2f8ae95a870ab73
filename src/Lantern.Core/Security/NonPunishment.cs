using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// Non-punishment (PTPA 2018 s.6): a person identified as a victim (possible or actual) must not be punished for
/// offences connected to their trafficking. Investigators and prosecutors must see that flag on any record that
/// lists the person as a suspect, even when the victim case belongs to another organisation, so this looks past
/// the tenant filter. It answers only which persons carry the flag, never where or why.
/// </summary>
internal static class NonPunishment
{
    public static async Task<IReadOnlySet<PersonId>> IdentifiedVictimsAsync(AppDbContext db, IReadOnlyCollection<PersonId> persons, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return new HashSet<PersonId>();
        }
        var ids = persons.Distinct().ToList();
        var flagged = await db.Participants.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(p => ids.Contains(p.PersonId) && p.Role == CaseRole.Victim
                && (p.TraffickingStatus == TraffickingStatus.PossibleVictimOfTrafficking || p.TraffickingStatus == TraffickingStatus.ActualVictimOfTrafficking))
            .Select(p => p.PersonId).Distinct().ToListAsync(ct);
        return flagged.ToHashSet();
    }
}
