using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Evidence;

/// <summary>
/// Records that an exhibit passed from its current holder to someone else: to whom, when, why, where, in what
/// condition and under which seal. Appends to the custody log; nothing in it is ever edited.
/// </summary>
public static class TransferCustody
{
    public sealed record Request(string? ToName, string? ToRole, string? ToOrganisation, string? Reason, DateTime? At = null, string? Place = null, string? Condition = null, string? SealNumber = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<EvidenceItemView> Handle(Actor actor, Guid id, Request request, CancellationToken ct)
        {
            var item = await EvidenceAccess.ItemAsync(_db, _audit, actor, id, Permissions.EvidenceCustody, ct);
            var to = new CustodyParty(
                TextRules.Name(request.ToName, "toName") ?? throw new ValidationException("toName", "Say who received the exhibit."),
                TextRules.Place(request.ToRole, "toRole"),
                TextRules.Place(request.ToOrganisation, "toOrganisation", 200));
            var reason = TextRules.FreeText(request.Reason, "reason", 1000) ?? throw new ValidationException("reason", "Say why the exhibit changed hands.");
            var now = _clock.GetUtcNow().UtcDateTime;
            var at = request.At is { } when ? (when.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(when, DateTimeKind.Utc) : when.ToUniversalTime()) : now;
            var transfer = item.Transfer(to, reason, at, TextRules.Place(request.Place, "place"), TextRules.FreeText(request.Condition, "condition", 1000),
                TextRules.Place(request.SealNumber, "sealNumber", 64), actor.Username, now);
            _db.Add(transfer);
            _audit.Add(actor, "evidence.custody", "evidence", id.ToString(), detail: "case " + item.CaseId + ", " + item.Label + ", entry " + transfer.Sequence);
            await _db.SaveChangesAsync(ct);
            return EvidenceProjection.ToView(item, item.Case.Reference);
        }
    }
}
