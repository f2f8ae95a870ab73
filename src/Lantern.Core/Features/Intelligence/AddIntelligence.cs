using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Intelligence;

/// <summary>Records an intelligence item on a case, graded (source reliability, information accuracy) and with a handling code.</summary>
public static class AddIntelligence
{
    public sealed record Request(string? Text, string? SourceReliability, string? InformationAccuracy, string? HandlingCode, string? HandlingConditions = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<IntelligenceItemView> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.IntelligenceWrite);
            var @case = await _db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, caseId, ct);
            var text = TextRules.FreeText(request.Text, "text", IntelligenceItem.MaxTextLength) ?? throw new ValidationException("text", "Write the intelligence.");
            var source = IntelligenceGrading.ParseSource(request.SourceReliability);
            var accuracy = IntelligenceGrading.ParseAccuracy(request.InformationAccuracy);
            var handling = IntelligenceGrading.ParseHandling(request.HandlingCode);
            var conditions = TextRules.FreeText(request.HandlingConditions, "handlingConditions", 1000);
            // Numbers run per case over every organisation's items, so the query looks past what this actor may see.
            var number = (await IntelligenceVisibility.NumbersOfCase(_db, caseId).MaxAsync(n => (int?)n, ct) ?? 0) + 1;
            // The local operator records on behalf of the case's owner, not of whichever organisation it happens to act for.
            var organisation = actor.IsSystem ? @case.OrganisationId : actor.OrganisationId;
            var item = new IntelligenceItem(@case, number, organisation, text, source, accuracy, handling, conditions, actor.Username, _clock.GetUtcNow().UtcDateTime);
            _db.IntelligenceItems.Add(item);
            _audit.Add(actor, "intelligence.add", "intelligence", item.Id.ToString(), detail: "case " + caseId + ", " + item.Label + ", " + item.Grading);
            try
            {
                await _db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException("number", "Another intelligence item was added to this case at the same moment; try again.");
            }
            return IntelligenceProjection.ToView(item);
        }
    }
}
