using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Lantern.Core.Common;
using Lantern.Core.Features.Referrals;
using Lantern.Web;
using Lantern.Web.Localisation;

namespace Lantern.Integration.Tests.Features.Localisation;

/// <summary>
/// The Urdu catalogue against the translated pages' sources: catches a text on a branch the HTTP coverage test does
/// not reach (an error message, an empty list), and a translation that would break a format string.
/// </summary>
public sealed partial class CatalogueTests
{
    /// <summary>The translated page files (under src/Lantern/Pages); keep in step with <see cref="UrduPagesTests.CoveredPages"/>.</summary>
    public static readonly string[] TranslatedPageFiles =
    [
        "Shared/_Layout.cshtml", "Shared/_Errors.cshtml",
        "Account/Login.cshtml", "Account/Code.cshtml", "Account/Enrol.cshtml", "Account/Language.cshtml",
        "Cases/Index.cshtml", "Cases/Detail.cshtml", "Cases/New.cshtml", "Cases/Edit.cshtml", "Cases/AddEvent.cshtml", "Cases/AddPerson.cshtml",
        "People/Detail.cshtml",
        "Referrals/Index.cshtml", "Referrals/_ReferralCard.cshtml", "Referrals/Detail.cshtml",
        // ---- Tip line, inspections, screening, services, administration (issue 8 §3, part 1) ----
        "Report/_ReportLayout.cshtml", "Report/Index.cshtml", "Report/FollowUp.cshtml",
        "Tips/Index.cshtml", "Tips/_TipRows.cshtml", "Tips/Detail.cshtml", "Tips/Call.cshtml",
        "Inspections/Index.cshtml", "Inspections/Detail.cshtml", "Inspections/New.cshtml", "Inspections/Statistics.cshtml",
        "Workplaces/Index.cshtml", "Workplaces/Detail.cshtml", "Workplaces/New.cshtml",
        "Screening/Assessment.cshtml", "Screening/_Result.cshtml", "Screening/Catalogue.cshtml", "Screening/Start.cshtml", "Screening/Status.cshtml",
        "Services/Index.cshtml", "Services/New.cshtml", "Referrals/New.cshtml",
        "Admin/Users.cshtml", "Audit/Index.cshtml", "Status.cshtml", "Account/Logout.cshtml",
        // ---- end ----
        "Index.cshtml", "Reports/Index.cshtml", // the dashboard and the annual report (ADR 0022)
        // ---- Urdu part 2: intelligence, prosecution, evidence, screening, sharing ----
        "NameScreening/Index.cshtml", "NameScreening/Alerts.cshtml", "NameScreening/Alert.cshtml", "NameScreening/Batches.cshtml", "NameScreening/Batch.cshtml", "NameScreening/Profiles.cshtml",
        "Watchlists/Index.cshtml", "Watchlists/New.cshtml", "Watchlists/Detail.cshtml", "Watchlists/Item.cshtml", "Watchlists/_EntryFields.cshtml",
        "Duplicates/Index.cshtml", "Duplicates/Detail.cshtml", "Duplicates/_Pair.cshtml",
        "Evidence/Index.cshtml", "Evidence/Detail.cshtml", "Intelligence/Index.cshtml",
        "Network/Index.cshtml", "Network/Relations.cshtml",
        "Prosecutions/Proceeding.cshtml", "Prosecutions/Deadlines.cshtml", "Prosecutions/Hearings.cshtml", "Prosecutions/Timeline.cshtml", "Prosecutions/WitnessSchedule.cshtml",
        "Sharing/Index.cshtml", "Sharing/New.cshtml", "Sharing/Partners.cshtml", "Sharing/Linkage.cshtml",
        // ---- end ----
        // ---- Statistics, releases (issue 8 §3, the last pages; Sharing/Download.cshtml only sends a file) ----
        "Statistics/Index.cshtml", "Statistics/Glotip.cshtml", "Statistics/Prosecution.cshtml", "Statistics/Routes.cshtml", "Reports/Releases.cshtml",
        // ---- end ----
        "Statistics/Indicators.cshtml", "Statistics/IndicatorEdit.cshtml", // National Action Plan indicators (ADR 0026)
    ];

