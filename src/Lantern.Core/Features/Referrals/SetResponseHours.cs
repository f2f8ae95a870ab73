using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// The installation-wide time a service of one type has to answer a referral (48 hours unless changed). It binds
/// every organisation, so only the local operator (the command line on the server) may change it; a service's own
/// response time, set by its organisation, still wins.
/// </summary>
public static class SetResponseHours
{
    /// <summary><see cref="IsDefault"/>: the type answers in the shipped 48 hours.</summary>
    public sealed record Setting(ServiceType Type, int ResponseHours, bool IsDefault);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<IReadOnlyList<Setting>> ListAsync(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.ReferralsRead);
            var stored = await _db.ServiceTypeSettings.AsNoTracking().ToDictionaryAsync(s => s.Type, s => s.ResponseHours, ct);
            return Enum.GetValues<ServiceType>()
                .Select(t => (Type: t, Hours: stored.GetValueOrDefault(t, ServiceTypeSetting.DefaultResponseHours)))
                .Select(x => new Setting(x.Type, x.Hours, x.Hours == ServiceTypeSetting.DefaultResponseHours))
                .ToList();
        }

        public async Task<Setting> SetAsync(Actor actor, string? type, int hours, CancellationToken ct)
        {
            if (!actor.IsSystem)
            {
                throw new ForbiddenException(Permissions.ServicesManage);
            }
            var serviceType = Picklist.Parse<ServiceType>(type?.Trim(), "type");
            var setting = await _db.ServiceTypeSettings.FirstOrDefaultAsync(s => s.Type == serviceType, ct);
            if (setting is null)
            {
                setting = new ServiceTypeSetting(serviceType, ServiceTypeSetting.DefaultResponseHours);
                _db.ServiceTypeSettings.Add(setting);
            }
            setting.ChangeResponseHours(hours);
            _audit.Add(actor, "services.response-hours", "service-type", serviceType.ToString(), detail: hours.ToString(System.Globalization.CultureInfo.InvariantCulture) + " hours");
            await _db.SaveChangesAsync(ct);
            return new Setting(serviceType, setting.ResponseHours, setting.ResponseHours == ServiceTypeSetting.DefaultResponseHours);
        }
    }
}
