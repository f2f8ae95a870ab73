using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>Keeps a victim's individual support plan: its objectives and dates, and its actions with owners.</summary>
public static class SaveSupportPlan
{
    public sealed record Request(string? Objectives, DateOnly? PlannedEnd, DateOnly? ActualEnd);

    public sealed record ActionRequest(string? Description, string? Owner, DateOnly? StartsOn, DateOnly? DueOn);

    public sealed record DoneRequest(DateOnly? DoneOn);

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

        public async Task<SupportPlanView> SaveAsync(Actor actor, Guid participantId, Request request, CancellationToken ct)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var plan = await LoadAsync(actor, participantId, create: true, now, ct);
            plan.Update(TextRules.FreeText(request.Objectives, "objectives", SupportPlan.MaxTextLength), request.PlannedEnd, request.ActualEnd, now);
            _audit.Add(actor, "victim.support-plan-save", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
            return GetVictimProtection.ToView(plan);
        }

        public async Task<Guid> AddActionAsync(Actor actor, Guid participantId, ActionRequest request, CancellationToken ct)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var plan = await LoadAsync(actor, participantId, create: false, now, ct);
            var description = TextRules.FreeText(request.Description, "description", 2000) ?? throw new ValidationException("description", "Describe the action.");
            var owner = TextRules.FreeText(request.Owner, "owner", 200) ?? throw new ValidationException("owner", "Say who owns the action (a person or an organisation).");
            var action = plan.AddAction(description, owner, request.StartsOn, request.DueOn, now);
            _audit.Add(actor, "victim.support-action-add", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
            return action.Id;
        }

        public async Task CompleteActionAsync(Actor actor, Guid participantId, Guid actionId, DoneRequest request, CancellationToken ct)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var plan = await LoadAsync(actor, participantId, create: false, now, ct);
            plan.CompleteAction(actionId, request.DoneOn ?? DateOnly.FromDateTime(now), now);
            _audit.Add(actor, "victim.support-action-done", "participant", participantId.ToString());
            await _db.SaveChangesAsync(ct);
        }

        private async Task<SupportPlan> LoadAsync(Actor actor, Guid participantId, bool create, DateTime now, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, participantId, ct);
            actor.Require(Permissions.ReferralsWrite);
            var plan = await _db.SupportPlans.Include(p => p.Actions).FirstOrDefaultAsync(p => p.ParticipantId == victim.Id, ct);
            if (plan is null)
            {
                if (!create)
                {
                    throw new ValidationException("objectives", "Write the support plan's objectives before adding actions.");
                }
                plan = new SupportPlan(victim, now);
                _db.SupportPlans.Add(plan);
            }
            return plan;
        }
    }
}
