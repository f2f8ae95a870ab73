using System.Diagnostics;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        private readonly IServiceScopeFactory _scopes;
        private readonly TimeProvider _clock;
        private readonly WatchlistIndexes _indexes;
        private readonly BlindIndex _blind;
        private readonly ScreenableLists _lists;
        private readonly DeferredSync _sync;
        private readonly CommitBudget _budget;

        internal Handler(IServiceScopeFactory scopes, TimeProvider clock, WatchlistIndexes indexes, BlindIndex blind, ScreenableLists lists, DeferredSync sync, CommitBudget budget)
        {
            _scopes = scopes;
            _clock = clock;
            _indexes = indexes;
            _blind = blind;
            _lists = lists;
            _sync = sync;
            _budget = budget;
        }

        public async Task<ScreeningResult> Handle(Actor actor, Request request, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            actor.Require(Permissions.WatchlistsScreen);
            var input = ScreeningRun.Validated(request.Name, request.BirthDate, request.Nationality, request.NationalId, request.Passport);
            var externalId = TextRules.FreeText(request.ExternalId, "external_id", ScreenedSubject.MaxExternalIdLength);
            // The screening's own scope: its commit may outlive the request when the disk stalls (CommitBudget).
            var scope = _scopes.CreateAsyncScope();
            var committing = false;
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.ScopeTo(actor);
                var profile = await ProfileAsync(db, request.ProfileId, ct);
                var lists = await _lists.ForAsync(db, actor.OrganisationId, profile, ct);
                var now = _clock.GetUtcNow().UtcDateTime;
                var threshold = profile?.Threshold ?? NameMatcher.DefaultThreshold;
                var key = ScreeningRun.SubjectKey(_blind, externalId, input);
                var subject = new ScreenedSubject(actor.OrganisationId, null, externalId ?? "name-" + now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
                    input, key, profile?.Id, threshold, actor.UserId, now);
                db.ScreenedSubjects.Add(subject);
                var pending = actor.OrganisationId.Value + "|" + key;
                // an earlier screening of the same input still committing: its alerts must be read, not raised again
                await _budget.PendingAsync(pending);
                var hits = await ScreeningRun.ScreenAsync(db, _indexes, subject, lists, now, ct);
                scope.ServiceProvider.GetRequiredService<AuditLog>().Add(actor, "name-screening.name", "screened-subject", subject.Id.ToString(),
                    detail: ScreeningRun.Detail(1, hits.Count, hits.Count(h => h.Raised), profile, lists));
                // Everything the answer needs is read before the commit, which may still be running when it goes.
                var owners = hits.Count == 0 ? new Dictionary<OrganisationId, string>() : await AlertProjection.OrganisationNamesAsync(db, hits.Select(h => h.List.OwnerOrganisationId), ct);
                var mayChildren = WatchlistVisibility.MaySeeChildren(actor);
                var views = hits.Select(h => View(h, mayChildren, owners)).ToList();
                var result = new ScreeningResult(subject.Id, threshold, profile?.Name, ScreeningRun.AlgorithmVersion,
                    [.. lists.Select(l => new ScreenedListView(l.Id, l.Name, WatchlistIndexes.VersionTag(l.Id, l.Version)))], views, 0);
                // Subject, alerts and audit entry commit together; the disk sync may follow (ADR 0024), and the answer
                // goes first only when the commit overruns its budget and raised no alert on a missing child.
                var childAlert = hits.Any(h => (h.Raised || h.Updated) && (h.Item.IsChild || h.List.HoldsChildren));
                committing = true;
                await _budget.AwaitAsync(pending, () => _sync.SaveAsync(db, CancellationToken.None), scope, mustWait: childAlert);
                return result with { Milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            }
            finally
            {
                if (!committing)
                {
                    await scope.DisposeAsync();
                }
            }
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
