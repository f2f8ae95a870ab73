using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>The service directory: every organisation's services, filtered by type, place, whom they accept, language and text.</summary>
public static class SearchServices
{
    public sealed record Request(
        ServiceType? Type = null,
        string? Province = null,
        string? District = null,
        bool? AcceptsChildren = null,
        string? Language = null,
        string? Q = null,
        Guid? OrganisationId = null,
        bool IncludeRetired = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<ServiceView>> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            RequireDirectory(actor);
            var query = _db.ServiceProviders.AsNoTracking();
            if (!request.IncludeRetired)
            {
                query = query.Where(s => s.Active);
            }
            if (request.Type is { } type)
            {
                query = query.Where(s => s.Type == type);
            }
            // Province and district as the directory spells them (the forms offer the values in use).
            if (TextRules.Place(request.Province, "province") is { } province)
            {
                query = query.Where(s => s.Province == province);
            }
            if (TextRules.Place(request.District, "district") is { } district)
            {
                query = query.Where(s => s.District == district);
            }
            if (request.AcceptsChildren is { } children)
            {
                query = query.Where(s => s.AcceptsChildren == children);
            }
            if (TextRules.FreeText(request.Language, "language", 3) is { } language)
            {
                var code = "," + language.ToLowerInvariant() + ",";
                query = query.Where(s => s.LanguageCodes.Contains(code));
            }
            if (TextRules.FreeText(request.Q, "q", 200) is { } q)
            {
                var text = q.ToLowerInvariant();
                query = query.Where(s => s.SearchText.Contains(text));
            }
            if (request.OrganisationId is { } organisation)
            {
                var id = new OrganisationId(organisation);
                query = query.Where(s => s.OrganisationId == id);
            }
            var services = await query.OrderBy(s => s.Province).ThenBy(s => s.District).ThenBy(s => s.Type).ThenBy(s => s.Name).Take(500).ToListAsync(ct);
            return await ToViewsAsync(_db, services, ct);
        }
    }

    public sealed class GetHandler
    {
        private readonly AppDbContext _db;

        internal GetHandler(AppDbContext db) => _db = db;

        public async Task<ServiceView> Handle(Actor actor, ServiceProviderId id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            RequireDirectory(actor);
            var service = await _db.ServiceProviders.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("The service");
            return (await ToViewsAsync(_db, [service], ct))[0];
        }
    }

    /// <summary>Whoever refers or receives referrals, or keeps the directory, may read it. It holds no personal data of victims.</summary>
    internal static void RequireDirectory(Actor actor)
    {
        if (!actor.Has(Permissions.ReferralsRead) && !actor.Has(Permissions.ServicesManage))
        {
            throw new ForbiddenException(Permissions.ReferralsRead);
        }
    }

    internal static async Task<IReadOnlyList<ServiceView>> ToViewsAsync(AppDbContext db, IReadOnlyList<ServiceProvider> services, CancellationToken ct)
    {
        var defaults = await db.ServiceTypeSettings.AsNoTracking().ToDictionaryAsync(s => s.Type, s => s.ResponseHours, ct);
        var organisationIds = services.Select(s => s.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return services.Select(s => new ServiceView(
            s.Id.Value, s.OrganisationId.Value, names.GetValueOrDefault(s.OrganisationId, "?"), s.Type, s.Name, s.Province, s.District, s.Places, s.PlacesFree,
            s.Languages, s.AcceptsChildren, s.AcceptsWomen, s.AcceptsMen,
            s.EffectiveResponseHours(defaults.GetValueOrDefault(s.Type, ServiceTypeSetting.DefaultResponseHours)), s.ResponseHours is not null,
            s.ContactName, s.ContactPhone, s.ContactEmail, s.Description, s.Active)).ToList();
    }
}
