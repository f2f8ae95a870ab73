using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// One entry of a watchlist as the screening engine sees it: its names (the first is the main name, the others
/// aliases, in any script), and the identifying details it may have. <see cref="Version"/> counts the entry's
/// changes, so an alert records which version it was raised against.
/// </summary>
public sealed record WatchlistEntry(
    string Id,
    IReadOnlyList<string> Names,
    string? BirthDate = null,
    string? Nationality = null,
    string? NationalId = null,
    string? Passport = null,
    int Version = 1);

/// <summary>A name to screen and the details that came with it.</summary>
public sealed record ScreeningSubject(
    string Id,
    string Name,
    string? BirthDate = null,
    string? Nationality = null,
    string? NationalId = null,
    string? Passport = null);

/// <summary>How a detail other than the name compared.</summary>
public enum DetailAgreement
{
    Agrees,
    AgreesPartly,
    DayMonthSwapped,
    Close,
    Conflicts,
}

/// <summary>A detail (national_id, passport, birth_date, nationality) and how it compared.</summary>
public sealed record DetailComparison(string Field, DetailAgreement Agreement);

/// <summary>A list entry scored against a subject, with everything needed to explain the score.</summary>
public sealed partial record WatchlistHit(
    string SubjectId,
    string EntryId,
    int EntryVersion,
    string ListVersion,
    double Score,
    string MatchedName,
    NameScore Name,
    IReadOnlyList<DetailComparison> Details)
{
    /// <summary>One line: the aligned name parts with their contributions, what agreed and disagreed, and the list version.</summary>
    public string Explanation()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"name '{MatchedName}' {Name.Score:0.###}:");
        foreach (var p in Name.Parts)
        {
            b.Append(' ');
            if (p.Agreement is { } k)
            {
                b.Append(CultureInfo.InvariantCulture, $"{p.Left}={p.Right} {Kind(k)} {p.Contribution:+0.###;-0.###;0}");
            }
            else
            {
                b.Append(CultureInfo.InvariantCulture, $"{(p.Left.Length > 0 ? p.Left : p.Right)} unmatched {p.Contribution:+0.###;-0.###;0}");
            }
            b.Append(';');
        }
        foreach (var d in Details)
        {
            b.Append(' ').Append(d.Field).Append(' ').Append(Agreement(d.Agreement)).Append(';');
        }
        b.Append(CultureInfo.InvariantCulture, $" entry v{EntryVersion}; list {ListVersion}");
        return b.ToString();
    }

    /// <summary>
    /// Reads an explanation written by <see cref="Explanation"/> back into its parts, so that a page can show a stored
    /// alert's explanation in the reader's language (the alert keeps only the English line). Agreements come back as
    /// the codes the screening results use ("exact", "script", "agreespartly"); a part whose side is not written
    /// (an unmatched name part) has it in <see cref="NamePartView.Input"/> and an empty <see cref="NamePartView.Entry"/>.
    /// Null when the line is not in that form (written by an older version): show it as it is.
    /// </summary>
    public static ExplanationView? Read(string? explanation)
    {
        if (explanation is null)
        {
            return null;
        }
        var line = ExplanationLine().Match(explanation);
        if (!line.Success)
        {
            return null;
        }
        var parts = new List<NamePartView>();
        var details = new List<DetailView>();
        foreach (var item in line.Groups["items"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = NamePart().Match(item);
            if (part.Success)
            {
                var contribution = double.Parse(part.Groups["c"].Value, CultureInfo.InvariantCulture);
                var kind = part.Groups["kind"].Value;
                parts.Add(kind == "unmatched"
                    ? new NamePartView(part.Groups["left"].Value, "", kind, contribution)
                    : new NamePartView(part.Groups["left"].Value, part.Groups["right"].Value, kind == "cross-script" ? "script" : kind, contribution));
                continue;
            }
            var detail = Enum.GetValues<DetailAgreement>().Select(a => (Agreement: a, Words: " " + Agreement(a)))
                .Where(a => item.EndsWith(a.Words, StringComparison.Ordinal)).OrderByDescending(a => a.Words.Length).FirstOrDefault();
            if (detail.Words is null)
            {
                return null;
            }
            details.Add(new DetailView(item[..^detail.Words.Length], detail.Agreement.ToString().ToLowerInvariant()));
        }
        return new ExplanationView(line.Groups["name"].Value, double.Parse(line.Groups["score"].Value, CultureInfo.InvariantCulture), parts, details,
            int.Parse(line.Groups["v"].Value, CultureInfo.InvariantCulture), line.Groups["list"].Value);
    }

    [GeneratedRegex(@"^name '(?<name>.*)' (?<score>[0-9.]+):(?<items>.*?) entry v(?<v>[0-9]+); list (?<list>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, 100)]
    private static partial Regex ExplanationLine();

    // A joined part has several words on one side ("ziaulhaq=zia ul haq joined +0.4").
    [GeneratedRegex(@"^(?:(?<left>[^=]+)=(?<right>.+?) (?<kind>exact|variant|cross-script|slip|initial|joined)|(?<left>.+?) (?<kind>unmatched)) (?<c>[+-]?[0-9.]+)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex NamePart();

    private static string Kind(NameAgreement k) => k switch
    {
        NameAgreement.Exact => "exact",
        NameAgreement.Variant => "variant",
        NameAgreement.Script => "cross-script",
        NameAgreement.Slip => "slip",
        NameAgreement.Initial => "initial",
        NameAgreement.Joined => "joined",
    };

    private static string Agreement(DetailAgreement a) => a switch
    {
        DetailAgreement.Agrees => "agrees",
        DetailAgreement.AgreesPartly => "agrees partly",
        DetailAgreement.DayMonthSwapped => "agrees with day and month swapped",
        DetailAgreement.Close => "close",
        DetailAgreement.Conflicts => "conflicts",
    };
}

/// <summary>
/// Scores a subject against a list entry: the best of the entry's names, then identity numbers (agreement decides:
/// at least 0.97; conflict halves the score), birth date (full agreement closes 30% of the gap to 1, partial or
/// day/month-swapped 15%, a year more than one apart multiplies by 0.85) and nationality (agreement closes 10%,
/// conflict multiplies by 0.95).
/// </summary>
public static class EntryMatcher
{
    internal const double DateBonus = 0.3;
    internal const double NationalityBonus = 0.1;

    /// <summary>
    /// The lowest name score that could still reach <paramref name="threshold"/> once the subject's details are
    /// compared (details can only lift a name score by the bonuses; identity-number agreement is retrieved separately).
    /// </summary>
    public static double NameThreshold(ScreeningSubject subject, double threshold)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var keep = (subject.BirthDate is null ? 1 : 1 - DateBonus) * (subject.Nationality is null ? 1 : 1 - NationalityBonus);
        return Math.Max(0, 1 - ((1 - threshold) / keep));
    }

    /// <summary>Adjusts a name score by the details; returns the score and the comparisons made.</summary>
    public static (double Score, List<DetailComparison> Details) Adjust(double nameScore, ScreeningSubject subject, WatchlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(entry);
        var details = new List<DetailComparison>(4);
        var idAgrees = false;
        var idConflicts = false;
        foreach (var (field, x, y) in new[] { ("national_id", subject.NationalId, entry.NationalId), ("passport", subject.Passport, entry.Passport) })
        {
            var a = Standardise.Document(x);
            var b = Standardise.Document(y);
            if (a is null || b is null)
            {
                continue;
            }
            var agrees = a == b;
            details.Add(new DetailComparison(field, agrees ? DetailAgreement.Agrees : DetailAgreement.Conflicts));
            idAgrees |= agrees;
            idConflicts |= !agrees;
        }
        var score = nameScore;
        var date = CompareDates(Standardise.Date(subject.BirthDate), Standardise.Date(entry.BirthDate));
        if (date is { } d)
        {
            details.Add(new DetailComparison("birth_date", d));
            score = d switch
            {
                DetailAgreement.Agrees => score + ((1 - score) * DateBonus),
                DetailAgreement.AgreesPartly or DetailAgreement.DayMonthSwapped => score + ((1 - score) * DateBonus / 2),
                DetailAgreement.Close => score,
                DetailAgreement.Conflicts => score * 0.85,
            };
        }
        var na = Standardise.Text(subject.Nationality);
        var nb = Standardise.Text(entry.Nationality);
        if (na is not null && nb is not null)
        {
            var agrees = na == nb;
            details.Add(new DetailComparison("nationality", agrees ? DetailAgreement.Agrees : DetailAgreement.Conflicts));
            score = agrees ? score + ((1 - score) * NationalityBonus) : score * 0.95;
        }
        if (idAgrees)
        {
            score = 0.97 + (0.03 * score);
        }
        else if (idConflicts)
        {
            score *= 0.5;
        }
        return (Math.Clamp(score, 0, 1), details);
    }

    /// <summary>
    /// Compares birth dates standardised as YYYYMMDD with 00 for an unknown month or day (<see cref="Standardise.Date"/>):
    /// all known parts equal (full when both are complete), day and month swapped, year within one (close), or conflicting.
    /// </summary>
    public static DetailAgreement? CompareDates(string? a, string? b)
    {
        if (a is null || b is null || a.Length != 8 || b.Length != 8 || !int.TryParse(a.AsSpan(0, 4), CultureInfo.InvariantCulture, out var ya) || !int.TryParse(b.AsSpan(0, 4), CultureInfo.InvariantCulture, out var yb))
        {
            return null;
        }
        if (ya != yb)
        {
            return Math.Abs(ya - yb) <= 1 ? DetailAgreement.Close : DetailAgreement.Conflicts;
        }
        var (ma, da, mb, db) = (a.Substring(4, 2), a.Substring(6, 2), b.Substring(4, 2), b.Substring(6, 2));
        if (ma == mb && da == db && ma != "00" && da != "00")
        {
            return DetailAgreement.Agrees;
        }
        if (ma != "00" && da != "00" && ma == db && da == mb)
        {
            return DetailAgreement.DayMonthSwapped;
        }
        var monthOk = ma == "00" || mb == "00" || ma == mb;
        var dayOk = da == "00" || db == "00" || da == db;
        return monthOk && dayOk ? DetailAgreement.AgreesPartly : DetailAgreement.Conflicts;
    }
}
