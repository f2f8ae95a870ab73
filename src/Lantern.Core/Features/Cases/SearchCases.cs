using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Cases;

/// <summary>
/// The case list: search by reference, person name (spelling-tolerant), CNIC or other document number, or phone,
/// through blind indexes only; filters by status, organisation, form of exploitation and year; paged.
/// </summary>
public static class SearchCases
{
    public const int MaxPageSize = 100;

    public sealed record Request(
        string? Query = null,
        CaseStatus? Status = null,
        Guid? OrganisationId = null,
        ExploitationForm? Exploitation = null,
        int? Year = null,
        int Page = 1,
        int PageSize = 25);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly BlindIndex _index;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, BlindIndex index, AuditLog audit)
        {
            _db = db;
            _index = index;
            _audit = audit;
        }

        public async Task<Paged<CaseListItem>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.CasesRead);
            if (request.Page < 1)
            {
                throw new ValidationException("page", "The page number starts at 1.");
            }
            if (request.PageSize is < 1 or > MaxPageSize)
            {
                throw new ValidationException("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
            }
            if (request.Year is < 1950 or > 2200)
            {
                throw new ValidationException("year", "The year must be between 1950 and 2200.");
            }
            var query = request.Query?.Trim();
            if (query is { Length: > 200 })
            {
                throw new ValidationException("q", "A search may have at most 200 characters.");
            }

            IQueryable<Case> cases = _db.Cases.AsNoTracking();
            if (!string.IsNullOrEmpty(query))
            {
                cases = ApplySearch(cases, query);
            }
            if (request.Status is { } status)
            {
                cases = cases.Where(c => c.Status == status);
            }
            if (request.OrganisationId is { } org)
            {
                var organisation = new OrganisationId(org);
                cases = cases.Where(c => c.OrganisationId == organisation);
            }
            if (request.Exploitation is { } form)
            {
                var code = CaseParticipant.Code(form);
                cases = cases.Where(c => c.Participants.Any(p => p.ExploitationCodes.Contains(code)));
            }
            if (request.Year is { } year)
            {
                cases = cases.Where(c => c.OpenedYear == year);
            }

            var total = await cases.CountAsync(ct);
            var rows = await cases
                .OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id)
                .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
                .Select(c => new { c.Id, c.Reference, c.Status, c.OrganisationId, c.OpenedOn })
                .ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            // Second query: the people of this page (decrypted for display), without APPLY, which SQLite lacks.
            var people = (await _db.Participants.AsNoTracking().Where(p => ids.Contains(p.CaseId))
                    .Select(p => new { p.CaseId, p.Id, p.Role, p.ExploitationCodes, p.Person })
                    .ToListAsync(ct))
                .ToLookup(p => p.CaseId);
            var organisationIds = rows.Select(r => r.OrganisationId).Distinct().ToList();
            var names = await _db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

            await _audit.WriteAsync(actor, "case.search", "case", null, detail: $"{rows.Count} of {total} shown" + (string.IsNullOrEmpty(query) ? "" : ", with a search term"), ct: ct);
            return new Paged<CaseListItem>(
                rows.Select(r =>
                {
                    var members = people[r.Id].OrderBy(p => p.Role).ThenBy(p => p.Id).ToList();
                    return new CaseListItem(
                        r.Id.Value, r.Reference, r.Status, names.GetValueOrDefault(r.OrganisationId, "?"), r.OpenedOn,
                        members.Count(p => p.Role == CaseRole.Victim),
                        members.Count(p => p.Role == CaseRole.Suspect),
                        members.Take(6).Select(p => $"{p.Person.DisplayName} ({Picklist.RoleName(p.Role)})").ToList(),
                        members.SelectMany(p => p.ExploitationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().Select(Enum.Parse<ExploitationForm>).ToList());
                }).ToList(),
                request.Page, request.PageSize, total);
        }

        private IQueryable<Case> ApplySearch(IQueryable<Case> cases, string query)
        {
            // A document number or phone: exact match through the blind index.
            var digits = query.Count(char.IsAsciiDigit);
            var personIds = new List<IQueryable<PersonId>>();
            if (digits >= 5)
            {
                var document = _index.Hash(SearchKeyKind.Document, DocumentNumber.Normalise(query));
                personIds.Add(_db.SearchKeys.Where(k => k.Hash == document).Select(k => k.PersonId));
                try
                {
                    var phone = _index.Hash(SearchKeyKind.Phone, PhoneNumber.Normalise(query, "q"));
                    personIds.Add(_db.SearchKeys.Where(k => k.Hash == phone).Select(k => k.PersonId));
                }
                catch (ValidationException)
                {
                    // Not a phone number; the document and reference searches still apply.
                }
            }
            else
            {
                // Every token of the query must match a name token of the person, exactly or phonetically.
                IQueryable<PersonId>? byName = null;
                foreach (var hashes in _index.QueryKeys(query))
                {
                    var matches = _db.SearchKeys.Where(k => hashes.Contains(k.Hash)).Select(k => k.PersonId);
                    byName = byName is null ? matches : byName.Where(id => matches.Contains(id));
                }
                if (byName is not null)
                {
                    personIds.Add(byName);
                }
            }
            // References are written in capitals by convention; match as typed or in capitals.
            var reference = query.ToUpperInvariant();
            var matching = personIds.Aggregate<IQueryable<PersonId>, IQueryable<PersonId>?>(null, (acc, q) => acc is null ? q : acc.Concat(q));
            return matching is null
                ? cases.Where(c => c.Reference.StartsWith(query) || c.Reference.StartsWith(reference))
                : cases.Where(c => c.Reference.StartsWith(query) || c.Reference.StartsWith(reference) || c.Participants.Any(p => matching.Contains(p.PersonId)));
        }
    }
}
