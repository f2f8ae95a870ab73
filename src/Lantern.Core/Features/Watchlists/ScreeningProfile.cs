using System.Globalization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>What an organisation screens names for: each use has its own threshold and lists.</summary>
public enum ScreeningUse { Border, RecruitmentLicence, Finance, Other }

/// <summary>
/// An organisation's settings for one use of name screening (border, recruitment licences, finance): the threshold
/// and the lists screened against (none named: every list the organisation may screen). Set by administrators, who
/// see the effect on past batches before saving.
/// </summary>
public sealed class ScreeningProfile
{
    public const int MaxNameLength = 100;

    private ScreeningProfile()
    {
    }

    internal ScreeningProfile(OrganisationId organisation, string? name, ScreeningUse use, double threshold, IEnumerable<Guid> lists, UserId by, string byName, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        Change(name, use, threshold, lists, by, byName, now);
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public ScreeningUse Use { get; private set; }
    public double Threshold { get; private set; }

    /// <summary>The lists screened against, comma-separated ids; empty for every list the organisation may screen.</summary>
    public string Lists { get; private set; } = "";
    public UserId ChangedBy { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }

    public IReadOnlyList<Guid> ListIds => Lists.Length == 0 ? [] : [.. Lists.Split(',').Select(s => Guid.Parse(s, CultureInfo.InvariantCulture))];

    /// <summary>Whether the profile screens against <paramref name="listId"/> (a profile naming no list takes them all).</summary>
    public bool Covers(Guid listId) => Lists.Length == 0 || ListIds.Contains(listId);

    internal void Change(string? name, ScreeningUse use, double threshold, IEnumerable<Guid> lists, UserId by, string byName, DateTime now)
    {
        Name = TextRules.FreeText(name, "name", MaxNameLength) ?? throw new ValidationException("name", "A profile needs a name.");
        Threshold = CheckThreshold(threshold);
        Use = use;
        Lists = string.Join(',', lists.Distinct().Select(g => g.ToString()));
        ChangedBy = by;
        ChangedByName = byName;
        ChangedAt = now;
    }

    public static double CheckThreshold(double threshold) =>
        double.IsFinite(threshold) && threshold is >= 0.5 and <= 1
            ? threshold
            : throw new ValidationException("threshold", "The threshold is a score between 0.5 and 1, such as 0.80.");
}
