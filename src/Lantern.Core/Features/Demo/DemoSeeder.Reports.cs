using Lantern.Core.Features.Reports;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The release log's demo entries: the two FIA administrators each made a CTDC release (k = 11) of their office's
/// cases of the last three full years. The releases are computed from the demo cases as a real release would be;
/// only the log is kept, as always.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Adds the demo release log; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedReportsAsync(AppDbContext db, CancellationToken ct)
    {
        var to = _lastDay.Year - 1;
        var from = to - 2;
        foreach (var (office, username, daysAgo) in new[] { ("LHR", "demo.admin.lhr", 40), ("KHI", "demo.admin.khi", 12) })
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Username == username, ct);
            if (user is null || !_organisations.TryGetValue(office, out var organisation))
            {
                continue;
            }
            var facts = (await VictimFacts.LoadAsync(db, null, [organisation], ct)).Where(f => f.Year >= from && f.Year <= to).ToList();
            var result = CtdcDataset.Anonymise(facts, from, to, CtdcDataset.DefaultK);
            var csv = ReleaseCtdc.ToCsv(result.Rows);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(csv)));
            db.Releases.Add(new Release("ctdc", organisation, user.Id, user.Username, _now.AddDays(-daysAgo), from, to, CtdcDataset.DefaultK, null,
                result.Source, result.Rows.Count, result.Suppressed, result.Generalisation, sha));
        }
        await db.SaveChangesAsync(ct);
    }
}
