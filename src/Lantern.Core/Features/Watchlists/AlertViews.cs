using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>A name part of an explanation: the input's part, the entry's part, how they agreed and what it contributed.</summary>
public sealed record NamePartView(string Input, string Entry, string Agreement, double Contribution);

public sealed record DetailView(string Field, string Agreement);

/// <summary>A stored explanation read back into its parts (<see cref="WatchlistHit.Read"/>).</summary>
public sealed record ExplanationView(string MatchedName, double NameScore, IReadOnlyList<NamePartView> Parts, IReadOnlyList<DetailView> Details, int EntryVersion, string ListVersion);

/// <summary>
/// One hit of a single-name screening, best first. For a missing child's entry seen without
/// <c>watchlists.children</c> it is restricted: the score, the list and whom to contact, nothing of the child.
/// </summary>
public sealed record ScreeningHitView(
    Guid ListId,
    string ListName,
    string ListVersion,
    Guid EntryId,
    int EntryVersion,
    double Score,
    bool Restricted,
    string? Notice,
    string? EntryExternalId,
    string? EntryName,
    string? MatchedName,
    double? NameScore,
    IReadOnlyList<NamePartView>? Parts,
    IReadOnlyList<DetailView>? Details,
    string? Explanation,
    Guid? AlertId,
    string? AlertStatus,
    bool Suppressed);

public sealed record ScreenedListView(Guid Id, string Name, string Version);

public sealed record ScreeningResult(Guid SubjectId, double Threshold, string? Profile, string AlgorithmVersion, IReadOnlyList<ScreenedListView> Lists, IReadOnlyList<ScreeningHitView> Hits, double Milliseconds);

public sealed record AlertSubjectView(Guid Id, string ExternalId, string Name, string? BirthDate, string? Nationality, string? NationalId, string? Passport, Guid? BatchId, DateTime? ScreenedAt);

public sealed record AlertEntryView(Guid Id, string ExternalId, string Name, IReadOnlyList<string> Aliases, string? BirthDate, string? Nationality, string? NationalId, string? Passport, string? Reason, int Version, string Status);

public sealed record AlertDecisionView(string? By, DateTime At, string? Reason);

/// <summary>An alert as a reviewer sees it (entry and explanation withheld when restricted).</summary>
public sealed record AlertView(
    Guid Id,
    string Status,
    double Score,
    Guid ListId,
    string ListName,
    string ListVersion,
    int EntryVersion,
    string AlgorithmVersion,
    DateTime RaisedAt,
    DateTime? ReopenedAt,
    string? Note,
    string ScreenedBy,
    string? AlertedOrganisation,
    bool MayDecide,
    bool Restricted,
    string? Notice,
    AlertSubjectView Subject,
    AlertEntryView? Entry,
    string? Explanation,
    AlertDecisionView? Decision);

/// <summary>A line of the alert queue.</summary>
public sealed record AlertSummary(Guid Id, string Status, double Score, string ListName, string SubjectName, string? EntryName, bool Restricted, Guid? BatchId, DateTime RaisedAt, DateTime? ReopenedAt);

public sealed record AlertList(IReadOnlyList<AlertSummary> Alerts, int Open);

internal static class AlertProjection
{
    public static string Status(AlertStatus s) => s.ToString().ToLowerInvariant();

    public static string Notice(string owner) => $"A listed missing child may match; contact {owner}.";

    public static async Task<Dictionary<Common.OrganisationId, string>> OrganisationNamesAsync(AppDbContext db, IEnumerable<Common.OrganisationId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public static async Task<AlertView> ViewAsync(AppDbContext db, Actor actor, ScreeningAlert alert, CancellationToken ct)
    {
        var (list, item, subject) = await WatchlistVisibility.AlertContextAsync(db, alert, ct);
        var names = await OrganisationNamesAsync(db, [alert.OrganisationId, list.OwnerOrganisationId, .. alert.AlertedOrganisationId is { } a ? new[] { a } : []], ct);
        var owner = names.GetValueOrDefault(list.OwnerOrganisationId, "the list's owner");
        var restricted = alert.IsChild && !WatchlistVisibility.MaySeeChildren(actor);
        return new AlertView(
            alert.Id, Status(alert.Status), alert.Score, list.Id, list.Name, alert.ListVersion, alert.ItemVersion, alert.AlgorithmVersion, alert.RaisedAt, alert.ReopenedAt, alert.Note,
            names.GetValueOrDefault(alert.OrganisationId, "?"),
            alert.AlertedOrganisationId is { } alerted ? names.GetValueOrDefault(alerted) : null,
            MayDecide(actor, alert),
            restricted,
            restricted ? Notice(owner) : null,
            new AlertSubjectView(subject.Id, subject.ExternalId, subject.Name, subject.BirthDate, subject.Nationality, subject.NationalId, subject.Passport, subject.BatchId, subject.ScreenedAt),
            restricted ? null : new AlertEntryView(item.Id, item.ExternalId, item.Name, item.AliasList, item.BirthDate, item.Nationality, item.NationalId, item.Passport, item.Reason, item.Version, item.Status.ToString().ToLowerInvariant()),
            restricted ? null : alert.Explanation,
            alert.DecidedAt is { } at ? new AlertDecisionView(alert.DecidedByName, at, alert.Reason) : null);
    }

    /// <summary>The screening organisation decides its alerts; the owner of a children's list sees them and acts on its own side.</summary>
    public static bool MayDecide(Actor actor, ScreeningAlert alert) => actor.IsSystem || alert.OrganisationId == actor.OrganisationId;
}
