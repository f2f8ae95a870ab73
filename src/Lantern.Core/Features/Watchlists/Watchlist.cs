using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>What a list holds, which decides who sees its entries and what a hit on it sets off.</summary>
public enum WatchlistKind
{
    /// <summary>Suspected traffickers and smugglers (from open cases or imported).</summary>
    Suspects,

    /// <summary>Persons wanted by a court or the police.</summary>
    Wanted,

    /// <summary>Missing or at-risk children: entries seen only with <c>watchlists.children</c>; a hit alerts the owner at once.</summary>
    MissingChildren,

    /// <summary>Sanctions lists such as the UN Security Council consolidated list.</summary>
    Sanctions,
}

/// <summary>Where a list's entries come from.</summary>
public enum WatchlistSource
{
    /// <summary>Built from Lantern's own records (suspects with open cases, missing children) and refreshed from them.</summary>
    Records,

    /// <summary>Imported files (CSV or UN consolidated XML), each import a new list version.</summary>
    Import,

    /// <summary>Entries typed in by the owner.</summary>
    Manual,
}

/// <summary>
/// A watchlist: an owner organisation, a purpose, the organisations that may screen against it, and a version that
/// grows with every change of its entries (an import, a refresh from records, an edit), so every hit and alert names
/// the list version it was raised against.
/// </summary>
public sealed class Watchlist
{
    public const int MaxNameLength = 100;
    public const int MaxPurposeLength = 1000;

    private readonly List<WatchlistScreener> _screeners = [];

    private Watchlist()
    {
    }

    internal Watchlist(string? name, string? purpose, WatchlistKind kind, WatchlistSource source, OrganisationId owner, UserId createdBy, DateTime now)
    {
        Id = SequentialGuid.Next();
        Kind = kind;
        Source = source;
        OwnerOrganisationId = owner;
        CreatedBy = createdBy;
        CreatedAt = now;
        ChangedAt = now;
        Describe(name, purpose, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>What the list is for and when to screen against it (shown to screeners).</summary>
    public string Purpose { get; private set; } = "";
    public WatchlistKind Kind { get; private set; }
    public WatchlistSource Source { get; private set; }
    public OrganisationId OwnerOrganisationId { get; private set; }

    /// <summary>Grows by one with every change of the entries; 0 before the first entries.</summary>
    public int Version { get; private set; }
    public UserId CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public DateTime? RetiredAt { get; private set; }

    /// <summary>Organisations other than the owner that may screen against the list.</summary>
    public IReadOnlyList<WatchlistScreener> Screeners => _screeners;

    public bool HoldsChildren => Kind == WatchlistKind.MissingChildren;

    public bool IsRetired => RetiredAt is not null;

    public bool MayScreen(OrganisationId organisation) =>
        !IsRetired && (organisation == OwnerOrganisationId || _screeners.Any(s => s.OrganisationId == organisation));

    internal void Describe(string? name, string? purpose, DateTime now)
    {
        Name = TextRules.FreeText(name, "name", MaxNameLength) ?? throw new ValidationException("name", "A list needs a name.");
        Purpose = TextRules.FreeText(purpose, "purpose", MaxPurposeLength) ?? throw new ValidationException("purpose", "Say what the list is for and when to screen against it.");
        ChangedAt = now;
    }

    /// <summary>Sets the organisations (besides the owner) that may screen against the list.</summary>
    internal void AllowScreening(IEnumerable<OrganisationId> organisations, DateTime now)
    {
        var wanted = organisations.Where(o => o != OwnerOrganisationId).Distinct().ToHashSet();
        _screeners.RemoveAll(s => !wanted.Contains(s.OrganisationId));
        foreach (var o in wanted.Where(o => _screeners.All(s => s.OrganisationId != o)))
        {
            _screeners.Add(new WatchlistScreener(Id, o));
        }
        ChangedAt = now;
    }

    /// <summary>Starts a new list version (before adding, changing or removing entries) and returns it.</summary>
    internal int NextVersion(DateTime now)
    {
        if (IsRetired)
        {
            throw new ConflictException("list", "A retired list does not change.");
        }
        Version++;
        ChangedAt = now;
        return Version;
    }

    internal void Retire(DateTime now)
    {
        RetiredAt ??= now;
        ChangedAt = now;
    }
}

/// <summary>An organisation other than the owner allowed to screen against a list.</summary>
public sealed class WatchlistScreener
{
    private WatchlistScreener()
    {
    }

    internal WatchlistScreener(Guid watchlistId, OrganisationId organisation)
    {
        WatchlistId = watchlistId;
        OrganisationId = organisation;
    }

    public Guid WatchlistId { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
}
