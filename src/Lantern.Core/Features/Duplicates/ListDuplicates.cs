using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>The possible-duplicates queue: pairs with at least one record the reviewer sees, most probable first.</summary>
public static class ListDuplicates
{
    public const int MaxLimit = 500;

    public sealed record Request(string? Status = null, int? Limit = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<DuplicateList> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.LinkageRead);
            var status = ParseStatus(request.Status);
            var limit = request.Limit ?? 100;
            if (limit is < 1 or > MaxLimit)
            {
                throw new ValidationException("limit", $"Give a limit between 1 and {MaxLimit}.");
            }
            var query = _db.DuplicateCandidates.AsNoTracking();
            if (status is { } s)
            {
                query = query.Where(c => c.Status == s);
            }
            var pairs = await query.OrderByDescending(c => c.Probability).ThenBy(c => c.Id).Take(limit).ToListAsync(ct);
            var views = await DuplicateProjection.ViewsAsync(_db, pairs, ct);
            var open = await _db.DuplicateCandidates.CountAsync(c => c.Status == DuplicateStatus.Open, ct);
            await _audit.WriteAsync(actor, "duplicates.list", "duplicate", null,
                detail: $"{views.Count} pairs ({views.Count(v => v.Restricted)} restricted); status {status?.ToString() ?? "all"}; algorithm {PersonLinking.AlgorithmVersion}", ct: ct);
            return new DuplicateList(views, open, views.Count(v => v.Restricted));
        }
    }

    public static DuplicateStatus? ParseStatus(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? null
            : Enum.TryParse<DuplicateStatus>(value.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsDigit(value.Trim()[0])
                ? s
                : throw new ValidationException("status", $"'{value}' is not a status; use open, confirmed, rejected, undone or all.");
}
