using Lantern.Core.Auditing;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Sharing;

/// <summary>This installation's public keys and fingerprints, to hand to a partner (the private keys never leave the key folder).</summary>
public static class ShowInstallationKeys
{
    public sealed class Handler
    {
        private readonly SharingKeys _keys;
        private readonly AuditLog _audit;

        internal Handler(SharingKeys keys, AuditLog audit)
        {
            _keys = keys;
            _audit = audit;
        }

        public async Task<InstallationKeysView> Handle(Actor actor, CancellationToken ct)
        {
            if (!actor.Has(Permissions.SharingManage) && !actor.Has(Permissions.SharingSend) && !actor.Has(Permissions.SharingReceive))
            {
                throw new Common.ForbiddenException(Permissions.SharingManage);
            }
            await _audit.WriteAsync(actor, "sharing.keys.show", "installation", null, ct: ct);
            return SharingProjection.ToView(_keys);
        }
    }
}
