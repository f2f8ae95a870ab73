using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Networks;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The network view's demo data, recorded as relations on cases: one recruiter's phone found on a suspect in a Lahore
/// case and on a suspect in a Karachi case (the Karachi case one shared with Lahore where there is one); a bank account
/// into which victims' families in three offices paid "advances"; a van that carried victims; and an overseas
/// employment promoter the suspects worked for. Runs after the cases are saved, with its own random generator.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Adds the demo relations; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedNetworksAsync(AppDbContext db, KeyRing keyRing, CancellationToken ct)
    {
        var keys = new NetworkKeys(new BlindIndex(keyRing), keyRing);
        var random = new Random(Seed + 5);
        var lhr = _organisations["LHR"];
        var khi = _organisations["KHI"];
        var fsd = _organisations["FSD"];
        var lahore = await OpenCasesAsync(db, lhr, null, 4, ct);
        var karachi = await OpenCasesAsync(db, khi, lhr, 2, ct);
        var faisalabad = await OpenCasesAsync(db, fsd, null, 1, ct);
        if (lahore.Count < 2 || karachi.Count < 1)
        {
            return;
        }

        var phone = string.Create(CultureInfo.InvariantCulture, $"+92300{random.Next(1000000, 9999999)}");
        var account = string.Create(CultureInfo.InvariantCulture, $"PK{random.Next(10, 99)} MEZN {random.Next(1000, 9999)} {random.Next(1000, 9999)} {random.Next(1000, 9999)} {random.Next(1000, 9999)}");
        var van = string.Create(CultureInfo.InvariantCulture, $"LES-{random.Next(1000, 9999)}");
        const string agency = "Al-Noor Overseas Employment Promoters, Lahore";
        var since = _lastDay.AddMonths(-18);

        // The recruiter's phone: on a suspect in Lahore and on a suspect in Karachi.
        Relate(db, keys, lahore[0], Suspect(lahore[0]), NodeType.Phone, phone, EdgeType.Uses, since, "Number found in the victims' call logs.");
        Relate(db, keys, karachi[0], Suspect(karachi[0]), NodeType.Phone, phone, EdgeType.Uses, since.AddMonths(3), "Number given to families as the agent's contact.");
        // The account: suspects hold it, victims' families paid into it.
        Relate(db, keys, lahore[0], Suspect(lahore[0]), NodeType.BankAccount, account, EdgeType.Holds, since, "Account opened with the suspect's CNIC.");
        foreach (var @case in new[] { lahore[1], karachi[0] }.Concat(faisalabad))
        {
            Relate(db, keys, @case, Victim(@case), NodeType.BankAccount, account, EdgeType.Contacted, since.AddDays(random.Next(30, 300)),
                string.Create(CultureInfo.InvariantCulture, $"The family paid PKR {random.Next(8, 40) * 10000:N0} into this account as an advance for the job."));
        }
        // The van that carried victims from Lahore.
        Relate(db, keys, lahore[1], Suspect(lahore[1]), NodeType.Vehicle, van, EdgeType.Owns, since.AddMonths(2), "Registered to the suspect's brother; seen at the bus terminal.");
        Relate(db, keys, lahore[2 % lahore.Count], Victim(lahore[2 % lahore.Count]), NodeType.Vehicle, van, EdgeType.Other, since.AddMonths(5), "Driven in this van to the place of work.");
        // The employment promoter the suspects worked for.
        foreach (var @case in new[] { lahore[0], lahore[3 % lahore.Count], karachi[^1] })
        {
            Relate(db, keys, @case, Suspect(@case), NodeType.Organisation, agency, EdgeType.MemberOf, since.AddMonths(-6), "Works as a sub-agent of the promoter.");
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static Task<List<Case>> OpenCasesAsync(AppDbContext db, OrganisationId organisation, OrganisationId? sharedWith, int count, CancellationToken ct) =>
        db.Cases.Include(c => c.Participants).ThenInclude(p => p.Person)
            .Where(c => c.OrganisationId == organisation && c.Status != CaseStatus.Closed && c.Status != CaseStatus.ClosedReferred
                && c.Participants.Any(p => p.Role == CaseRole.Suspect) && c.Participants.Any(p => p.Role == CaseRole.Victim))
            .OrderByDescending(c => sharedWith != null && c.Shares.Any(s => s.OrganisationId == sharedWith)).ThenByDescending(c => c.OpenedYear).ThenBy(c => c.Reference)
            .Take(count).ToListAsync(ct);

    private static CaseParticipant Suspect(Case @case) => @case.Participants.Where(p => p.Role == CaseRole.Suspect).OrderBy(p => p.Id).First();

    private static CaseParticipant Victim(Case @case) => @case.Participants.Where(p => p.Role == CaseRole.Victim).OrderBy(p => p.Id).First();

    private void Relate(AppDbContext db, NetworkKeys keys, Case @case, CaseParticipant person, NodeType type, string value, EdgeType relation, DateOnly from, string note)
    {
        var end = keys.End(type, value, "value");
        var officer = _officers.FirstOrDefault(o => _organisations[o.OrganisationCode] == @case.OrganisationId && o.Role == Role.Investigator)?.Username ?? "demo";
        db.CaseRelations.Add(new CaseRelation(@case, keys.End(NodeType.Person, person.PersonId.ToString(), "person"), end, relation,
            from < _lastDay ? from : _lastDay, null, note, officer, _now));
    }
}
