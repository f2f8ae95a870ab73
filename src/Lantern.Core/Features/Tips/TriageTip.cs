using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>Triage of one tip: assign it, mark it urgent, link it to a case the actor can see, close it with a reason. Each step is audited.</summary>
public static class TriageTip
{
    public sealed record AssignRequest(string? Username);

    public sealed record UrgentRequest(bool Urgent, bool ChildAtImmediateRisk);

    public sealed record LinkRequest(Guid CaseId);

    public sealed record CloseRequest(string? Reason, string? Note);

    public sealed record NoteRequest(string? Text);

    public sealed class AssignHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal AssignHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<TipView> Handle(Actor actor, Guid id, AssignRequest request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            var name = request.Username?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new ValidationException("username", "Name the user to assign the tip to.");
            }
            // Only a user of the tip's organisation who may triage tips.
            var user = (await _db.Users.AsNoTracking().Where(u => u.OrganisationId == tip.OrganisationId && !u.Disabled).ToListAsync(ct))
                .FirstOrDefault(u => string.Equals(u.Username, name, StringComparison.OrdinalIgnoreCase) && RolePermissions.For(u.Role).Contains(Permissions.TipsTriage))
                ?? throw new ValidationException("username", $"'{name}' is not a user of this organisation who may triage tips.");
            tip.Assign(user.Id, user.Username, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "tip.assign", "tip", tip.Id.ToString(), detail: "to " + user.Id);
            await TipAccess.SaveAsync(_db, ct);
            return await GetTip.ViewAsync(_db, tip, ct);
        }
    }

    public sealed class UrgentHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal UrgentHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        /// <summary>Marking a child at immediate risk raises the alert to the supervisor on duty at once (once per tip).</summary>
        public async Task<TipView> Handle(Actor actor, Guid id, UrgentRequest request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var wasChildAtRisk = tip.ChildAtImmediateRisk;
            tip.MarkUrgent(request.Urgent, request.ChildAtImmediateRisk, now);
            _audit.Add(actor, tip.Urgent ? "tip.mark-urgent" : "tip.unmark-urgent", "tip", tip.Id.ToString(), detail: request.ChildAtImmediateRisk ? "child at immediate risk" : null);
            if (tip.ChildAtImmediateRisk && !wasChildAtRisk)
            {
                await TipAccess.RaiseChildAlertAsync(_db, _audit, actor, tip, now, ct);
            }
            await TipAccess.SaveAsync(_db, ct);
            return await GetTip.ViewAsync(_db, tip, ct);
        }
    }

    public sealed class LinkHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly Visibility _visibility;
        private readonly TimeProvider _clock;

        internal LinkHandler(AppDbContext db, AuditLog audit, Visibility visibility, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _visibility = visibility;
            _clock = clock;
        }

        public async Task<TipView> Handle(Actor actor, Guid id, LinkRequest request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            actor.Require(Permissions.CasesRead);
            var caseId = new CaseId(request.CaseId);
            // The case must be one the actor may see; a hidden case answers as a missing one.
            if (!await _db.Cases.AnyAsync(c => c.Id == caseId, ct))
            {
                throw await _visibility.CaseNotFoundAsync(actor, caseId, ct);
            }
            tip.LinkTo(caseId, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "tip.link-case", "tip", tip.Id.ToString(), detail: "case " + caseId);
            await TipAccess.SaveAsync(_db, ct);
            return await GetTip.ViewAsync(_db, tip, ct);
        }
    }

    public sealed class CloseHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal CloseHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<TipView> Handle(Actor actor, Guid id, CloseRequest request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                throw new ValidationException("reason", "Choose why the tip is closed.");
            }
            var reason = Picklist.Parse<TipCloseReason>(request.Reason.Trim(), "reason");
            tip.Close(reason, TextRules.FreeText(request.Note, "note", 1000), _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "tip.close", "tip", tip.Id.ToString(), detail: reason.ToString());
            await TipAccess.SaveAsync(_db, ct);
            return await GetTip.ViewAsync(_db, tip, ct);
        }
    }

    /// <summary>A note by the hotline team on a tip; its text is encrypted and stays out of the audit entry.</summary>
    public sealed class NoteHandler
    {
        public const int MaxTextLength = 2000;

        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal NoteHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<TipView> Handle(Actor actor, Guid id, NoteRequest request, CancellationToken ct)
        {
            var tip = await TipAccess.TipAsync(_db, _audit, actor, id, ct);
            var text = TextRules.FreeText(request.Text, "text", MaxTextLength) ?? throw new ValidationException("text", "Write the note.");
            var note = tip.AddNote(text, actor.Username, _clock.GetUtcNow().UtcDateTime);
            _db.TipAdditions.Add(note);
            _audit.Add(actor, "tip.note", "tip", tip.Id.ToString(), detail: "note " + note.Id);
            await TipAccess.SaveAsync(_db, ct);
            return await GetTip.ViewAsync(_db, tip, ct);
        }
    }
}
