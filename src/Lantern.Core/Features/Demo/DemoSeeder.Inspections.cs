using System.Globalization;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Persistence;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// Labour inspections' demo data: brick kilns around Faisalabad, Kasur and Sheikhupura, textile and carpet workshops
/// and a domestic placement in the Punjab Labour Department's register (Faisalabad), agricultural estates in Sindh
/// in FIA AHTC Karachi's (joint visits with the provincial labour department); inspections over two years with peshgi
/// debts, children found, a BLSA release with its order, an FIR, and follow-up visits, some overdue.
/// demo.inspector.fsd works in Faisalabad only, so the Kasur and Sheikhupura kilns show the district scope.
/// Its own random generator keeps the earlier demo data as it was.
/// </summary>
internal sealed partial class DemoSeeder
{
    internal static readonly (string Organisation, WorkplaceKind Kind, string Name, string District, string Province, string Place, double Lat, double Lon)[] WorkplaceSpecs =
    [
        ("FSD", WorkplaceKind.BrickKiln, "Al-Madina Bricks", "Faisalabad", "Punjab", "Chak 204 RB, Jaranwala Road", 31.38, 73.21),
        ("FSD", WorkplaceKind.BrickKiln, "Bismillah Bhatta", "Faisalabad", "Punjab", "Chak 66 JB, Sargodha Road", 31.49, 73.03),
        ("FSD", WorkplaceKind.BrickKiln, "Ghazi Brick Works", "Faisalabad", "Punjab", "Khurrianwala", 31.50, 73.27),
        ("FSD", WorkplaceKind.BrickKiln, "Usman Bhatta Khisht", "Faisalabad", "Punjab", "Chak 119 JB, Samundri Road", 31.28, 73.06),
        ("FSD", WorkplaceKind.BrickKiln, "New Punjab Bricks", "Faisalabad", "Punjab", "Tandlianwala Road", 31.23, 73.13),
        ("FSD", WorkplaceKind.BrickKiln, "Rehmat Kiln", "Faisalabad", "Punjab", "Chak 7 JB, Satiana Road", 31.34, 73.00),
        ("FSD", WorkplaceKind.BrickKiln, "Sadiq Bricks", "Faisalabad", "Punjab", "Dijkot", 31.22, 72.99),
        ("FSD", WorkplaceKind.BrickKiln, "Chenab Khisht Bhatta", "Faisalabad", "Punjab", "Chak 38 GB, Jhang Road", 31.40, 72.95),
        ("FSD", WorkplaceKind.BrickKiln, "Madni Brick Co.", "Faisalabad", "Punjab", "Chak 240 RB, Millat Road", 31.45, 73.12),
        ("FSD", WorkplaceKind.BrickKiln, "Shah Jamal Bhatta", "Faisalabad", "Punjab", "Chak Jhumra", 31.57, 73.18),
        ("FSD", WorkplaceKind.TextileWorkshop, "Noor Power Looms", "Faisalabad", "Punjab", "Ghulam Muhammad Abad", 31.43, 73.05),
        ("FSD", WorkplaceKind.TextileWorkshop, "Bilal Weaving Unit", "Faisalabad", "Punjab", "Jhang Bazar", 31.42, 73.08),
        ("FSD", WorkplaceKind.TextileWorkshop, "Sitara Hosiery", "Faisalabad", "Punjab", "Samanabad", 31.40, 73.06),
        ("FSD", WorkplaceKind.CarpetWorkshop, "Kashmir Carpets", "Faisalabad", "Punjab", "Mansoorabad", 31.44, 73.10),
        ("FSD", WorkplaceKind.Factory, "Crescent Ice Factory", "Faisalabad", "Punjab", "Small Industrial Estate", 31.44, 73.13),
        ("FSD", WorkplaceKind.DomesticWorkPlacement, "Household, Peoples Colony", "Faisalabad", "Punjab", "Peoples Colony No. 1", 31.39, 73.10),
        ("FSD", WorkplaceKind.AgriculturalEstate, "Chak 55 dera", "Faisalabad", "Punjab", "Chak 55 JB", 31.36, 73.15),
        ("FSD", WorkplaceKind.BrickKiln, "Kasur Bhatta No. 3", "Kasur", "Punjab", "Mustafabad", 31.06, 74.22),
        ("FSD", WorkplaceKind.BrickKiln, "Pattoki Bricks", "Kasur", "Punjab", "Pattoki", 31.02, 73.85),
        ("FSD", WorkplaceKind.BrickKiln, "Raiwind Road Kiln", "Kasur", "Punjab", "Kot Radha Kishan", 31.17, 74.10),
        ("FSD", WorkplaceKind.CarpetWorkshop, "Chunian Hand-Knotted Carpets", "Kasur", "Punjab", "Chunian", 30.96, 73.98),
        ("FSD", WorkplaceKind.BrickKiln, "Muridke Khisht", "Sheikhupura", "Punjab", "Muridke", 31.80, 74.26),
        ("FSD", WorkplaceKind.BrickKiln, "Ferozewala Bricks", "Sheikhupura", "Punjab", "Ferozewala", 31.64, 74.30),
        ("FSD", WorkplaceKind.BrickKiln, "Safdarabad Bhatta", "Sheikhupura", "Punjab", "Safdarabad", 31.76, 73.85),
        ("FSD", WorkplaceKind.CarpetWorkshop, "Sharaqpur Carpets", "Sheikhupura", "Punjab", "Sharaqpur", 31.46, 74.10),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Zamindari estate, Kot Ghulam Muhammad", "Mirpur Khas", "Sindh", "Kot Ghulam Muhammad", 25.30, 69.30),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Sugarcane estate near Digri", "Mirpur Khas", "Sindh", "Digri", 25.16, 69.11),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Cotton estate, Jhuddo", "Mirpur Khas", "Sindh", "Jhuddo", 24.98, 69.32),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Haari settlement estate, Tando Jan Muhammad", "Mirpur Khas", "Sindh", "Tando Jan Muhammad", 25.14, 69.54),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Chilli farm, Kunri", "Umerkot", "Sindh", "Kunri", 25.18, 69.57),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Estate at Samaro", "Umerkot", "Sindh", "Samaro", 25.28, 69.39),
        ("KHI", WorkplaceKind.AgriculturalEstate, "Banana estate, Tando Allahyar", "Tando Allahyar", "Sindh", "Chamber", 25.46, 68.72),
        ("KHI", WorkplaceKind.BrickKiln, "Hyderabad Bypass Kiln", "Hyderabad", "Sindh", "Hala Naka", 25.42, 68.37),
    ];

    private static readonly string[] OwnerNames = ["Muhammad Aslam", "Chaudhry Riaz Ahmad", "Malik Shahbaz", "Haji Abdul Ghafoor", "Rana Tariq Mehmood", "Sardar Nawaz Ali", "Mian Javed Iqbal", "Syed Karam Shah"];
    private static readonly string[] OperatorNames = ["Munshi Ghulam Rasool", "Munshi Bashir", "Jamadar Allah Ditta", "Kamdar Rahim Bux", "Munshi Akram", "Thekedar Nazir"];

    /// <summary>Adds the demo workplaces, inspections and inspectors' districts; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedInspectionsAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 19);
        var inspector = _officers.FirstOrDefault(o => o.Username == "demo.inspector.fsd");
        if (inspector is not null)
        {
            db.UserDistricts.Add(new UserDistrict(inspector.Id, "Faisalabad"));
        }
        var khiAdmin = _officers.FirstOrDefault(o => o.Username == "demo.admin.khi");
        var firstDay = _lastDay.AddDays(-720);
        var number = 0;
        foreach (var spec in WorkplaceSpecs)
        {
            var details = new WorkplaceDetails(spec.Kind, spec.Name, spec.Province, spec.District, spec.Place, spec.Lat, spec.Lon,
                OwnerNames[random.Next(OwnerNames.Length)], spec.Kind is WorkplaceKind.DomesticWorkPlacement ? null : OperatorNames[random.Next(OperatorNames.Length)],
                spec.Kind is WorkplaceKind.BrickKiln ? "PLD-BK-" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) : null,
                spec.Kind is WorkplaceKind.BrickKiln && random.NextDouble() < 0.2 ? WorkplaceStatus.Seasonal : WorkplaceStatus.Operating);
            var workplace = new Workplace(_organisations[spec.Organisation], details, "system:demo", _now.AddDays(-760));
            db.Workplaces.Add(workplace);
            var visits = random.Next(1, 4);
            var day = firstDay.AddDays(random.Next(0, 200));
            Inspection? previous = null;
            for (var v = 0; v < visits && day <= _lastDay; v++)
            {
                var request = DemoInspection(random, spec.Kind, day, number++);
                var validated = RecordInspection.Validate(request, _lastDay);
                var by = spec.Organisation == "FSD" ? inspector : khiAdmin;
                var inspection = new Inspection(workplace.OrganisationId, workplace, validated, by is null ? [] : [by.Id],
                    by?.Username ?? "system:demo", day.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc));
                previous?.FollowedUpBy(inspection);
                db.Inspections.Add(inspection);
                previous = inspection;
                day = day.AddDays(random.Next(60, 300));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One plausible visit; every sixth finds children, every fourth debt bondage; the 5th is the BLSA release, the 9th the FIR.</summary>
    private static RecordInspection.Request DemoInspection(Random random, WorkplaceKind kind, DateOnly day, int number)
    {
        var families = kind is WorkplaceKind.DomesticWorkPlacement ? 0 : random.Next(4, 30);
        var men = kind is WorkplaceKind.DomesticWorkPlacement ? 0 : families + random.Next(0, 10);
        var women = kind is WorkplaceKind.BrickKiln or WorkplaceKind.AgriculturalEstate ? families - random.Next(0, Math.Max(1, families / 2)) : random.Next(0, 4);
        var childrenFound = number % 6 == 0 || kind is WorkplaceKind.DomesticWorkPlacement || (kind is WorkplaceKind.CarpetWorkshop && number % 2 == 0);
        var boys = childrenFound ? random.Next(1, 6) : 0;
        var girls = childrenFound ? random.Next(kind is WorkplaceKind.DomesticWorkPlacement ? 1 : 0, 4) : 0;
        var ages = Enumerable.Range(0, boys + girls).Select(_ => random.Next(7, 17)).ToList();
        var debt = kind is WorkplaceKind.BrickKiln or WorkplaceKind.AgriculturalEstate && (number % 4 == 0 || number == 5 || number == 9);
        var workers = men + women + boys + girls;
        List<IndicatorInput> indicators = [];
        if (debt)
        {
            indicators.Add(new("debt-bondage", "Families owe peshgi taken at the start of the season; the munshi keeps the accounts."));
            indicators.Add(new("withholding-of-wages", "Wages set off against the advance; no written record given to workers."));
        }
        if (number % 3 == 0)
        {
            indicators.Add(new("restriction-of-movement", "Workers said they may not leave until the advance is repaid."));
        }
        if (number % 5 == 0)
        {
            indicators.Add(new("retention-of-identity-documents", "CNICs of several workers held by the operator."));
        }
        if (childrenFound)
        {
            indicators.Add(new("abusive-working-and-living-conditions", "Children moulding bricks and carrying loads; no school nearby."));
        }
        if (number % 7 == 0)
        {
            indicators.Add(new("excessive-overtime", "Work from before dawn until dark, seven days a week."));
        }
        var release = number == 5;
        var fir = number == 9;
        var followUp = number % 2 == 0 || childrenFound || debt ? day.AddDays(random.Next(20, 90)) : (DateOnly?)null;
        return new RecordInspection.Request(Guid.Empty, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Announced: number % 4 == 1, null,
            null, men, women, boys, girls, null, ages, indicators,
            debt ? random.Next(40, 400) * 1000L * Math.Max(1, families / 4) : null, debt ? Math.Max(1, families) : null,
            debt ? "Kiln families owe advances; the inspectors explained that peshgi is void under the BLSA 1992." : null,
            release ? Math.Min(workers, 14) : null, release ? "DC-FSD/BLSA/2025/117" : null, release || fir,
            fir ? "FIR 412/25" : null, fir ? "Police Station Saddar Jaranwala" : null, release ? Math.Min(workers, 14) : fir ? Math.Min(workers, 3) : null,
            followUp?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
