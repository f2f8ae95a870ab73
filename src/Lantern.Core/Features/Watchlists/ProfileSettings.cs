using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

public sealed record ProfileListView(Guid Id, string Name);

public sealed record ScreeningProfileView(Guid Id, string Name, string Use, double Threshold, IReadOnlyList<ProfileListView> Lists, string ChangedBy, DateTime ChangedAt);

public sealed record BatchEffectView(Guid BatchId, string FileName, DateTime SubmittedAt, int Subjects, int HitsNow, int HitsAfter, int Added, int NoLongerRaised);

/// <summary>What a profile change would do to past batches: per batch, the hits that would be added and those no longer raised.</summary>
public sealed record ProfileEffectView(double Threshold, IReadOnlyList<ProfileListView> Lists, IReadOnlyList<BatchEffectView> Batches, int Added, int NoLongerRaised);

/// <summary>
/// Screening profiles per use (border, recruitment licences, finance): threshold and lists, set by administrators
/// (<c>watchlists.manage</c>), who first see the effect on the organisation's recent batches.
/// </summary>
public static class ProfileSettings
{
    public const int PreviewBatches = 10;

    public sealed record Input(string? Name, string? Use, double? Threshold, IReadOnlyList<Guid>? Lists);

    public sealed class ListHandler
    {
        private readonly AppDbContext _db;

        internal ListHandler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<ScreeningProfileView>> Handle(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var profiles = await _db.ScreeningProfiles.AsNoTracking().Where(p => actor.IsSystem || p.OrganisationId == actor.OrganisationId).OrderBy(p => p.Name).ToListAsync(ct);
            var lists = await ScreeningRun.ListsAsync(_db, actor.OrganisationId, null, ct);
            return [.. profiles.Select(p => View(p, lists))];
        }

        /// <summary>The lists the actor's organisation may screen now (what a profile may name).</summary>
        public async Task<IReadOnlyList<ProfileListView>> ScreenableAsync(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            return [.. (await ScreeningRun.ListsAsync(_db, actor.OrganisationId, null, ct)).Select(l => new ProfileListView(l.Id, l.Name))];
        }
    }