    [Fact]
    public void TranslatedPages_EveryTextTheyLookUp_HasAnUrduTranslation()
    {
        var missing = new List<string>();
        foreach (var file in TranslatedPageFiles)
        {
            var source = File.ReadAllText(Path.Combine(Root(), "src", "Lantern", "Pages", file));
            foreach (Match lookup in Lookup().Matches(source))
            {
                foreach (Match literal in Literal().Matches(lookup.Groups[1].Value))
                {
                    var english = Regex.Unescape(literal.Groups[1].Value);
                    if (!Catalogue.Shipped.TryTranslate("ur", english, out _))
                    {
                        missing.Add($"{file}: \"{english}\"");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, "No Urdu for:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void TranslatedPages_LookUpTextsAtAll()
    {
        // Guards the test above against a pattern that silently matches nothing.
        var source = File.ReadAllText(Path.Combine(Root(), "src", "Lantern", "Pages", "Cases", "Index.cshtml"));
        Assert.True(Lookup().Count(source) > 10);
    }

    [Fact]
    public void Words_ValuesShownOnTranslatedPages_AreAllInUrdu()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ur-PK");
            var words = new List<string>();
            words.AddRange(Enum.GetValues<CaseStatus>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<CaseRole>().Select(v => Words.Of(v.ToString().ToLowerInvariant())));
            words.AddRange(Enum.GetValues<Gender>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<TraffickingStatus>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<StatusDecisionMaker>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<ExploitationForm>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<MethodOfControl>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<ForcedLabourIndustry>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<RoleInProcess>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<EventType>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<DocumentType>().Select(Words.Document));
            words.AddRange(Enum.GetValues<ServiceType>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<ReferralState>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<DataCategory>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<ReferralReason>().Select(v => Words.Of(v)));
            words.AddRange(Enum.GetValues<RelationshipToTrafficker>().Select(v => Words.Of(v)));
            var english = words.Where(w => LatinWord().IsMatch(Regex.Replace(w, @"\b(CNIC|NICOP)\b", ""))).ToList();
            Assert.True(english.Count == 0, "Still in English in Urdu: " + string.Join(", ", english));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void UrduCatalogue_EveryTranslation_KeepsTheFormatPlaceholdersOfItsEnglish()
    {
        var wrong = Catalogue.Shipped.Texts("ur")
            .Where(t => !Placeholders(t.Key).SequenceEqual(Placeholders(t.Value)))
            .Select(t => t.Key)
            .ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ: " + string.Join(", ", wrong));
        Assert.True(Catalogue.Shipped.Texts("ur").Count > 200);
    }

    [Fact]
    public void Localizer_MissingUrdu_ReportsResourceNotFoundAndShowsEnglish()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ur-PK");
            var localizer = new CatalogueLocalizer(Catalogue.Shipped);
            var missing = localizer["A text nobody translated"];
            Assert.True(missing.ResourceNotFound);
            Assert.Equal("A text nobody translated", missing.Value);
            var found = localizer["{0} cases", 12];
            Assert.False(found.ResourceNotFound);
            Assert.Equal("12 مقدمات", found.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Dates_InUrdu_UseUrduMonthsAndWesternDigits()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ur-PK");
            Assert.Equal("23 نومبر 2026", Dates.Day(new DateOnly(2026, 11, 23)));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Assert.Equal("2026-11-23", Dates.Day(new DateOnly(2026, 11, 23)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal);

    private static string Root([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Lantern.slnx")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("The repository root was not found above " + here);
    }

    /// <summary>The inside of one <c>T[...]</c> lookup (no nested brackets in the pages' lookups).</summary>
    [GeneratedRegex(@"\bT\[([^\]]*)\]")]
    private static partial Regex Lookup();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinWord();
}
