using Lantern.Core.Common;

namespace Lantern.Core.Security;

/// <summary>
/// Who is acting: every Core handler takes one. Web requests build it from the session or token,
/// the CLI uses <see cref="LocalOperator"/>, an explicit administrator recorded as such in the audit log.
/// </summary>
public sealed record Actor(
    UserId UserId,
    string Username,
    OrganisationId OrganisationId,
    Role Role,
    string? RemoteAddress,
    bool IsSystem = false)
{
    /// <summary>The system actor of command-line work on this installation: administrator rights, unscoped, audited as "system:local-operator".</summary>
    public static Actor LocalOperator(OrganisationId organisation) =>
        new(new UserId(Guid.Empty), "system:local-operator", organisation, Role.Administrator, "local", IsSystem: true);

    public IReadOnlySet<string> Permissions => RolePermissions.For(Role);

    public bool Has(string permission) => Permissions.Contains(permission);

    /// <summary>Throws <see cref="ForbiddenException"/> when the role lacks the permission.</summary>
    public void Require(string permission)
    {
        if (!Has(permission))
        {
            throw new ForbiddenException(permission);
        }
    }
}
