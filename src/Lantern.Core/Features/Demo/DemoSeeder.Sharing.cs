using System.Security.Cryptography;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Persistence;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Signed sharing's demo data: FIA AHTC Lahore and FIA AHTC Karachi have registered the FIA's Islamabad installation
/// as a partner, and Lahore has received one package from it (a case lead graded H0 and intelligence graded H1, not
/// for evidence). The partner's keys are made up here; only their public halves exist.
/// </summary>
internal sealed partial class DemoSeeder
{
    public const string DemoPartnerName = "FIA AHTC Islamabad (partner installation)";

    /// <summary>Adds the demo partners and one received package; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedSharingAsync(AppDbContext db, CancellationToken ct)
    {
        var signing = RandomNumberGenerator.GetBytes(32);
        var encryption = RandomNumberGenerator.GetBytes(32);
        var registered = _now.AddDays(-20);
        SharingPartner? lahorePartner = null;
        foreach (var code in new[] { "LHR", "KHI" })
        {
            var admin = _officers.FirstOrDefault(o => o.OrganisationCode == code && o.Role == Security.Role.Administrator)?.Username ?? "demo.admin";
            var partner = new SharingPartner(_organisations[code], DemoPartnerName, signing, encryption, admin, registered);
            db.SharingPartners.Add(partner);
            lahorePartner ??= partner;
        }
        var lahore = _organisations["LHR"];
        var receivedBy = _officers.FirstOrDefault(o => o.OrganisationCode == "LHR" && o.Role == Security.Role.Investigator)?.Username ?? "demo.lhr";
        var receivedAt = _now.AddDays(-6);
        var packageId = Common.SequentialGuid.Next();
        lahorePartner!.Accept(1);
        var items = new[]
        {
            new PackageItem("case", Guid.NewGuid(), "H0", null, "B", 2, null, "Case ISB-FIA-2026-0142",
                "Reference: ISB-FIA-2026-0142\nStatus: UnderInvestigation\nOpened: 2026-09-14\nVictims: 3; suspects: 2"),
            new PackageItem("intelligence", Guid.NewGuid(), "H1", null, "B", 3, "law-enforcement-cooperation", "I-4 on case ISB-FIA-2026-0142",
                "A sub-agent in Gujranwala collects passports from recruits for 'visa processing' and hands them to a travel agency in Blue Area, Islamabad, before departures to the Gulf."),
        };
        db.SharingPackages.Add(new SharingPackage(packageId, lahore, lahorePartner, PackageDirection.Received, "items", 1, items.Length, null, receivedBy, receivedAt));
        foreach (var item in items)
        {
            db.ReceivedItems.Add(new ReceivedItem(lahore, lahorePartner, packageId, item, SharingCodes.ParseKind(item.Kind, "kind"), IntelligenceGrading.ParseHandling(item.HandlingCode),
                IntelligenceGrading.ParseSource(item.SourceReliability), (InformationAccuracy)item.InformationAccuracy, SharingCodes.ParseBasis(item.ConsentBasis, "basis"), receivedAt));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
