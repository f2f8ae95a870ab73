using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Tips;

/// <summary>Which organisation receives public tips, and how many an hour reach the queue before the overflow bucket. An installation setting: administrators only.</summary>
public static class TipLineSetup
{
    public sealed record Request(string? HotlineOrganisation, int? HourlyCap, bool ResetHotline = false);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<TipLineSettingsView> GetAsync(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsSupervise);
            return await ViewAsync(ct);
        }

        public async Task<TipLineSettingsView> SetAsync(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.TipsSupervise);
            actor.Require(Permissions.UsersManage);
            var settings = await TipAccess.SettingsAsync(_db, ct);
            var hotline = settings?.HotlineOrganisationId;
            if (request.ResetHotline)
            {
                hotline = null;
            }
            else if (!string.IsNullOrWhiteSpace(request.HotlineOrganisation))
            {
                var name = request.HotlineOrganisation.Trim();
                hotline = (await _db.Organisations.AsNoTracking().Where(o => o.Name == name).Select(o => (OrganisationId?)o.Id).FirstOrDefaultAsync(ct))
                    ?? throw new ValidationException("hotlineOrganisation", $"There is no organisation named '{name}'.");
            }
            var cap = request.HourlyCap ?? settings?.HourlyCap ?? TipLineSettings.DefaultHourlyCap;
            if (cap is < 1 or > 100_000)
            {
                throw new ValidationException("hourlyCap", "The hourly cap is between 1 and 100000.");
            }
            if (settings is null)
            {
                _db.TipLineSettings.Add(new TipLineSettings(hotline, cap));
            }
            else
            {
                settings.Set(hotline, cap);
            }
            _audit.Add(actor, "tip.settings", "tip-line", null, detail: "hotline " + (hotline?.ToString() ?? "default") + ", cap " + cap);
            await _db.SaveChangesAsync(ct);
            return await ViewAsync(ct);
        }

        private async Task<TipLineSettingsView> ViewAsync(CancellationToken ct)
        {
            var settings = await TipAccess.SettingsAsync(_db, ct);
            OrganisationId? hotline;
            try
            {
                hotline = await TipAccess.HotlineAsync(_db, ct);
            }
            catch (ValidationException)
            {
                hotline = null;
            }
            var name = hotline is { } h ? await _db.Organisations.AsNoTracking().Where(o => o.Id == h).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
            return new TipLineSettingsView(hotline?.Value, name, settings?.HotlineOrganisationId is null, settings?.HourlyCap ?? TipLineSettings.DefaultHourlyCap);
        }
    }
}
