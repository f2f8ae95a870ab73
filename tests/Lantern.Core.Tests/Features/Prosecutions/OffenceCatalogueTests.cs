using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;

namespace Lantern.Core.Tests.Features.Prosecutions;

public sealed class OffenceCatalogueTests
{
    private const string Valid = """
        {"instrument": "PTPA 2018", "section": "3(1)", "title": "Trafficking", "elements": ["recruits"], "effectiveFrom": "2018-05-30",
         "imprisonmentMonths": {"min": null, "max": 84}, "fineRupees": {"min": null, "max": 1000000}, "penaltyMode": "either-or-both",
         "cognizable": true, "bailable": false, "investigatingAgency": "police-or-fia", "court": "Magistrate", "verification": "verified", "source": "gazette"}
        """;

    private static OffenceCatalogue Bundled => OffenceCatalogue.Bundled;

    [Theory]
    [InlineData("PTPA 2018", "3(1)")]
    [InlineData("PTPA 2018", "3(2)")]
    [InlineData("PTPA 2018", "4")]
    [InlineData("PTPA 2018", "5(1)")]
    [InlineData("PTPA 2018", "5(2)")]
    [InlineData("PSMA 2018", "3")]
    [InlineData("PSMA 2018", "4")]
    [InlineData("PSMA 2018", "5")]
    [InlineData("PSMA 2018", "6")]
    [InlineData("Emigration Ordinance 1979", "17(1)")]
    [InlineData("Emigration Ordinance 1979", "17(2)")]
    [InlineData("Emigration Ordinance 1979", "18")]
    [InlineData("Emigration Ordinance 1979", "22")]
    [InlineData("BLSA 1992", "11")]
    [InlineData("BLSA 1992", "12")]
    [InlineData("PPC 1860", "366-A")]
    [InlineData("PPC 1860", "371-A")]
    public void Bundled_RequiredSection_IsPresentWithSource(string instrument, string section)
    {
        var offence = Assert.Single(Bundled.Offences, o => o.Instrument == instrument && o.Section == section);
        Assert.NotEmpty(offence.Versions);
        Assert.All(offence.Versions, v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
        Assert.All(offence.Versions, v => Assert.Contains(v.Verification, OffenceCatalogue.Verifications));
    }

    [Fact]
    public void Bundled_Ranges_HaveMinNotAboveMax()
    {
        foreach (var v in Bundled.Versions)
        {
            foreach (var range in new[] { v.ImprisonmentMonths, v.FineRupees })
            {
                if (range is { Min: { } min, Max: { } max })
                {
                    Assert.True(min <= max, $"{v.Instrument} s.{v.Section} {v.EffectiveFrom}: {min} > {max}");
                }
            }
        }
    }

    [Fact]
    public void Bundled_PtpaFigures_MatchTheGazette()
    {
        var basic = Bundled.VersionInForce("PTPA 2018", "3(1)", new DateOnly(2020, 1, 1));
        Assert.Equal(new PenaltyRange(null, 84), basic.ImprisonmentMonths);
        Assert.Equal(new PenaltyRange(null, 1_000_000), basic.FineRupees);
        Assert.Equal("either-or-both", basic.PenaltyMode);
        Assert.Equal((true, false), (basic.Cognizable, basic.Bailable));
        Assert.Equal("verified", basic.Verification);
        var aggravated = Bundled.VersionInForce("PTPA 2018", "4", new DateOnly(2020, 1, 1));
        Assert.Equal(new PenaltyRange(36, 168), aggravated.ImprisonmentMonths);
        Assert.Equal("cumulative", aggravated.PenaltyMode);
        Assert.Equal(new PenaltyRange(60, 168), Bundled.VersionInForce("PSMA 2018", "6", new DateOnly(2020, 1, 1)).ImprisonmentMonths);
        Assert.Equal((true, true), (Bundled.VersionInForce("BLSA 1992", "11", new DateOnly(2020, 1, 1)).Cognizable, Bundled.VersionInForce("BLSA 1992", "11", new DateOnly(2020, 1, 1)).Bailable));
    }

    [Fact]
    public void VersionInForce_BeforeThe2025Amendment_PicksThe2018Version()
    {
        var version = Bundled.VersionInForce("PTPA 2018", "3(2)", new DateOnly(2024, 12, 31));

        Assert.Equal(new DateOnly(2018, 5, 30), version.EffectiveFrom);
        Assert.Equal(new PenaltyRange(24, 120), version.ImprisonmentMonths);
    }

    [Fact]
    public void VersionInForce_AfterThe2025Amendment_PicksTheAmendedUnverifiedVersion()
    {
        var version = Bundled.VersionInForce("PSMA 2018", "6", new DateOnly(2025, 6, 1));

        Assert.Equal(new DateOnly(2025, 2, 17), version.EffectiveFrom);
        Assert.Equal(new PenaltyRange(84, 168), version.ImprisonmentMonths);
        Assert.Equal(new PenaltyRange(null, 10_000_000), version.FineRupees);
        Assert.NotEqual("verified", version.Verification);
    }

    [Fact]
    public void VersionInForce_OnTheEffectiveDate_PicksThatVersion()
    {
        Assert.Equal(new DateOnly(2018, 5, 30), Bundled.VersionInForce("PTPA 2018", "3(1)", new DateOnly(2018, 5, 30)).EffectiveFrom);
    }

    [Fact]
    public void VersionInForce_Before2018_SaysTheLawWasNotInForce()
    {
        var error = Assert.Throws<ValidationException>(() => Bundled.VersionInForce("PTPA 2018", "3(1)", new DateOnly(2017, 1, 1)));

        Assert.Equal("offenceDate", error.Field);
        Assert.Contains("not in force on 2017-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2018-05-30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionInForce_UnknownSection_NamesIt()
    {
        var error = Assert.Throws<ValidationException>(() => Bundled.VersionInForce("PTPA 2018", "99", new DateOnly(2020, 1, 1)));

        Assert.Equal("section", error.Field);
        Assert.Contains("PTPA 2018 s.99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InForce_OnADate_GivesOneVersionPerOffenceInForce()
    {
        var before = Bundled.InForce(new DateOnly(2018, 5, 20)).ToList();

        Assert.Contains(before, v => v.Instrument == "PSMA 2018");
        Assert.DoesNotContain(before, v => v.Instrument == "PTPA 2018");
        var later = Bundled.InForce(new DateOnly(2026, 1, 1)).ToList();
        Assert.Equal(Bundled.Offences.Count, later.Count);
        Assert.Equal(later.Count, later.Select(v => (v.Instrument, v.Section)).Distinct().Count());
    }

    [Fact]
    public void InvestigatedBy_PtpaOffence_IsPoliceUnlessTheVictimCrossedTheBorder()
    {
        var version = Bundled.VersionInForce("PTPA 2018", "3(1)", new DateOnly(2020, 1, 1));

        Assert.Equal("police", version.InvestigatedBy(victimMovedAcrossBorder: false));
        Assert.Equal("FIA", version.InvestigatedBy(victimMovedAcrossBorder: true));
        Assert.Equal("FIA", Bundled.VersionInForce("PSMA 2018", "3", new DateOnly(2020, 1, 1)).InvestigatedBy(false));
    }

    [Fact]
    public void Parse_ValidEntry_Reads()
    {
        var catalogue = OffenceCatalogue.Parse($"[{Valid}]");

        var version = Assert.Single(catalogue.Versions);
        Assert.Equal(new PenaltyRange(null, 84), version.ImprisonmentMonths);
    }

    [Theory]
    [InlineData("\"max\": 84}", "\"min\": 90, \"max\": 84}", "offences[0] (PTPA 2018 s.3(1)).imprisonmentMonths", "greater than")]
    [InlineData("\"either-or-both\"", "\"sometimes\"", "offences[0] (PTPA 2018 s.3(1)).penaltyMode", "'sometimes'")]
    [InlineData("\"2018-05-30\"", "\"30/05/2018\"", "offences[0] (PTPA 2018 s.3(1)).effectiveFrom", "not a date")]
    [InlineData("\"bailable\": false", "\"bailable\": \"no\"", "offences[0] (PTPA 2018 s.3(1)).bailable", "true, false or null")]
    [InlineData("\"verified\"", "\"sure\"", "offences[0] (PTPA 2018 s.3(1)).verification", "'sure'")]
    [InlineData("\"max\": 1000000}", "\"max\": -5}", "offences[0] (PTPA 2018 s.3(1)).fineRupees.max", "whole number")]
    [InlineData("\"court\": \"Magistrate\"", "\"court\": \"Magistrate\", \"judge\": \"x\"", "offences[0].judge", "not a field")]
    [InlineData("\"title\": \"Trafficking\", ", "", "offences[0] (PTPA 2018 s.3(1)).title", "required")]
    public void Parse_BadField_NamesTheEntryAndField(string find, string replace, string field, string message)
    {
        var json = $"[{Valid.Replace(find, replace, StringComparison.Ordinal)}]";

        var error = Assert.Throws<ValidationException>(() => OffenceCatalogue.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoVersionsOnOneDate_IsRejected()
    {
        var error = Assert.Throws<ValidationException>(() => OffenceCatalogue.Parse($"[{Valid},{Valid}]"));

        Assert.Equal("offences[PTPA 2018 s.3(1)].effectiveFrom", error.Field);
    }

    [Fact]
    public void Parse_NotAnArray_IsRejected()
    {
        Assert.Equal("offences", Assert.Throws<ValidationException>(() => OffenceCatalogue.Parse("{}")).Field);
    }
}
