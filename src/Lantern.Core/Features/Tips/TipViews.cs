namespace Lantern.Core.Features.Tips;

public sealed record TipListItem(
    Guid Id, string Number, TipChannel Channel, TipBucket Bucket, DateTime ReceivedAt, TipProvince Province, string? District,
    ChildrenAtRisk Children, int? PeopleCount, bool Urgent, TipState State, string? AssignedTo, Guid? CaseId, string Excerpt, double AgeHours);

/// <summary>What the reporter added (<see cref="FromReporter"/>), or a staff note with its <see cref="Author"/>.</summary>
public sealed record TipAdditionView(DateTime At, bool FromReporter, string Text, string? Author = null);

public sealed record TipView(
    Guid Id, string Number, TipChannel Channel, TipBucket Bucket, DateTime ReceivedAt, string WhatHappened, TipProvince Province, string? District,
    string? Place, string? WhenHappened, ChildrenAtRisk Children, int? PeopleCount, bool ContactConsent, string? Contact,
    int? CallDurationMinutes, string? CallLanguage, string? RecordedBy, TipState State, bool Urgent, Guid? AssignedToUserId, string? AssignedTo,
    Guid? CaseId, string? CaseReference, DateTime? FirstTriagedAt, DateTime? ClosedAt, TipCloseReason? CloseReason, string? CloseNote,
    IReadOnlyList<TipAdditionView> Additions);

public sealed record TipAlertView(Guid Id, Guid TipId, string TipNumber, DateTime RaisedAt, bool ToMe, DateTime? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>Median and 90th percentile in hours, over the tips that reached that point; null when none did.</summary>
public sealed record TipResponseTimes(int Received, int Triaged, double? TriageMedianHours, double? TriageP90Hours, int Closed, double? CloseMedianHours, double? CloseP90Hours, int Days);

/// <summary>
/// The triage queue: urgent and child-at-risk tips first, then every open tip oldest first (both always shown, so a
/// flood of new tips cannot hide the old ones), then the overflow bucket (public tips beyond the hourly cap).
/// </summary>
public sealed record TipBoard(
    IReadOnlyList<TipListItem> Urgent, IReadOnlyList<TipListItem> OldestFirst, IReadOnlyList<TipListItem> Overflow, IReadOnlyList<TipListItem> RecentlyClosed,
    IReadOnlyList<TipAlertView> Alerts, TipResponseTimes ResponseTimes, bool OnDuty, IReadOnlyList<string> SupervisorsOnDuty);

public sealed record TipLineSettingsView(Guid? HotlineOrganisationId, string? HotlineOrganisation, bool HotlineIsDefault, int HourlyCap);

internal static class TipProjection
{
    public static TipListItem ToListItem(Tip t, DateTime now) => new(
        t.Id, t.Number, t.Channel, t.Bucket, t.ReceivedAt, t.Province, t.District, t.Children, t.PeopleCount, t.Urgent, t.State, t.AssignedToUsername,
        t.CaseId?.Value, Excerpt(t.WhatHappened), Math.Round((now - t.ReceivedAt).TotalHours, 1));

    public static TipView ToView(Tip t, string? caseReference) => new(
        t.Id, t.Number, t.Channel, t.Bucket, t.ReceivedAt, t.WhatHappened, t.Province, t.District, t.Place, t.WhenHappened, t.Children, t.PeopleCount,
        t.ContactConsent, t.Contact, t.CallDurationMinutes, t.CallLanguage, t.RecordedBy, t.State, t.Urgent, t.AssignedToUserId?.Value, t.AssignedToUsername,
        t.CaseId?.Value, caseReference, t.FirstTriagedAt, t.ClosedAt, t.CloseReason, t.CloseNote,
        t.Additions.OrderBy(a => a.At).Select(a => new TipAdditionView(a.At, a.FromReporter, a.Text, a.Author)).ToList());

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..117] + "...";
    }

    /// <summary>Nearest-rank percentile of hours (0 &lt; p &lt;= 1); null for no values.</summary>
    public static double? Percentile(IReadOnlyList<double> hours, double p)
    {
        if (hours.Count == 0)
        {
            return null;
        }
        var sorted = hours.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }

    public static TipResponseTimes ResponseTimes(IReadOnlyList<Tip> tips, int days)
    {
        var triage = tips.Where(t => t.FirstTriagedAt is not null).Select(t => (t.FirstTriagedAt!.Value - t.ReceivedAt).TotalHours).ToList();
        var close = tips.Where(t => t.ClosedAt is not null).Select(t => (t.ClosedAt!.Value - t.ReceivedAt).TotalHours).ToList();
        return new TipResponseTimes(tips.Count, triage.Count, Percentile(triage, 0.5), Percentile(triage, 0.9), close.Count, Percentile(close, 0.5), Percentile(close, 0.9), days);
    }
}
