using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The CTDC global k-anonymised victim dataset made from victim facts (docs/decisions/0021-reports-and-anonymised-releases.md).
/// <para>
/// Columns are those of CTDC's "Global Dataset" (<c>The_Global_Dataset_Apr_2020.csv</c>) as listed in
/// <c>reference/htcds_fields.md</c> part A: 63 names, although the CTDC codebook v6 speaks of 62 variables. UNVERIFIED
/// (the codebook itself was not read): the exact value strings of <c>Datasource</c>, <c>gender</c> beyond Female/Male,
/// <c>majorityEntry</c>, the <c>*Concatenated</c> columns and <c>RecruiterRelationship</c>. Missing values are -99, as
/// third-party code reading the file shows. Lantern records no type of sexual exploitation and no abduction, so those
/// columns are always -99; <c>majorityEntry</c> is -99 because Lantern's age at exploitation is not an age at entry.
/// </para>
/// <para>
/// Algorithm (global full-domain generalisation with a suppression budget, in the manner of Sweeney's Datafly): every
/// quasi-identifier has a fixed ladder from exact to withheld (-99). Starting with everything exact, while more rows than
/// the budget (5% of the rows) sit in equivalence classes smaller than k, the one attribute whose next step leaves the
/// fewest such rows is raised one step for every row (ties: the attribute earlier in <see cref="QuasiIdentifier"/>, the one a
/// reader misses least). Then the rows still in classes smaller than k are suppressed (left out). Every distinct row of
/// the result therefore occurs at least k times; the rows are written sorted, so their order says nothing of the source.
/// </para>
/// </summary>
public static class CtdcDataset
{
    public const string Missing = "-99";
    public const int DefaultK = 11;

    /// <summary>Share of the rows that may be suppressed before generalising further.</summary>
    public const double SuppressionBudget = 0.05;

    /// <summary>The quasi-identifiers, in the order a tie is broken (the first is raised first).</summary>
    public enum QuasiIdentifier { Control, Labour, Relation, Exploitation, ExploitationCountry, Citizenship, Age, Year, Gender }

    private static readonly string[] ControlNames =
    [
        "DebtBondage", "TakesEarnings", "RestrictsFinancialAccess", "Threats", "PsychologicalAbuse", "PhysicalAbuse", "SexualAbuse",
        "FalsePromises", "PsychoactiveSubstances", "RestrictsMovement", "RestrictsMedicalCare", "ExcessiveWorkingHours", "UsesChildren",
        "ThreatOfLawEnforcement", "WithholdsNecessities", "WithholdsDocuments", "Other", "NotSpecified",
    ];

    private static readonly string[] ExploitNames = ["isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage", "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices"];

    private static readonly string[] LabourNames =
        ["Agriculture", "Aquafarming", "Begging", "Construction", "DomesticWork", "Hospitality", "IllicitActivities", "Manufacturing", "MiningOrDrilling", "Peddling", "Transportation", "Other", "NotSpecified"];

    private static readonly string[] SexNames = ["Prostitution", "Pornography", "RemoteInteractiveServices", "PrivateSexualServices"];
    private static readonly string[] RelationNames = ["IntimatePartner", "Friend", "Family", "Other", "Unknown"];

