using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>One tip of the actor's organisation, with what the reporter added later. Every read is audited.</summary>
public static class GetTip
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<TipView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            _audit.Add(actor, "tip.view", "tip", tip.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return await ViewAsync(_db, tip, ct);
        }

        /// <summary>A tip's id from its id or its number ("T-1234-5678"), for the CLI; an unknown one gives an id that is not found.</summary>
        public async Task<Guid> ResolveAsync(Actor actor, string idOrNumber, CancellationToken ct)
        {
            actor.Require(Permissions.TipsTriage);
            return await TipAccess.ResolveAsync(_db, actor, idOrNumber, ct);
        }
    }

    internal static async Task<TipView> ViewAsync(AppDbContext db, Tip tip, CancellationToken ct)
    {
        // The linked case's reference only if the actor may see the case (the filter decides).
        var reference = tip.CaseId is { } caseId ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(ct) : null;
        return TipProjection.ToView(tip, reference);
    }
}