    public sealed class SaveHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal SaveHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        /// <summary>Creates a profile (<paramref name="id"/> null) or changes one of the actor's organisation.</summary>
        public async Task<ScreeningProfileView> Handle(Actor actor, Guid? id, Input input, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsManage);
            _db.ScopeTo(actor);
            var (use, threshold, chosen, screenable) = await CheckAsync(_db, actor, input, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            ScreeningProfile profile;
            if (id is { } existing)
            {
                profile = await _db.ScreeningProfiles.FirstOrDefaultAsync(p => p.Id == existing && p.OrganisationId == actor.OrganisationId, ct)
                    ?? throw new NotFoundException("The screening profile");
                profile.Change(input.Name, use, threshold, chosen, actor.UserId, actor.Username, now);
            }
            else
            {
                profile = new ScreeningProfile(actor.OrganisationId, input.Name, use, threshold, chosen, actor.UserId, actor.Username, now);
                _db.ScreeningProfiles.Add(profile);
            }
            _audit.Add(actor, id is null ? "name-screening.profile.create" : "name-screening.profile.change", "screening-profile", profile.Id.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"use {use}; threshold {threshold:0.00}; lists {chosen.Count}"));
            await _db.SaveChangesAsync(ct);
            return View(profile, screenable);
        }
    }

    /// <summary>Re-scores the recorded subjects of the organisation's recent batches under the proposed settings; saves nothing.</summary>
    public sealed class PreviewHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly WatchlistIndexes _indexes;

        internal PreviewHandler(AppDbContext db, AuditLog audit, WatchlistIndexes indexes)
        {
            _db = db;
            _audit = audit;
            _indexes = indexes;
        }

        public async Task<ProfileEffectView> Handle(Actor actor, Guid? id, Input input, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsManage);
            _db.ScopeTo(actor);
            var (_, threshold, chosen, screenable) = await CheckAsync(_db, actor, input, ct);
            if (id is { } existing && !await _db.ScreeningProfiles.AnyAsync(p => p.Id == existing && p.OrganisationId == actor.OrganisationId, ct))
            {
                throw new NotFoundException("The screening profile");
            }
            var lists = chosen.Count == 0 ? screenable : [.. screenable.Where(l => chosen.Contains(l.Id))];
            var built = new List<WatchlistIndexes.Built>();
            foreach (var list in lists)
            {
                built.Add(await _indexes.GetAsync(list, ct));
            }
            var batches = await _db.ScreeningBatches.AsNoTracking()
                .Where(b => b.OrganisationId == actor.OrganisationId && b.Status == ScreeningBatchStatus.Done && (id == null || b.ProfileId == id))
                .OrderByDescending(b => b.SubmittedAt).Take(PreviewBatches).ToListAsync(ct);
            var effects = new List<BatchEffectView>();
            foreach (var batch in batches)
            {
                var subjects = await _db.ScreenedSubjects.AsNoTracking().Where(s => s.BatchId == batch.Id && s.ScreenedAt != null).ToListAsync(ct);
                int now = 0, after = 0, added = 0, gone = 0;
                foreach (var subject in subjects)
                {
                    var current = subject.HitList.Select(h => h.ItemId.ToString()).ToHashSet(StringComparer.Ordinal);
                    var query = subject.ToSubject();
                    var proposed = built.SelectMany(b => b.Index.Screen(query, threshold, explain: false)).Select(h => h.EntryId).ToHashSet(StringComparer.Ordinal);
                    now += current.Count;
                    after += proposed.Count;
                    added += proposed.Count(p => !current.Contains(p));
                    gone += current.Count(c => !proposed.Contains(c));
                }
                effects.Add(new BatchEffectView(batch.Id, batch.FileName, batch.SubmittedAt, subjects.Count, now, after, added, gone));
            }
            await _audit.WriteAsync(actor, "name-screening.profile.preview", "screening-profile", id?.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"threshold {threshold:0.00}; lists {lists.Count}; batches {effects.Count}; added {effects.Sum(e => e.Added)}; no longer raised {effects.Sum(e => e.NoLongerRaised)}"), ct: ct);
            return new ProfileEffectView(threshold, [.. lists.Select(l => new ProfileListView(l.Id, l.Name))], effects, effects.Sum(e => e.Added), effects.Sum(e => e.NoLongerRaised));
        }
    }

    private static async Task<(ScreeningUse Use, double Threshold, List<Guid> Lists, List<Watchlist> Screenable)> CheckAsync(AppDbContext db, Actor actor, Input input, CancellationToken ct)
    {
        var use = ParseUse(input.Use);
        var threshold = ScreeningProfile.CheckThreshold(input.Threshold ?? throw new ValidationException("threshold", "Give the threshold, such as 0.80."));
        var screenable = await ScreeningRun.ListsAsync(db, actor.OrganisationId, null, ct);
        var chosen = (input.Lists ?? []).Distinct().ToList();
        foreach (var list in chosen.Where(c => screenable.All(s => s.Id != c)))
        {
            throw new ValidationException("lists", $"The list {list} is not one your organisation may screen against.");
        }
        return (use, threshold, chosen, screenable);
    }

    public static ScreeningUse ParseUse(string? value) =>
        value?.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) is { Length: > 0 } v && !char.IsDigit(v[0]) && Enum.TryParse<ScreeningUse>(v, ignoreCase: true, out var use) && Enum.IsDefined(use)
            ? use
            : throw new ValidationException("use", $"'{value}' is not a use; use border, recruitment-licence, finance or other.");

    private static ScreeningProfileView View(ScreeningProfile p, IReadOnlyList<Watchlist> screenable) =>
        new(p.Id, p.Name, UseName(p.Use), p.Threshold,
            [.. p.ListIds.Select(id => new ProfileListView(id, screenable.FirstOrDefault(l => l.Id == id)?.Name ?? "(no longer screenable)"))], p.ChangedByName, p.ChangedAt);

    public static string UseName(ScreeningUse use) => use switch
    {
        ScreeningUse.Border => "border",
        ScreeningUse.RecruitmentLicence => "recruitment-licence",
        ScreeningUse.Finance => "finance",
        ScreeningUse.Other => "other",
    };
}
