using System.Globalization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

public enum AlertStatus { Open, Confirmed, Dismissed, Closed }

/// <summary>
/// A hit to review: one per screening organisation, input (its <see cref="SubjectKey"/>) and list entry. Confirmed or
/// dismissed by a named user; a dismissed alert suppresses the same input and entry while the entry's version is
/// unchanged, and reopens by itself when the entry changes. An alert on a missing child's entry is also seen by the
/// list's owner (<see cref="AlertedOrganisationId"/>).
/// </summary>
public sealed class ScreeningAlert
{
    public const int MaxReasonLength = 2000;
    public const string EntryRemoved = "entry removed from the list";

    private ScreeningAlert()
    {
    }

    internal ScreeningAlert(ScreenedSubject subject, Watchlist list, WatchlistItem item, WatchlistHit hit, string algorithm, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = subject.OrganisationId;
        SubjectKey = subject.SubjectKey;
        WatchlistId = list.Id;
        ItemId = item.Id;
        IsChild = item.IsChild || list.HoldsChildren;
        AlertedOrganisationId = IsChild && list.OwnerOrganisationId != subject.OrganisationId ? list.OwnerOrganisationId : null;
        Status = AlertStatus.Open;
        RaisedAt = now;
        Seen(subject, hit, algorithm);
    }

    public Guid Id { get; private set; }

    /// <summary>The screening organisation.</summary>
    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The owner of a missing-children list, alerted at once (null otherwise or when it screened itself).</summary>
    public OrganisationId? AlertedOrganisationId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid? BatchId { get; private set; }
    public string SubjectKey { get; private set; } = "";
    public Guid WatchlistId { get; private set; }
    public Guid ItemId { get; private set; }
    public bool IsChild { get; private set; }
    public int ItemVersion { get; private set; }
    public string ListVersion { get; private set; } = "";
    public string AlgorithmVersion { get; private set; } = "";
    public double Score { get; private set; }

    /// <summary>The hit's explanation (aligned name parts, contributions, details). Encrypted.</summary>
    public string Explanation { get; private set; } = "";
    public AlertStatus Status { get; private set; }
    public UserId? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why it was confirmed or dismissed (or closed). Encrypted.</summary>
    public string? Reason { get; private set; }
    public DateTime RaisedAt { get; private set; }
    public DateTime? ReopenedAt { get; private set; }

    /// <summary>What happened without a reviewer: reopening on an entry change, closing on removal.</summary>
    public string? Note { get; private set; }

    public bool IsDecided => Status is AlertStatus.Confirmed or AlertStatus.Dismissed;

    internal void Confirm(UserId by, string byName, string? reason, DateTime now)
    {
        RequireOpen();
        Status = AlertStatus.Confirmed;
        Decide(by, byName, TextRules.FreeText(reason, "reason", MaxReasonLength), now);
    }

    internal void Dismiss(UserId by, string byName, string? reason, DateTime now)
    {
        RequireOpen();
        var text = TextRules.FreeText(reason, "reason", MaxReasonLength) ?? throw new ValidationException("reason", "Say why the alert is dismissed (a different person: which detail differs).");
        Status = AlertStatus.Dismissed;
        Decide(by, byName, text, now);
    }

    /// <summary>
    /// The entry was hit again (a new screening of the same input, or re-screening after a list change). Returns whether
    /// the alert changed: an open alert takes the new version and score; a dismissed or closed alert stays quiet while the
    /// entry's version is the one it was decided on (suppression) and reopens when it moved; a confirmed alert takes the
    /// new version and stays confirmed.
    /// </summary>
    internal bool HitAgain(ScreenedSubject subject, WatchlistHit hit, string algorithm, DateTime now)
    {
        var changed = hit.EntryVersion != ItemVersion;
        switch (Status)
        {
            case AlertStatus.Open:
                var moved = changed || Math.Abs(hit.Score - Score) > 1e-9 || subject.Id != SubjectId;
                Seen(subject, hit, algorithm);
                return moved;
            case AlertStatus.Dismissed or AlertStatus.Closed when changed:
                Note = string.Create(CultureInfo.InvariantCulture, $"reopened: the entry changed from v{ItemVersion} to v{hit.EntryVersion} (list {hit.ListVersion}); was {Status.ToString().ToLowerInvariant()}");
                Status = AlertStatus.Open;
                ReopenedAt = now;
                Seen(subject, hit, algorithm);
                return true;
            case AlertStatus.Confirmed when changed:
                Note = string.Create(CultureInfo.InvariantCulture, $"the entry changed from v{ItemVersion} to v{hit.EntryVersion} (list {hit.ListVersion}) after confirmation");
                Seen(subject, hit, algorithm);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The entry left the list: an open alert is closed; decided alerts keep their decision.</summary>
    internal bool EntryWasRemoved(string listVersion, DateTime now)
    {
        if (Status != AlertStatus.Open)
        {
            return false;
        }
        Status = AlertStatus.Closed;
        Reason = EntryRemoved;
        DecidedAt = now;
        Note = $"closed: {EntryRemoved} (list {listVersion})";
        return true;
    }

    private void Seen(ScreenedSubject subject, WatchlistHit hit, string algorithm)
    {
        SubjectId = subject.Id;
        BatchId = subject.BatchId;
        ItemVersion = hit.EntryVersion;
        ListVersion = hit.ListVersion;
        AlgorithmVersion = algorithm;
        Score = hit.Score;
        Explanation = hit.Explanation();
    }

    private void Decide(UserId by, string byName, string? reason, DateTime now)
    {
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = now;
        Reason = reason;
    }

    private void RequireOpen()
    {
        if (Status != AlertStatus.Open)
        {
            throw new ConflictException("status", $"The alert is {Status.ToString().ToLowerInvariant()}; only an open alert is decided.");
        }
    }
}
