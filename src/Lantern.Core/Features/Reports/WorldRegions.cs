using System.Collections.Frozen;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// UN M49 geographic regions of countries (ISO 3166 alpha-2), the generalisation ladder of citizenship and country of
/// exploitation in the CTDC release: country, then subregion, then region. Sub-Saharan Africa and Latin America and
/// the Caribbean are used as subregions (M49 splits them further into intermediate regions, too fine to protect).
/// Taiwan is placed in Eastern Asia and Antarctica in a region of its own; M49 lists neither.
/// The lists were written from the M49 standard's table; <c>WorldRegionsTests</c> checks every assigned ISO code has one.
/// </summary>
public static class WorldRegions
{
    private static readonly (string Region, string Subregion, string Codes)[] Table =
    [
        ("Africa", "Northern Africa", "DZ EG LY MA SD TN EH"),
        ("Africa", "Sub-Saharan Africa", "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW IO TF AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"),
        ("Americas", "Latin America and the Caribbean", "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"),
        ("Americas", "Northern America", "BM CA GL PM US"),
        ("Asia", "Central Asia", "KZ KG TJ TM UZ"),
        ("Asia", "Eastern Asia", "CN HK MO KP JP MN KR TW"),
        ("Asia", "South-eastern Asia", "BN KH ID LA MY MM PH SG TH TL VN"),
        ("Asia", "Southern Asia", "AF BD BT IN IR MV NP PK LK"),
        ("Asia", "Western Asia", "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"),
        ("Europe", "Eastern Europe", "BY BG CZ HU PL MD RO RU SK UA"),
        ("Europe", "Northern Europe", "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"),
        ("Europe", "Southern Europe", "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES"),
        ("Europe", "Western Europe", "AT BE FR DE LI LU MC NL CH"),
        ("Oceania", "Australia and New Zealand", "AU CX CC HM NZ NF"),
        ("Oceania", "Melanesia", "FJ NC PG SB VU"),
        ("Oceania", "Micronesia", "GU KI MH FM NR MP PW UM"),
        ("Oceania", "Polynesia", "AS CK PF NU PN WS TK TO TV WF"),
        ("Antarctica", "Antarctica", "AQ"),
    ];

    private static readonly FrozenDictionary<string, (string Region, string Subregion)> ByCountry = Table
        .SelectMany(t => t.Codes.Split(' ').Select(c => (c, (t.Region, t.Subregion))))
        .ToFrozenDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);

    /// <summary>The M49 subregion of a country, or null when the code is unknown.</summary>
    public static string? Subregion(string country) => ByCountry.TryGetValue(country, out var r) ? r.Subregion : null;

    /// <summary>The M49 region (continent) of a country, or null when the code is unknown.</summary>
    public static string? Region(string country) => ByCountry.TryGetValue(country, out var r) ? r.Region : null;

    internal static IEnumerable<string> Countries => ByCountry.Keys;
}
