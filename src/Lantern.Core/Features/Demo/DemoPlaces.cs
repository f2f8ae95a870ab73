namespace Lantern.Core.Features.Demo;

/// <summary>
/// A Pakistani district as the demo data uses it. <see cref="CnicPrefix"/> is the first five digits of a CNIC
/// issued there (NADRA numbers start province, division, district, tehsil, union council); the codes here follow
/// that pattern and are plausible, not authoritative. Postal codes are those of the district's main town.
/// </summary>
internal sealed record District(string Name, string Province, string CnicPrefix, string PostalCode);

/// <summary>A place abroad on a trafficking route.</summary>
internal sealed record ForeignPlace(string Country, string City);

internal static class DemoPlaces
{
    private const string Punjab = "Punjab";
    private const string Sindh = "Sindh";
    private const string Kp = "Khyber Pakhtunkhwa";
    private const string Balochistan = "Balochistan";
    private const string Ict = "Islamabad Capital Territory";

    private static readonly Dictionary<string, District> ByName = new District[]
    {
        new("Lahore", Punjab, "35202", "54000"),
        new("Kasur", Punjab, "35102", "55050"),
        new("Sheikhupura", Punjab, "35404", "39350"),
        new("Okara", Punjab, "35302", "56300"),
        new("Sialkot", Punjab, "34603", "51310"),
        new("Gujranwala", Punjab, "34101", "52250"),
        new("Gujrat", Punjab, "34202", "50700"),
        new("Mandi Bahauddin", Punjab, "34402", "50400"),
        new("Hafizabad", Punjab, "34302", "52110"),
        new("Narowal", Punjab, "34502", "51600"),
        new("Faisalabad", Punjab, "33100", "38000"),
        new("Jhang", Punjab, "33202", "35200"),
        new("Chiniot", Punjab, "33203", "35400"),
        new("Toba Tek Singh", Punjab, "33303", "36050"),
        new("Sargodha", Punjab, "38403", "40100"),
        new("Mianwali", Punjab, "38302", "42200"),
        new("Multan", Punjab, "36302", "60000"),
        new("Khanewal", Punjab, "36103", "58150"),
        new("Lodhran", Punjab, "36203", "59320"),
        new("Vehari", Punjab, "36603", "61100"),
        new("Sahiwal", Punjab, "36502", "57000"),
        new("Bahawalpur", Punjab, "31202", "63100"),
        new("Rahim Yar Khan", Punjab, "31303", "64200"),
        new("Muzaffargarh", Punjab, "32304", "34200"),
        new("D.G. Khan", Punjab, "32102", "32200"),
        new("Rajanpur", Punjab, "32402", "33500"),
        new("Rawalpindi", Punjab, "37405", "46000"),
        new("Karachi", Sindh, "42201", "74000"),
        new("Hyderabad", Sindh, "41303", "71000"),
        new("Thatta", Sindh, "41204", "73130"),
        new("Badin", Sindh, "41104", "72200"),
        new("Sanghar", Sindh, "44105", "68100"),
        new("Umerkot", Sindh, "44204", "69100"),
        new("Mirpurkhas", Sindh, "44103", "69000"),
        new("Tharparkar", Sindh, "44302", "69230"),
        new("Sukkur", Sindh, "45504", "65200"),
        new("Larkana", Sindh, "43203", "77150"),
        new("Jacobabad", Sindh, "43401", "79000"),
        new("Peshawar", Kp, "17301", "25000"),
        new("Mardan", Kp, "16101", "23200"),
        new("Swat", Kp, "15602", "19200"),
        new("Kohat", Kp, "14301", "26000"),
        new("Quetta", Balochistan, "54400", "87300"),
        new("Chagai", Balochistan, "54201", "87400"),
        new("Islamabad", Ict, "61101", "44000"),
    }.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static District Get(string name) => ByName[name];

    public static IReadOnlyList<District> Get(params string[] names) => names.Select(Get).ToList();

    public static IReadOnlyList<District> InProvince(string province) => ByName.Values.Where(d => d.Province == province).ToList();

