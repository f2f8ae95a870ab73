using System.Diagnostics;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// Screening one name: against a profile's lists at its threshold, or every list the organisation may screen at the
/// default threshold. The subject is recorded (it joins the population re-screened when lists change), alerts are
/// raised for the hits (suppression honoured) and the hits come back best first with their full explanation.
/// </summary>
public static class ScreeningNames
{
    public sealed record Request(string? Name, string? BirthDate = null, string? Nationality = null, string? NationalId = null, string? Passport = null, Guid? ProfileId = null, string? ExternalId = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly WatchlistIndexes _indexes;
        private readonly BlindIndex _blind;
        private readonly ScreenableLists _lists;
        private readonly DeferredSync _sync;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock, WatchlistIndexes indexes, BlindIndex blind, ScreenableLists lists, DeferredSync sync)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
            _indexes = indexes;
            _blind = blind;
            _lists = lists;
            _sync = sync;
        }

        public async Task<ScreeningResult> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var input = ScreeningRun.Validated(request.Name, request.BirthDate, request.Nationality, request.NationalId, request.Passport);
            var externalId = TextRules.FreeText(request.ExternalId, "external_id", ScreenedSubject.MaxExternalIdLength);
            var profile = await ProfileAsync(_db, request.ProfileId, ct);
            var lists = await _lists.ForAsync(_db, actor.OrganisationId, profile, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var threshold = profile?.Threshold ?? NameMatcher.DefaultThreshold;
            var subject = new ScreenedSubject(actor.OrganisationId, null, externalId ?? "name-" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
                input, ScreeningRun.SubjectKey(_blind, externalId, input), profile?.Id, threshold, actor.UserId, now);
            _db.ScreenedSubjects.Add(subject);
            var hits = await ScreeningRun.ScreenAsync(_db, _indexes, subject, lists, now, ct);
            _audit.Add(actor, "name-screening.name", "screened-subject", subject.Id.ToString(),
                detail: ScreeningRun.Detail(1, hits.Count, hits.Count(h => h.Raised), profile, lists));
            // Subject, alerts and audit entry commit together before the answer; the disk sync may follow (ADR 0024).
            await _sync.SaveAsync(_db, ct);

            var owners = hits.Count == 0 ? new Dictionary<OrganisationId, string>() : await AlertProjection.OrganisationNamesAsync(_db, hits.Select(h => h.List.OwnerOrganisationId), ct);
            var mayChildren = WatchlistVisibility.MaySeeChildren(actor);
            var views = hits.Select(h => View(h, mayChildren, owners)).ToList();
            return new ScreeningResult(subject.Id, threshold, profile?.Name, ScreeningRun.AlgorithmVersion,
                [.. lists.Select(l => new ScreenedListView(l.Id, l.Name, WatchlistIndexes.VersionTag(l.Id, l.Version)))], views,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The actor organisation's profile, or none; another organisation's profile is not found.</summary>
    internal static async Task<ScreeningProfile?> ProfileAsync(AppDbContext db, Guid? id, CancellationToken ct) =>
        id is not { } profileId ? null
            : await db.ScreeningProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct) ?? throw new ValidationException("profile", "There is no such screening profile in your organisation.");

    private static ScreeningHitView View(ScreenedHit h, bool mayChildren, Dictionary<OrganisationId, string> owners)
    {
        var restricted = (h.Item.IsChild || h.List.HoldsChildren) && !mayChildren;
        if (restricted)
        {
            return new ScreeningHitView(h.List.Id, h.List.Name, h.Hit.ListVersion, h.Item.Id, h.Hit.EntryVersion, h.Hit.Score, true,
                AlertProjection.Notice(owners.GetValueOrDefault(h.List.OwnerOrganisationId, "the list's owner")),
                null, null, null, null, null, null, null, h.Alert?.Id, h.Alert is { } a ? AlertProjection.Status(a.Status) : null, h.Suppressed);
        }
        return new ScreeningHitView(h.List.Id, h.List.Name, h.Hit.ListVersion, h.Item.Id, h.Hit.EntryVersion, h.Hit.Score, false, null,
            h.Item.ExternalId, h.Item.Name, h.Hit.MatchedName, h.Hit.Name.Score,
            [.. h.Hit.Name.Parts.Select(p => new NamePartView(p.Left, p.Right, p.Agreement?.ToString().ToLowerInvariant() ?? "unmatched", p.Contribution))],
            [.. h.Hit.Details.Select(d => new DetailView(d.Field, d.Agreement.ToString().ToLowerInvariant()))],
            h.Hit.Explanation(), h.Alert?.Id, h.Alert is { } b ? AlertProjection.Status(b.Status) : null, h.Suppressed);
    }
}
