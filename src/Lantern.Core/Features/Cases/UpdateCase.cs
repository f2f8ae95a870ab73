using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>Changes a case's reference, status, dates and summary. A stale <c>Version</c> is refused rather than overwriting someone else's change.</summary>
public static class UpdateCase
{
    public sealed record Request(string? Reference, string? Status, string? OpenedOn, string? Summary, string? ReasonForClosure, int? Version);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly CaseWriter _writer;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, PersonIndexer indexer, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _writer = new CaseWriter(db, indexer);
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, CaseId id, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await _db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.CasesEdit);
            var input = CaseInput.ValidateCaseSection(new CaseSection
            {
                Reference = request.Reference,
                Status = request.Status,
                OpenedOn = request.OpenedOn,
                Summary = request.Summary,
                ReasonForClosure = request.ReasonForClosure,
            }, "");
            if (request.Version is { } expected && expected != @case.Version)
            {
                throw new ConflictException("version", "Someone else changed this case since you opened it; reload and try again.");
            }
            if (input.Reference != @case.Reference)
            {
                await _writer.EnsureReferenceFreeAsync(@case.OrganisationId, input.Reference, "reference", ct, except: @case.Id);
                @case.ChangeReference(input.Reference, _clock.GetUtcNow().UtcDateTime);
            }
            @case.Update(input.Status, input.OpenedOn, input.Summary, input.ClosureReason, _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "case.update", "case", id.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Deletes a case with its participations, events and notes; persons remain for their other cases.</summary>
public static class DeleteCase
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
        }

        public async Task Handle(Actor actor, CaseId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            var @case = await CaseQueries.LoadFullAsync(_db, id, tracking: true, ct) ?? throw await _visibility.CaseNotFoundAsync(actor, id, ct);
            actor.Require(Permissions.CasesDelete);
            if (@case.OrganisationId != actor.OrganisationId && !actor.IsSystem)
            {
                throw new ForbiddenException(Permissions.CasesDelete + " (only the owning organisation may delete a case)");
            }
            _db.Cases.Remove(@case);
            _audit.Add(actor, "case.delete", "case", id.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }
}
