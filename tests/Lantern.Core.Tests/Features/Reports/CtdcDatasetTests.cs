using Lantern.Core.Common;
using Lantern.Core.Features.Reports;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Tests.Features.Reports;

/// <summary>
/// The CTDC release's k-anonymity, checked by counting the rows of the result here, independently of the code that
/// generalised them, over random populations of victim facts.
/// </summary>
public sealed class CtdcDatasetTests
{
    private static readonly string[] Countries = ["PK", "AF", "IN", "BD", "NP", "AE", "SA", "IR", "CN", "GB", "TH", "MY", "NG", "US"];
    private static readonly string[] Sexes = ["female", "male", "unknown"];

    private static List<VictimFact> Population(Random random, int count, int from, int to) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var sex = Sexes[random.Next(Sexes.Length)];
            int? age = random.Next(10) == 0 ? null : random.Next(3, 70);
            var forms = Enum.GetValues<ExploitationForm>().Where(_ => random.Next(6) == 0).ToList();
            var controls = Enum.GetValues<MethodOfControl>().Where(_ => random.Next(8) == 0).ToList();
            var industries = Enum.GetValues<ForcedLabourIndustry>().Where(_ => random.Next(15) == 0).ToList();
            RelationshipToTrafficker? relation = random.Next(4) switch { 0 => null, var n => (RelationshipToTrafficker)(n - 1) };
            return new VictimFact(random.Next(from, to + 1), sex, age, VictimFacts.Group(sex, age), forms,
                random.Next(8) == 0 ? null : Countries[random.Next(Countries.Length)], ["Org"], "Punjab", "Kasur",
                random.Next(5) == 0 ? null : Countries[random.Next(Countries.Length)], controls, industries, relation);
        })];

    [Theory]
    [InlineData(1, 0, 2)]
    [InlineData(2, 10, 11)]
    [InlineData(3, 200, 11)]
    [InlineData(4, 1500, 11)]
    [InlineData(5, 3000, 5)]
    [InlineData(6, 800, 25)]
    [InlineData(7, 5000, 11)]
    public void Anonymise_RandomPopulation_EveryDistinctRowOccursAtLeastKTimes(int seed, int count, int k)
    {
        var facts = Population(new Random(seed), count, 2020, 2025);

        var result = CtdcDataset.Anonymise(facts, 2020, 2025, k);

        var classes = result.Rows.GroupBy(r => string.Join('\u0001', r)).Select(g => g.Count()).ToList();
        Assert.All(classes, size => Assert.True(size >= k, $"a row occurs {size} times, fewer than k = {k}"));
        Assert.Equal(count, result.Rows.Count + result.Suppressed);
        Assert.All(result.Rows, r => Assert.Equal(CtdcDataset.Columns.Count, r.Length));
    }

    [Fact]
    public void Anonymise_FewerVictimsThanK_ReleasesNoRow()
    {
        var facts = Population(new Random(9), 10, 2024, 2024);

        var result = CtdcDataset.Anonymise(facts, 2024, 2024, 11);

        Assert.Empty(result.Rows);
        Assert.Equal(10, result.Suppressed);
    }

    [Fact]
    public void Anonymise_LargeUniformClass_ReleasesEveryRowExact()
    {
        var fact = new VictimFact(2024, "female", 25, AgeGroup.Women, [ExploitationForm.ForcedLabour], "PK", ["Org"], "Punjab", "Kasur", "AE",
            [MethodOfControl.DebtBondage], [ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers], RelationshipToTrafficker.Familial);

        var result = CtdcDataset.Anonymise([.. Enumerable.Repeat(fact, 12)], 2024, 2024, 11);

        Assert.Equal(12, result.Rows.Count);
        Assert.All(result.Levels.Values, level => Assert.Equal(0, level));
        var row = Enumerable.Range(0, CtdcDataset.Columns.Count).ToDictionary(i => CtdcDataset.Columns[i], i => result.Rows[0][i]);
        Assert.Equal("2024", row["yearOfRegistration"]);
        Assert.Equal("Female", row["gender"]);
        Assert.Equal("24--26", row["ageBroad"]);
        Assert.Equal("Adult", row["majorityStatus"]);
        Assert.Equal("PK", row["citizenship"]);
        Assert.Equal("AE", row["CountryOfExploitation"]);
        Assert.Equal("1", row["isForcedLabour"]);
        Assert.Equal("0", row["isSexualExploit"]);
        Assert.Equal("1", row["meansOfControlDebtBondage"]);
        Assert.Equal("1", row["typeOfLabourDomesticWork"]);
        Assert.Equal("1", row["recruiterRelationFamily"]);
        Assert.Equal("-99", row["typeOfSexProstitution"]);
        Assert.Equal("-99", row["majorityEntry"]);
    }

    [Fact]
    public void Anonymise_RareCitizenships_AreGeneralisedToRegionsNotDropped()
    {
        // 12 Pakistanis, 6 Indians and 6 Bangladeshis: by country the Indians and Bangladeshis are a quarter each, above the
        // suppression budget, so citizenship must rise to the subregion (Southern Asia), where all 24 are alike.
        VictimFact Of(string country) => new(2024, "female", 25, AgeGroup.Women, [], country, ["Org"], null, null);
        var facts = Enumerable.Repeat(Of("PK"), 12).Concat(Enumerable.Repeat(Of("IN"), 6)).Concat(Enumerable.Repeat(Of("BD"), 6)).ToList();

        var result = CtdcDataset.Anonymise(facts, 2024, 2024, 11);

        Assert.Equal(24, result.Rows.Count);
        Assert.Equal(1, result.Levels[CtdcDataset.QuasiIdentifier.Citizenship]);
        Assert.All(result.Rows, r => Assert.Equal("Southern Asia", r[CtdcDataset.Columns.ToList().IndexOf("citizenship")]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Anonymise_KBelowTwo_IsValidationErrorNamingK(int k)
    {
        var e = Assert.Throws<ValidationException>(() => CtdcDataset.Anonymise([], 2024, 2024, k));

        Assert.Equal("k", e.Field);
    }

    [Fact]
    public void Columns_AreCtdcNamesWithoutIdentifiers()
    {
        Assert.Equal(63, CtdcDataset.Columns.Count);
        Assert.Equal("yearOfRegistration", CtdcDataset.Columns[0]);
        Assert.Equal("recruiterRelationUnknown", CtdcDataset.Columns[^1]);
        string[] identifying = ["name", "id", "birth", "dob", "reference", "phone", "address", "district", "province", "city", "organisation"];
        Assert.DoesNotContain(CtdcDataset.Columns, c => identifying.Any(w => c.Contains(w, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(CtdcDataset.Columns.Count, CtdcDataset.Columns.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Regions_EveryAssignedCountry_HasASubregionAndRegion()
    {
        var assigned = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".Split(' ');

        Assert.All(assigned, c => Assert.True(CountryCode.IsAssigned(c) && WorldRegions.Subregion(c) is not null && WorldRegions.Region(c) is not null, c));
        Assert.Equal("Southern Asia", WorldRegions.Subregion("PK"));
        Assert.Equal("Asia", WorldRegions.Region("AE"));
    }
}
