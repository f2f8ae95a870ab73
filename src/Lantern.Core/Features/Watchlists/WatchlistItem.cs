using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// What a list says about one listed person: names in any script (the first is the main name), birth date (possibly
/// partial: "1985", "03/1985"), nationality (ISO 3166 alpha-2), identity numbers and the reason for listing.
/// </summary>
public sealed record ListedDetails(
    string Name,
    IReadOnlyList<string> Aliases,
    string? BirthDate,
    string? Nationality,
    string? NationalId,
    string? Passport,
    string? Reason)
{
    public const int MaxAliases = 50;
    public const int MaxReasonLength = 2000;

    /// <summary>Checks every field (errors name it) and returns the details trimmed, aliases without duplicates.</summary>
    public ListedDetails Validated()
    {
        var name = TextRules.FreeText(Name, "name", TextRules.NameLength) ?? throw new ValidationException("name", "A listed person needs a name.");
        var aliases = (Aliases ?? [])
            .Select(a => TextRules.FreeText(a, "aliases", TextRules.NameLength))
            .OfType<string>()
            .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (aliases.Count > MaxAliases)
        {
            throw new ValidationException("aliases", $"At most {MaxAliases} aliases.");
        }
        var nationality = DetailRules.Nationality(Nationality, "nationality");
        var birth = DetailRules.BirthDate(BirthDate, "birth_date");
        return new ListedDetails(
            name,
            aliases,
            birth,
            nationality,
            TextRules.FreeText(NationalId, "national_id", 40),
            TextRules.FreeText(Passport, "passport", 40),
            TextRules.FreeText(Reason, "reason", MaxReasonLength));
    }

    /// <summary>The main name then the aliases.</summary>
    public IReadOnlyList<string> Names => [Name, .. Aliases];
}

/// <summary>The checks a listed person's details and a screened name's details share (errors name the field given).</summary>
internal static class DetailRules
{
    public static string? BirthDate(string? value, string field)
    {
        var birth = TextRules.FreeText(value, field, 20);
        return birth is not null && Standardise.Date(birth) is null
            ? throw new ValidationException(field, $"'{birth}' is not a date; write 1985-03-14, 14/03/1985, 03/1985 or 1985.")
            : birth;
    }

    public static string? Nationality(string? value, string field)
    {
        var nationality = TextRules.FreeText(value, field, 2)?.ToUpperInvariant();
        return nationality is not null && (nationality.Length != 2 || !nationality.All(char.IsAsciiLetterUpper))
            ? throw new ValidationException(field, "Use the two-letter ISO 3166 country code, such as PK.")
            : nationality;
    }
}

public enum WatchlistItemStatus { Listed, Removed }

/// <summary>
/// One listed person on a watchlist. The details are field-encrypted; <see cref="Version"/> grows with every change,
/// and every version is kept in <see cref="WatchlistItemVersion"/> (who, when, which list version, what it said).
/// A removed item stays (its history and the alerts raised on it keep their meaning) but is no longer screened.
/// </summary>
public sealed class WatchlistItem
{
    public const int MaxExternalIdLength = 64;

    private WatchlistItem()
    {
    }

