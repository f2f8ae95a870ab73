using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>Adds a workplace to the organisation's register. A labour inspector may add one only in their districts.</summary>
public static class AddWorkplace
{
    public sealed record Response(Guid Id);

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

        /// <summary>Adds the workplace; <paramref name="owner"/> names the owning organisation, honoured for the local operator only.</summary>
        public async Task<Response> Handle(Actor actor, WorkplaceInput input, CancellationToken ct, OrganisationId? owner = null)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.InspectionsManage);
            var details = WorkplaceDetails.Validate(input);
            if (_db.ScopeDistrictBound && !await _db.UserDistricts.AnyAsync(d => d.UserId == actor.UserId && d.District == details.District, ct))
            {
                throw new ValidationException("district", $"You are not assigned to the district '{details.District}'.");
            }
            var organisation = actor.IsSystem && owner is { } o ? o : actor.OrganisationId;
            if (!await _db.Organisations.AnyAsync(x => x.Id == organisation, ct))
            {
                throw new ValidationException("organisation", "There is no such organisation.");
            }
            var workplace = new Workplace(organisation, details, actor.Username, _clock.GetUtcNow().UtcDateTime);
            _db.Workplaces.Add(workplace);
            _audit.Add(actor, "workplace.create", "workplace", workplace.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return new Response(workplace.Id);
        }
    }
}

/// <summary>
/// Changes a workplace's details (all of them, as on the form). A labour inspector may change only workplaces of their
/// districts, and may not move one into a district they are not assigned to. Past inspections keep the district they
/// were recorded in.
/// </summary>
public static class ChangeWorkplace
{
    public sealed record Response(Guid Id, IReadOnlyList<string> Changed);

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

        public async Task<Response> Handle(Actor actor, Guid id, WorkplaceInput input, CancellationToken ct)
        {
            var workplace = await InspectionAccess.WorkplaceAsync(_db, _audit, actor, id, ct);
            actor.Require(Permissions.InspectionsManage);
            var details = WorkplaceDetails.Validate(input);
            if (_db.ScopeDistrictBound && details.District != workplace.District
                && !await _db.UserDistricts.AnyAsync(d => d.UserId == actor.UserId && d.District == details.District, ct))
            {
                throw new ValidationException("district", $"You are not assigned to the district '{details.District}'.");
            }
            var changed = Differences(workplace, details);
            if (changed.Count > 0)
            {
                workplace.Set(details, _clock.GetUtcNow().UtcDateTime);
                // Field names only: owners' and operators' names are personal data and stay out of the audit detail.
                _audit.Add(actor, "workplace.update", "workplace", workplace.Id.ToString(), detail: "changed: " + string.Join(", ", changed));
                await _db.SaveChangesAsync(ct);
            }
            return new Response(workplace.Id, changed);
        }

        private static List<string> Differences(Workplace w, WorkplaceDetails d)
        {
            var changed = new List<string>();
            void Compare<T>(string field, T before, T after)
            {
                if (!EqualityComparer<T>.Default.Equals(before, after))
                {
                    changed.Add(field);
                }
            }
            Compare("kind", w.Kind, d.Kind);
            Compare("name", w.Name, d.Name);
            Compare("province", w.Province, d.Province);
            Compare("district", w.District, d.District);
            Compare("place", w.Place, d.Place);
            Compare("latitude", w.Latitude, d.Latitude);
            Compare("longitude", w.Longitude, d.Longitude);
            Compare("ownerName", w.OwnerName, d.OwnerName);
            Compare("operatorName", w.OperatorName, d.OperatorName);
            Compare("registrationNumbers", w.RegistrationNumbers, d.RegistrationNumbers);
            Compare("status", w.Status, d.Status);
            return changed;
        }
    }
}

/// <summary>The workplace register the actor may see, filtered by district, kind and text in the name or place.</summary>
public static class ListWorkplaces
{
    public sealed record Request(string? District = null, string? Kind = null, string? Search = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<WorkplaceSummary>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.InspectionsRead);
            var query = _db.Workplaces.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.District))
            {
                var district = request.District.Trim();
                query = query.Where(w => w.District == district);
            }
            if (!string.IsNullOrWhiteSpace(request.Kind))
            {
                var kind = Codes.Parse<WorkplaceKind>(request.Kind, "kind");
                query = query.Where(w => w.Kind == kind);
            }
            var rows = await query.OrderBy(w => w.District).ThenBy(w => w.Name).Take(2000)
                .Select(w => new
                {
                    w.Id,
                    w.Kind,
                    w.Name,
                    w.Province,
                    w.District,
                    w.Place,
                    w.Status,
                    Count = _db.Inspections.Count(i => i.WorkplaceId == w.Id),
                    Last = _db.Inspections.Where(i => i.WorkplaceId == w.Id).Max(i => (DateOnly?)i.InspectedOn),
                }).ToListAsync(ct);
            // Text is matched here, not in SQL: case-insensitive on both providers, over a register of at most a few thousand rows.
            var text = request.Search?.Trim();
            return rows.Where(w => string.IsNullOrEmpty(text) || w.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || (w.Place?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
                .Select(w => new WorkplaceSummary(w.Id, Codes.Kebab(w.Kind), w.Name, w.Province, w.District, w.Place, Codes.Kebab(w.Status), w.Count, w.Last)).ToList();
        }
    }
}

/// <summary>One workplace with its owner and operator (audited as a read of personal data) and its inspection history.</summary>
public static class GetWorkplace
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

        public async Task<WorkplaceView> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var w = await InspectionAccess.WorkplaceAsync(_db, _audit, actor, id, ct);
            var history = await _db.Inspections.AsNoTracking().Include(i => i.Indicators).Where(i => i.WorkplaceId == id)
                .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedAt).ToListAsync(ct);
            _audit.Add(actor, "workplace.view", "workplace", id.ToString());
            await _db.SaveChangesAsync(ct);
            return new WorkplaceView(w.Id, Codes.Kebab(w.Kind), w.Name, w.Province, w.District, w.Place, w.Latitude, w.Longitude, w.OwnerName, w.OperatorName,
                w.RegistrationNumbers, Codes.Kebab(w.Status), w.CreatedAt, history.Select(i => InspectionProjection.Summary(i, w.Name)).ToList());
        }
    }
}
