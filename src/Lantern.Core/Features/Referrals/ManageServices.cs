using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>Administrators of an organisation add, change and retire the services it offers in the directory.</summary>
public static class ManageServices
{
    public sealed class AddHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal AddHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        /// <summary>Adds a service of the actor's organisation (the local operator may name another with <paramref name="organisation"/>).</summary>
        public async Task<ServiceView> Handle(Actor actor, ServiceInput input, CancellationToken ct, OrganisationId? organisation = null)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ServicesManage);
            var owner = organisation is { } named && actor.IsSystem ? named : actor.OrganisationId;
            var service = new ServiceProvider(owner, ServiceProvider.Validate(input), _clock.GetUtcNow().UtcDateTime);
            _db.ServiceProviders.Add(service);
            _audit.Add(actor, "service.add", "service", service.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return (await SearchServices.ToViewsAsync(_db, [service], ct))[0];
        }
    }

    public sealed class UpdateHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal UpdateHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<ServiceView> Handle(Actor actor, ServiceProviderId id, ServiceInput input, CancellationToken ct)
        {
            var service = await LoadOwnAsync(_db, actor, id, ct);
            service.Update(ServiceProvider.Validate(input), _clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "service.update", "service", id.ToString());
            await _db.SaveChangesAsync(ct);
            return (await SearchServices.ToViewsAsync(_db, [service], ct))[0];
        }
    }

    public sealed class RetireHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal RetireHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        /// <summary>Takes a service out of the directory. Referrals to it keep their history, so it is never deleted.</summary>
        public async Task Handle(Actor actor, ServiceProviderId id, CancellationToken ct)
        {
            var service = await LoadOwnAsync(_db, actor, id, ct);
            service.Retire(_clock.GetUtcNow().UtcDateTime);
            _audit.Add(actor, "service.retire", "service", id.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }

    private static async Task<ServiceProvider> LoadOwnAsync(AppDbContext db, Actor actor, ServiceProviderId id, CancellationToken ct)
    {
        db.ScopeTo(actor);
        actor.Require(Permissions.ServicesManage);
        var service = await db.ServiceProviders.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("The service");
        if (service.OrganisationId != actor.OrganisationId && !actor.IsSystem)
        {
            throw new ForbiddenException(Permissions.ServicesManage + " (only the organisation offering the service may change it)");
        }
        return service;
    }
}
