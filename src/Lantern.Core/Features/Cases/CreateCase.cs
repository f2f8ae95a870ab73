using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Cases;

/// <summary>Opens a new case in the actor's organisation; the creating officer is assigned to it.</summary>
public static class CreateCase
{
    public sealed record Request(string? Reference, string? Status, string? OpenedOn, string? Summary);

    public sealed record Response(Guid Id, string Reference);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly CaseWriter _writer;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, PersonIndexer indexer, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _writer = new CaseWriter(db, indexer);
            _audit = audit;
            _clock = clock;
        }

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesCreate);
            var input = CaseInput.ValidateCaseSection(new CaseSection
            {
                Reference = request.Reference,
                Status = request.Status,
                OpenedOn = request.OpenedOn,
                Summary = request.Summary,
            }, "");
            await _writer.EnsureReferenceFreeAsync(actor.OrganisationId, input.Reference, "reference", ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var @case = _writer.Build(actor.OrganisationId, input, actor.Username, now);
            if (!actor.IsSystem)
            {
                @case.Assign(actor.UserId, now);
            }
            _db.Cases.Add(@case);
            _audit.Add(actor, "case.create", "case", @case.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return new Response(@case.Id.Value, @case.Reference);
        }
    }
}
