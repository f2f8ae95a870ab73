using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// Imports case documents. All files are parsed and checked first; if any case or field is bad, nothing
/// at all is stored and the error names the file, the case and the field.
/// </summary>
public static class ImportCases
{
    /// <summary>The source name of a request body; errors from it carry no file name.</summary>
    public const string ApiBody = "body";

    public sealed record Source(string Name, string Json);

    public sealed record Request(IReadOnlyList<Source> Sources, string? OrganisationName);

    public sealed record ImportedCase(Guid Id, string Reference, string Source);

    public sealed record Response(IReadOnlyList<ImportedCase> Cases);

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

        /// <summary>With <paramref name="createOne"/>, this is the API's POST /cases: it needs cases.create and exactly one document.</summary>
        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct, bool createOne = false)
        {
            actor.Require(createOne ? Permissions.CasesCreate : Permissions.CasesImport);
            _db.ScopeTo(actor);
            var owner = await ResolveOwnerAsync(actor, request.OrganisationName, ct);

            var validated = new List<(ValidatedCase Case, string Source)>();
            foreach (var source in request.Sources)
            {
                var documents = Prefixed(source.Name, () => CaseDocument.ParseMany(source.Json));
                for (var i = 0; i < documents.Count; i++)
                {
                    var prefix = documents.Count > 1 ? $"[{i}]." : "";
                    validated.Add((Prefixed(source.Name, () => CaseInput.Validate(documents[i], prefix)), source.Name));
                }
            }
            if (createOne && validated.Count != 1)
            {
                throw new ValidationException("$", "Send exactly one case document here; use /api/v1/cases/import for several.");
            }
            var clash = validated.GroupBy(v => v.Case.Reference, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                throw new ConflictException("case.reference", $"The reference '{clash.Key}' appears more than once in this import.");
            }
            foreach (var (c, source) in validated)
            {
                await Prefixed(source, () => _writer.EnsureReferenceFreeAsync(owner, c.Reference, "case.reference", ct));
            }

            var now = _clock.GetUtcNow().UtcDateTime;
            var imported = new List<ImportedCase>();
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            foreach (var (c, source) in validated)
            {
                var @case = _writer.Build(owner, c, actor.Username, now);
                if (createOne && !actor.IsSystem)
                {
                    @case.Assign(actor.UserId, now);
                }
                _db.Cases.Add(@case);
                _audit.Add(actor, "case.import", "case", @case.Id.ToString(), detail: $"{c.Persons.Count} persons");
                imported.Add(new ImportedCase(@case.Id.Value, @case.Reference, source));
            }
            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Response(imported);
        }

        private async Task<OrganisationId> ResolveOwnerAsync(Actor actor, string? organisationName, CancellationToken ct)
        {
            if (organisationName is null)
            {
                if (actor.IsSystem)
                {
                    var first = await _db.Organisations.OrderBy(o => o.Id).Select(o => (OrganisationId?)o.Id).FirstOrDefaultAsync(ct);
                    return first ?? throw new ValidationException("organisation", "This installation has no organisation yet; create one first.");
                }
                return actor.OrganisationId;
            }
            var match = await _db.Organisations.Where(o => o.Name == organisationName).Select(o => (OrganisationId?)o.Id).FirstOrDefaultAsync(ct)
                ?? throw new ValidationException("organisation", $"There is no organisation named '{organisationName}'.");
            if (!actor.IsSystem && match != actor.OrganisationId)
            {
                throw new ForbiddenException(Permissions.CasesImport + " (for another organisation)");
            }
            return match;
        }

        private static T Prefixed<T>(string source, Func<T> action)
        {
            try
            {
                return action();
            }
            catch (ValidationException e) when (source != ApiBody)
            {
                throw new ValidationException($"{source}: {e.Field}", e.Message);
            }
        }

        private static async Task Prefixed(string source, Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (ConflictException e) when (source != ApiBody)
            {
                throw new ConflictException(e.Field, $"{source}: {e.Message}");
            }
        }
    }
}
