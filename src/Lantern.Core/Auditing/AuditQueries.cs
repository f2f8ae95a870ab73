using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Auditing;

public sealed record AuditEntryView(long Sequence, DateTime At, string Actor, Guid? OrganisationId, string Action, string EntityType, string? EntityId, string Outcome, string? RemoteAddress, string? Detail);

/// <summary>Auditors search the log of their organisation; the local operator searches all of it.</summary>
public static class SearchAudit
{
    public sealed record Request(string? Actor = null, string? Action = null, string? EntityId = null, DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 50);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<Paged<AuditEntryView>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            actor.Require(Permissions.AuditRead);
            if (request.Page < 1 || request.PageSize is < 1 or > 200)
            {
                throw new ValidationException(request.Page < 1 ? "page" : "pageSize", "The page starts at 1; the page size is 1 to 200.");
            }
            var organisation = actor.OrganisationId.Value;
            var q = _db.AuditEntries.AsNoTracking().Where(a => actor.IsSystem || a.OrganisationId == organisation);
            if (!string.IsNullOrWhiteSpace(request.Actor))
            {
                var name = request.Actor.Trim().ToLowerInvariant();
                q = q.Where(a => a.ActorName == name);
            }
            if (!string.IsNullOrWhiteSpace(request.Action))
            {
                var action = request.Action.Trim();
                q = q.Where(a => a.Action.StartsWith(action));
            }
            if (!string.IsNullOrWhiteSpace(request.EntityId))
            {
                var entity = request.EntityId.Trim();
                q = q.Where(a => a.EntityId == entity);
            }
            if (request.From is { } from)
            {
                q = q.Where(a => a.At >= from.ToUniversalTime());
            }
            if (request.To is { } to)
            {
                q = q.Where(a => a.At < to.ToUniversalTime());
            }
            var total = await q.CountAsync(ct);
            var rows = await q.OrderByDescending(a => a.Sequence).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
            return new Paged<AuditEntryView>(
                rows.Select(a => new AuditEntryView(a.Sequence, a.At, a.ActorName, a.OrganisationId, a.Action, a.EntityType, a.EntityId, a.Outcome.ToString(), a.RemoteAddress, a.Detail)).ToList(),
                request.Page, request.PageSize, total);
        }
    }
}

/// <summary>
/// Re-computes the hash chain from the first entry. Reports the first entry that was edited (hash mismatch),
/// removed (sequence gap or broken link) or reordered (broken link).
/// </summary>
public static class VerifyAudit
{
    public sealed record Response(bool Intact, long Entries, long? FirstBadSequence, string? Problem);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly KeyRing _keys;

        internal Handler(AppDbContext db, KeyRing keys)
        {
            _db = db;
            _keys = keys;
        }

        public async Task<Response> Handle(Actor actor, CancellationToken ct, IProgress<long>? progress = null)
        {
            if (!actor.IsSystem)
            {
                actor.Require(Permissions.AuditRead);
            }
            var key = _keys.AuditKey;
            long expectedSequence = 1;
            var previous = "";
            long count = 0;
            const int batch = 5000;
            long after = 0;
            while (true)
            {
                var rows = await _db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(batch).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    break;
                }
                foreach (var entry in rows)
                {
                    if (entry.Sequence != expectedSequence)
                    {
                        return new Response(false, count, entry.Sequence, $"entry {expectedSequence} is missing (next present is {entry.Sequence})");
                    }
                    if (entry.PreviousHash != previous)
                    {
                        return new Response(false, count, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1} (removed or reordered)");
                    }
                    if (entry.ComputeHash(key) != entry.Hash)
                    {
                        return new Response(false, count, entry.Sequence, $"entry {entry.Sequence} was altered (its hash does not match its content)");
                    }
                    previous = entry.Hash;
                    expectedSequence++;
                    count++;
                }
                after = rows[^1].Sequence;
                progress?.Report(count);
            }
            return new Response(true, count, null, null);
        }
    }
}