    /// <summary>The header of the file, in CTDC's order. No name, id, date of birth, place below country or organisation.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "majorityStatusAtExploit", "majorityEntry", "citizenship",
        .. ControlNames.Select(n => "meansOfControl" + n), "meansOfControlConcatenated",
        .. ExploitNames, "typeOfExploitConcatenated",
        .. LabourNames.Select(n => "typeOfLabour" + n), "typeOfLabourConcatenated",
        .. SexNames.Select(n => "typeOfSex" + n), "typeOfSexConcatenated",
        "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
        .. RelationNames.Select(n => "recruiterRelation" + n),
    ];

    /// <summary>The source. UNVERIFIED value string: CTDC describes case-management and hotline sources.</summary>
    public const string Datasource = "Case Management";

    /// <summary>How many steps each attribute's ladder has above exact (the last one withholds it).</summary>
    public static int Steps(QuasiIdentifier a) => a switch
    {
        QuasiIdentifier.Citizenship or QuasiIdentifier.ExploitationCountry => 3,
        QuasiIdentifier.Age or QuasiIdentifier.Year or QuasiIdentifier.Exploitation => 2,
        QuasiIdentifier.Control or QuasiIdentifier.Labour or QuasiIdentifier.Relation or QuasiIdentifier.Gender => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static string Describe(QuasiIdentifier a, int level) => (a, level) switch
    {
        (_, 0) => "exact",
        (QuasiIdentifier.Citizenship or QuasiIdentifier.ExploitationCountry, 1) => "UN M49 subregion",
        (QuasiIdentifier.Citizenship or QuasiIdentifier.ExploitationCountry, 2) => "UN M49 region",
        (QuasiIdentifier.Age, 1) => "adult or minor only",
        (QuasiIdentifier.Year, 1) => "two-year periods",
        (QuasiIdentifier.Year, 2) => "whole period",
        (QuasiIdentifier.Exploitation, 1) => "forced labour, sexual, other only",
        _ => "withheld",
    };

    public static string Name(QuasiIdentifier a) => a switch
    {
        QuasiIdentifier.ExploitationCountry => "country of exploitation",
        QuasiIdentifier.Control => "means of control",
        QuasiIdentifier.Labour => "type of labour",
        QuasiIdentifier.Relation => "recruiter relation",
        QuasiIdentifier.Exploitation => "type of exploitation",
        _ => a.ToString().ToLowerInvariant(),
    };

    /// <param name="Rows">The released rows, sorted, each in <see cref="Columns"/> order.</param>
    /// <param name="Levels">The step each attribute was raised to (0 exact).</param>
    /// <param name="Source">Rows (victim facts) before suppression.</param>
    /// <param name="Suppressed">Rows left out because their class stayed smaller than k.</param>
    public sealed record Result(IReadOnlyList<string[]> Rows, IReadOnlyDictionary<QuasiIdentifier, int> Levels, int Source, int Suppressed)
    {
        public string Generalisation => string.Join("; ", Enum.GetValues<QuasiIdentifier>().Select(a => $"{Name(a)}: {Describe(a, Levels[a])}"));
    }

    /// <summary>Generalises and suppresses <paramref name="facts"/> (years <paramref name="from"/> to <paramref name="to"/>) to k-anonymity.</summary>
    public static Result Anonymise(IReadOnlyList<VictimFact> facts, int from, int to, int k)
    {
        if (k < 2)
        {
            throw new ValidationException("k", $"k must be at least 2 (a class of one names a person); {k} was given.");
        }
        var attributes = Enum.GetValues<QuasiIdentifier>();
        // Each row's value of each attribute at each step, numbered per attribute so that a row's class is a few ints.
        var codes = attributes.Select(a => Enumerable.Range(0, Steps(a) + 1).Select(level =>
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            return facts.Select(f => Number(numbers, string.Join(',', Cells(f, a, level, from, to)))).ToArray();
        }).ToArray()).ToArray();
        var levels = attributes.ToDictionary(a => a, _ => 0);
        var budget = (int)Math.Floor(facts.Count * SuppressionBudget);
        var small = RowsInSmallClasses(codes, levels, facts.Count, k);
        while (small.Count > budget)
        {
            var next = attributes.Where(a => levels[a] < Steps(a))
                .Select(a => (QuasiIdentifier: a, Small: RowsInSmallClasses(codes, new Dictionary<QuasiIdentifier, int>(levels) { [a] = levels[a] + 1 }, facts.Count, k)))
                .OrderBy(x => x.Small.Count).ThenBy(x => x.QuasiIdentifier).FirstOrDefault();
            if (next.Small is null)
            {
                break;
            }
            levels[next.QuasiIdentifier]++;
            small = next.Small;
        }
        var rows = facts.Select((f, i) => (f, i)).Where(x => !small.Contains(x.i))
            .Select(x => Row(x.f, levels, from, to))
            .OrderBy(r => string.Join(',', r), StringComparer.Ordinal)
            .ToList();
        return new Result(rows, levels, facts.Count, small.Count);
    }

    private static int Number(Dictionary<string, int> numbers, string value)
    {
        if (!numbers.TryGetValue(value, out var n))
        {
            n = numbers.Count;
            numbers[value] = n;
        }
        return n;
    }

    private static HashSet<int> RowsInSmallClasses(int[][][] codes, Dictionary<QuasiIdentifier, int> levels, int count, int k)
    {
        var chosen = Enum.GetValues<QuasiIdentifier>().Select(a => codes[(int)a][levels[a]]).ToArray();
        var classes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            key.Clear();
            foreach (var column in chosen)
            {
                key.Append(column[i]).Append('.');
            }
            var k2 = key.ToString();
            if (!classes.TryGetValue(k2, out var members))
            {
                classes[k2] = members = [];
            }
            members.Add(i);
        }
        return [.. classes.Values.Where(m => m.Count < k).SelectMany(m => m)];
    }

    /// <summary>One released row at the given steps, in <see cref="Columns"/> order.</summary>
    internal static string[] Row(VictimFact f, IReadOnlyDictionary<QuasiIdentifier, int> levels, int from, int to)
    {
        string[] Of(QuasiIdentifier a) => Cells(f, a, levels[a], from, to);
        var year = Of(QuasiIdentifier.Year);
        var age = Of(QuasiIdentifier.Age);
        var control = Of(QuasiIdentifier.Control);
        var exploit = Of(QuasiIdentifier.Exploitation);
        var labour = Of(QuasiIdentifier.Labour);
        var relation = Of(QuasiIdentifier.Relation);
        return
        [
            year[0], Datasource, Of(QuasiIdentifier.Gender)[0], age[0], age[1], age[2], Missing, Of(QuasiIdentifier.Citizenship)[0],
            .. control, .. exploit, .. labour,
            .. SexNames.Select(_ => Missing), Missing,
            Missing, relation[0], Of(QuasiIdentifier.ExploitationCountry)[0], .. relation.Skip(1),
        ];
    }

    /// <summary>The cells one attribute contributes to a row at a step of its ladder.</summary>
    internal static string[] Cells(VictimFact f, QuasiIdentifier a, int level, int from, int to)
    {
        switch (a)
        {
            case QuasiIdentifier.Year:
                return [level switch
                {
                    0 => Int(f.Year),
                    1 => Period(from + (f.Year - from) / 2 * 2, Math.Min(to, from + ((f.Year - from) / 2 * 2) + 1)),
                    _ => Period(from, to),
                }];
            case QuasiIdentifier.Gender:
                return [level > 0 ? Missing : f.Sex switch { "female" => "Female", "male" => "Male", _ => Missing }];
            case QuasiIdentifier.Age:
                var majority = f.Age is null || level >= 2 ? Missing : f.Age >= 18 ? "Adult" : "Minor";
                return [level > 0 || f.Age is null ? Missing : AgeBand(f.Age.Value), majority, majority];
            case QuasiIdentifier.Citizenship:
                return [Place(f.Citizenship, level)];
            case QuasiIdentifier.ExploitationCountry:
                return [Place(f.ExploitationCountry, level)];
            case QuasiIdentifier.Control:
                return Controls(f, level);
            case QuasiIdentifier.Exploitation:
                return Exploitation(f, level);
            case QuasiIdentifier.Labour:
                return Labour(f, level);
            case QuasiIdentifier.Relation:
                return Relation(f, level);
            default:
                throw new ArgumentOutOfRangeException(nameof(a));
        }
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Period(int first, int last) => first == last ? Int(first) : $"{Int(first)}--{Int(last)}";

    /// <summary>CTDC's age bands (ageBroad).</summary>
    public static string AgeBand(int age) => age switch
    {
        <= 8 => "0--8",
        <= 17 => "9--17",
        <= 20 => "18--20",
        <= 23 => "21--23",
        <= 26 => "24--26",
        <= 29 => "27--29",
        <= 38 => "30--38",
        <= 47 => "39--47",
        _ => "48+",
    };

    private static string Place(string? country, int level) => country is null ? Missing : level switch
    {
        0 => country,
        1 => WorldRegions.Subregion(country) ?? Missing,
        2 => WorldRegions.Region(country) ?? Missing,
        _ => Missing,
    };

    private static string Flag(bool on) => on ? "1" : "0";

    private static string Concatenated(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? Missing : string.Join(';', list);
    }

    private static string[] Controls(VictimFact f, int level)
    {
        var controls = f.Controls ?? [];
        if (level > 0 || controls.Count == 0)
        {
            return [.. ControlNames.Select(_ => Missing), Missing];
        }
        var names = controls.Select(c => c switch
        {
            MethodOfControl.PhysicalThreats or MethodOfControl.ThreatensChildrenFamily => "Threats",
            MethodOfControl.ThreatsLawEnforcement => "ThreatOfLawEnforcement",
            MethodOfControl.PsychoactiveSubstance => "PsychoactiveSubstances",
            _ => c.ToString(),
        }).ToHashSet(StringComparer.Ordinal);
        return [.. ControlNames.Select(n => Flag(names.Contains(n))), Concatenated(ControlNames.Where(names.Contains))];
    }

    private static bool IsLabour(ExploitationForm form) =>
        form is ExploitationForm.ForcedLabour or ExploitationForm.ChildLabour or ExploitationForm.BondedLabour or ExploitationForm.ForcedBegging;

    private static bool IsOther(ExploitationForm form) =>
        form is ExploitationForm.ForcedCriminality or ExploitationForm.ForcedAdoption or ExploitationForm.Surrogacy or ExploitationForm.Other;

    private static string[] Exploitation(VictimFact f, int level)
    {
        if (level >= 2 || f.Forms.Count == 0)
        {
            return [.. ExploitNames.Select(_ => Missing), Missing];
        }
        var labour = f.Forms.Any(IsLabour);
        var sexual = f.Forms.Contains(ExploitationForm.SexualExploitation);
        var other = f.Forms.Any(IsOther);
        if (level == 1)
        {
            return [Flag(labour), Flag(sexual), Flag(other), Flag(labour && sexual), Missing, Missing, Missing, Missing, Missing];
        }
        return
        [
            Flag(labour), Flag(sexual), Flag(other), Flag(labour && sexual),
            Flag(f.Forms.Contains(ExploitationForm.ForcedMarriage)), Flag(f.Forms.Contains(ExploitationForm.ForcedMilitaryByNonStateActors)),
            Flag(f.Forms.Contains(ExploitationForm.OrganRemoval)), Flag(f.Forms.Contains(ExploitationForm.Servitude)),
            string.Join(';', f.Forms.Select(x => x.ToString())),
        ];
    }

    private static string[] Labour(VictimFact f, int level)
    {
        var industries = f.Industries ?? [];
        var names = industries.Select(i => i switch
        {
            ForcedLabourIndustry.A_AgricultureForestryAndFishing => "Agriculture",
            ForcedLabourIndustry.B_MiningAndQuarrying => "MiningOrDrilling",
            ForcedLabourIndustry.C_Manufacturing => "Manufacturing",
            ForcedLabourIndustry.F_Construction => "Construction",
            ForcedLabourIndustry.H_TransportationAndStorage => "Transportation",
            ForcedLabourIndustry.I_AccommodationAndFoodServiceActivities => "Hospitality",
            ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers => "DomesticWork",
            _ => "Other",
        }).ToHashSet(StringComparer.Ordinal);
        if (f.Forms.Contains(ExploitationForm.ForcedBegging))
        {
            names.Add("Begging");
        }
        if (f.Forms.Contains(ExploitationForm.ForcedCriminality))
        {
            names.Add("IllicitActivities");
        }
        if (names.Count == 0 && f.Forms.Any(IsLabour))
        {
            names.Add("NotSpecified");
        }
        if (level > 0 || names.Count == 0)
        {
            return [.. LabourNames.Select(_ => Missing), Missing];
        }
        return [.. LabourNames.Select(n => Flag(names.Contains(n))), Concatenated(LabourNames.Where(names.Contains))];
    }

    /// <summary>RecruiterRelationship then the five recruiterRelation flags. HTCDS has no friend or intimate partner: acquainted and unacquainted count as other.</summary>
    private static string[] Relation(VictimFact f, int level)
    {
        if (level > 0)
        {
            return [Missing, .. RelationNames.Select(_ => Missing)];
        }
        var name = f.Relationship switch
        {
            RelationshipToTrafficker.Familial => "Family",
            RelationshipToTrafficker.Acquainted or RelationshipToTrafficker.Unaquainted => "Other",
            _ => "Unknown",
        };
        return [name == "Unknown" ? Missing : name, .. RelationNames.Select(n => Flag(n == name))];
    }
}
