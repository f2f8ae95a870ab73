using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// Opens a case to another organisation (joint investigation, referral) or assigns an officer to it.
/// Only the owning organisation may share; assignment brings a named user into the case whatever their organisation.
/// </summary>
public static class ShareCase
{
    public sealed record Request(string? Organisation);

    public sealed record AssignRequest(string? Username);

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

        public async Task ShareAsync(Actor actor, CaseId id, Request request, CancellationToken ct)
        {
            var @case = await LoadAsync(actor, id, ct);
            var organisation = await _db.Organisations.FirstOrDefaultAsync(o => o.Name == (request.Organisation ?? "").Trim(), ct)
                ?? throw new ValidationException("organisation", $"There is no organisation named '{request.Organisation}'.");
            @case.ShareWith(organisation.Id, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "case.share", "case", id.ToString(), detail: "with organisation " + organisation.Id);
            await _db.SaveChangesAsync(ct);
        }

        public async Task AssignAsync(Actor actor, CaseId id, AssignRequest request, CancellationToken ct)
        {
            var @case = await LoadAsync(actor, id, ct);
            var name = (request.Username ?? "").Trim().ToLowerInvariant();
            var user = await _db.Users.FirstOrDefaultAsync(u => u.Username == name && !u.Disabled, ct)
                ?? throw new ValidationException("username", $"There is no active user '{name}'.");
            @case.Assign(user.Id, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "case.assign", "case", id.ToString(), detail: "user " + user.Id);
            await _db.SaveChangesAsync(ct);
        }

        private async Task<Case> LoadAsync(Actor actor, CaseId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await _db.Cases.Include(c => c.Shares).Include(c => c.Assignments).FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.CasesShare);
            if (@case.OrganisationId != actor.OrganisationId && !actor.IsSystem)
            {
                throw new ForbiddenException(Permissions.CasesShare + " (only the owning organisation may share or assign)");
            }
            return @case;
        }
    }
}