    // Where people are recruited for each kind of route; the districts named in reporting on each.
    public static readonly IReadOnlyList<District> EuropeSources = Get("Gujrat", "Mandi Bahauddin", "Sialkot", "Gujranwala", "Hafizabad", "Narowal", "Sheikhupura");
    public static readonly IReadOnlyList<District> GulfLabourSources = Get("Sialkot", "Gujranwala", "D.G. Khan", "Multan", "Rawalpindi", "Peshawar", "Mardan", "Swat", "Karachi", "Faisalabad");
    public static readonly IReadOnlyList<District> CitySources = Get("Lahore", "Karachi", "Faisalabad", "Multan", "Rawalpindi", "Hyderabad", "Peshawar");
    public static readonly IReadOnlyList<District> PoorRuralSources = Get("Muzaffargarh", "Rahim Yar Khan", "Bahawalpur", "Lodhran", "Okara", "Kasur", "Vehari", "Rajanpur", "D.G. Khan", "Swat", "Jacobabad");
    public static readonly IReadOnlyList<District> KilnSources = Get("Kasur", "Sheikhupura", "Okara", "Sahiwal", "Faisalabad", "Toba Tek Singh", "Jhang", "Chiniot", "Sargodha");
    public static readonly IReadOnlyList<District> KilnSites = Get("Faisalabad", "Kasur", "Sheikhupura", "Lahore", "Gujranwala", "Sialkot", "Faisalabad", "Jhang");
    public static readonly IReadOnlyList<District> FarmBondageSites = Get("Sanghar", "Umerkot", "Mirpurkhas", "Tharparkar", "Badin", "Rahim Yar Khan", "Rajanpur");
    public static readonly IReadOnlyList<District> LoomSites = Get("Faisalabad", "Jhang", "Chiniot", "Toba Tek Singh");
    public static readonly IReadOnlyList<District> BigCities = Get("Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Multan", "Peshawar", "Hyderabad");
    public static readonly IReadOnlyList<District> ForcedMarriageSources = Get("Swat", "D.G. Khan", "Rajanpur", "Jacobabad", "Larkana", "Kohat", "Mianwali", "Gujranwala", "Faisalabad", "Lahore");
    public static readonly IReadOnlyList<District> BeggingSources = Get("Rahim Yar Khan", "Muzaffargarh", "Jacobabad", "Sukkur", "D.G. Khan", "Bahawalpur");
    public static readonly IReadOnlyList<District> OrganSources = Get("Sargodha", "Rawalpindi", "Lahore", "Bahawalpur", "Multan", "Mianwali", "Faisalabad");
    public static readonly IReadOnlyList<District> OrganSites = Get("Lahore", "Rawalpindi", "Islamabad");
    public static readonly IReadOnlyList<District> FishingSources = Get("Thatta", "Badin", "Karachi");
    public static readonly IReadOnlyList<District> AfghanHosts = Get("Karachi", "Quetta", "Peshawar");

    public static readonly IReadOnlyList<ForeignPlace> Gulf =
    [
        new("AE", "Dubai"), new("AE", "Sharjah"), new("AE", "Abu Dhabi"), new("AE", "Ajman"),
        new("SA", "Riyadh"), new("SA", "Jeddah"), new("SA", "Dammam"), new("SA", "Makkah"),
        new("OM", "Muscat"), new("OM", "Salalah"), new("QA", "Doha"),
    ];

    public static readonly IReadOnlyList<ForeignPlace> IranTransit = [new("IR", "Mirjaveh"), new("IR", "Zahedan"), new("IR", "Tehran"), new("IR", "Urmia")];
    public static readonly IReadOnlyList<ForeignPlace> TurkeyTransit = [new("TR", "Van"), new("TR", "Istanbul"), new("TR", "Izmir")];
    public static readonly IReadOnlyList<ForeignPlace> LibyaTransit = [new("LY", "Benghazi"), new("LY", "Tripoli"), new("LY", "Zuwara")];

    public static readonly IReadOnlyList<ForeignPlace> EuropeDestinations =
    [
        new("GR", "Athens"), new("GR", "Thessaloniki"), new("GR", "Nea Manolada"), new("GR", "Corinth"),
        new("IT", "Latina"), new("IT", "Brescia"), new("IT", "Naples"), new("IT", "Rome"),
        new("ES", "Barcelona"), new("ES", "Lleida"), new("ES", "Madrid"),
    ];

    public static readonly IReadOnlyList<ForeignPlace> ItalyLandings = [new("IT", "Lampedusa"), new("IT", "Crotone"), new("IT", "Pozzallo")];
}
