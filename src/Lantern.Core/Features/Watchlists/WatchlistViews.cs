using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>A row of the lists the actor sees: no entry details.</summary>
public sealed record WatchlistSummary(
    Guid Id, string Name, WatchlistKind Kind, WatchlistSource Source, Guid OwnerOrganisationId, string Owner,
    int Entries, int Version, DateTime ChangedAt, DateTime? RetiredAt, bool MayScreen, bool IsOwn);

public sealed record ScreenerView(Guid OrganisationId, string Name);

/// <summary>A list's details and sharing; entries are read page by page (<see cref="ListWatchlistItems"/>).</summary>
public sealed record WatchlistView(
    Guid Id, string Name, string Purpose, WatchlistKind Kind, WatchlistSource Source, Guid OwnerOrganisationId, string Owner,
    int Version, DateTime CreatedAt, DateTime ChangedAt, DateTime? RetiredAt, IReadOnlyList<ScreenerView> Screeners,
    int Entries, int RemovedEntries, bool MayScreen, bool MayManage, bool MayImport, bool MayEditEntries, bool MayRefresh);

/// <summary>One listed person in a page of entries (children only with <c>watchlists.children</c>).</summary>
public sealed record WatchlistItemRow(
    Guid Id, string ExternalId, string Name, IReadOnlyList<string> Aliases, string? BirthDate, string? Nationality,
    string? NationalId, string? Passport, bool IsChild, WatchlistItemStatus Status, int Version, int ListVersion, DateTime ChangedAt);

/// <summary>A page of entries; <see cref="HiddenChildren"/> entries of missing children are not shown to this actor.</summary>
public sealed record WatchlistItemPage(int Total, int Page, int PageSize, int HiddenChildren, IReadOnlyList<WatchlistItemRow> Rows);

/// <summary>One version of an entry: who, when, which list version, and which fields changed from the version before.</summary>
public sealed record WatchlistItemVersionView(int Version, int ListVersion, WatchlistChange Change, string ChangedBy, DateTime ChangedAt, ListedDetails Details, IReadOnlyList<string> ChangedFields);

/// <summary>An entry with its history.</summary>
public sealed record WatchlistItemView(
    Guid Id, Guid WatchlistId, string ListName, string ExternalId, ListedDetails Details, bool IsChild, Guid? PersonId,
    WatchlistItemStatus Status, int Version, int ListVersion, DateTime ChangedAt, bool MayEdit, IReadOnlyList<WatchlistItemVersionView> History);

/// <summary>One import or refresh of a list.</summary>
public sealed record WatchlistImportView(
    Guid Id, int ListVersion, WatchlistFileFormat Format, string? FileName, string? Sha256, int Added, int Changed, int Removed,
    int Unchanged, int Skipped, string ImportedBy, DateTime ImportedAt);

internal static class WatchlistProjection
{
    public static WatchlistItemRow Row(WatchlistItem i) =>
        new(i.Id, i.ExternalId, i.Name, i.AliasList, i.BirthDate, i.Nationality, i.NationalId, i.Passport, i.IsChild, i.Status, i.Version, i.ListVersion, i.ChangedAt);

    public static WatchlistImportView Import(WatchlistImport m) =>
        new(m.Id, m.ListVersion, m.Format, m.FileName, m.Sha256, m.Added, m.Changed, m.Removed, m.Unchanged, m.Skipped, m.ImportedByName, m.ImportedAt);

    /// <summary>The fields that differ between two versions' details (all of them for the first version).</summary>
    public static IReadOnlyList<string> ChangedFields(ListedDetails? before, ListedDetails after)
    {
        if (before is null)
        {
            return [];
        }
        var fields = new List<string>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                fields.Add(field);
            }
        }
        Compare("name", before.Name, after.Name);
        Compare("aliases", string.Join('\n', before.Aliases), string.Join('\n', after.Aliases));
        Compare("birth_date", before.BirthDate, after.BirthDate);
        Compare("nationality", before.Nationality, after.Nationality);
        Compare("national_id", before.NationalId, after.NationalId);
        Compare("passport", before.Passport, after.Passport);
        Compare("reason", before.Reason, after.Reason);
        return fields;
    }

    public static string Owner(IReadOnlyDictionary<OrganisationId, string> organisations, OrganisationId id) => organisations.GetValueOrDefault(id, "?");
}