    internal WatchlistItem(Watchlist list, string? externalId, ListedDetails details, bool isChild, PersonId? person, int listVersion, DateTime now)
    {
        Id = SequentialGuid.Next();
        WatchlistId = list.Id;
        ExternalId = TextRules.FreeText(externalId, "id", MaxExternalIdLength) ?? Id.ToString("N")[..12];
        IsChild = isChild;
        PersonId = person;
        Status = WatchlistItemStatus.Listed;
        Apply(details.Validated());
        Version = 1;
        ListVersion = listVersion;
        ChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid WatchlistId { get; private set; }

    /// <summary>The list's own identifier of the entry (CSV id, UN reference number, or generated).</summary>
    public string ExternalId { get; private set; } = "";

    /// <summary>A missing or at-risk child: seen only with <c>watchlists.children</c>.</summary>
    public bool IsChild { get; private set; }

    /// <summary>The person record the entry was built from, for lists built from Lantern's records.</summary>
    public PersonId? PersonId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Aliases and names in other scripts, one per line. Encrypted.</summary>
    public string Aliases { get; private set; } = "";
    public string? BirthDate { get; private set; }
    public string? Nationality { get; private set; }
    public string? NationalId { get; private set; }
    public string? Passport { get; private set; }
    public string? Reason { get; private set; }
    public WatchlistItemStatus Status { get; private set; }

    /// <summary>Grows with every change of the details (an alert dismissed on version n reopens on n+1).</summary>
    public int Version { get; private set; }

    /// <summary>The list version in which the item last changed (re-screening takes the items changed after a version).</summary>
    public int ListVersion { get; private set; }
    public DateTime ChangedAt { get; private set; }

    public ListedDetails Details => new(Name, AliasList, BirthDate, Nationality, NationalId, Passport, Reason);

    public IReadOnlyList<string> AliasList => Aliases.Length == 0 ? [] : Aliases.Split('\n');

    /// <summary>The entry as the screening engine sees it (its id is the item id; the version travels into every hit).</summary>
    public WatchlistEntry ToEntry() =>
        new(Id.ToString(), Details.Names, BirthDate, Nationality, NationalId, Passport, Version);

    /// <summary>Replaces the details when they differ; returns whether the item changed (and so took a new version).</summary>
    internal bool Update(ListedDetails details, int listVersion, DateTime now)
    {
        var validated = details.Validated();
        if (Status == WatchlistItemStatus.Listed && Same(validated))
        {
            return false;
        }
        Apply(validated);
        Status = WatchlistItemStatus.Listed;
        Version++;
        ListVersion = listVersion;
        ChangedAt = now;
        return true;
    }

    /// <summary>Takes the item off the list (kept with its history); returns whether it was listed.</summary>
    internal bool Remove(int listVersion, DateTime now)
    {
        if (Status == WatchlistItemStatus.Removed)
        {
            return false;
        }
        Status = WatchlistItemStatus.Removed;
        Version++;
        ListVersion = listVersion;
        ChangedAt = now;
        return true;
    }

    /// <summary>The history row of the item's current version.</summary>
    internal WatchlistItemVersion Snapshot(UserId by, string byName, WatchlistChange change) =>
        new(this, by, byName, change, JsonSerializer.Serialize(Details));

    private bool Same(ListedDetails d) =>
        d.Name == Name && string.Join('\n', d.Aliases) == Aliases && d.BirthDate == BirthDate && d.Nationality == Nationality
        && d.NationalId == NationalId && d.Passport == Passport && d.Reason == Reason;

    private void Apply(ListedDetails d)
    {
        Name = d.Name;
        Aliases = string.Join('\n', d.Aliases);
        BirthDate = d.BirthDate;
        Nationality = d.Nationality;
        NationalId = d.NationalId;
        Passport = d.Passport;
        Reason = d.Reason;
    }
}

public enum WatchlistChange { Added, Changed, Removed }

/// <summary>One version of a listed person's details (encrypted JSON of <see cref="ListedDetails"/>), kept for good.</summary>
public sealed class WatchlistItemVersion
{
    private WatchlistItemVersion()
    {
    }

    internal WatchlistItemVersion(WatchlistItem item, UserId by, string byName, WatchlistChange change, string detailsJson)
    {
        Id = SequentialGuid.Next();
        ItemId = item.Id;
        WatchlistId = item.WatchlistId;
        Version = item.Version;
        ListVersion = item.ListVersion;
        Change = change;
        DetailsJson = detailsJson;
        ChangedBy = by;
        ChangedByName = byName;
        ChangedAt = item.ChangedAt;
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public Guid WatchlistId { get; private set; }
    public int Version { get; private set; }
    public int ListVersion { get; private set; }
    public WatchlistChange Change { get; private set; }
    public string DetailsJson { get; private set; } = "";
    public UserId ChangedBy { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }

    public ListedDetails Details => JsonSerializer.Deserialize<ListedDetails>(DetailsJson)!;
}
