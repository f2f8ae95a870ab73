using System.Text.RegularExpressions;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Administration;

public sealed record UserView(Guid Id, string Username, string Organisation, string Role, bool Disabled, bool Locked, bool SecondFactorEnrolled, bool IsDemo, DateTime CreatedAt);

/// <summary>Creates an account. Administrators add accounts to their own organisation; the local operator to any.</summary>
public static partial class AddUser
{
    public sealed record Request(string? Username, string? Organisation, string? Role, string? Password);

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

        public async Task<UserView> Handle(Actor actor, Request request, CancellationToken ct)
        {
            actor.Require(Permissions.UsersManage);
            var username = (request.Username ?? "").Trim().ToLowerInvariant();
            if (!UsernameShape().IsMatch(username))
            {
                throw new ValidationException("username", "A username has 3 to 64 characters: lower-case letters, digits, and . _ - (starting with a letter or digit).");
            }
            var role = RolePermissions.ParseRole(request.Role ?? "", "role");
            PasswordPolicy.Validate(request.Password ?? "", "password");
            var organisation = string.IsNullOrWhiteSpace(request.Organisation)
                ? await _db.Organisations.FirstOrDefaultAsync(o => o.Id == actor.OrganisationId, ct)
                : await _db.Organisations.FirstOrDefaultAsync(o => o.Name == request.Organisation.Trim(), ct);
            if (organisation is null)
            {
                throw new ValidationException("organisation", $"There is no organisation named '{request.Organisation}'.");
            }
            if (!actor.IsSystem && organisation.Id != actor.OrganisationId)
            {
                throw new ForbiddenException(Permissions.UsersManage + " (for another organisation)");
            }
            if (await _db.Users.AnyAsync(u => u.Username == username, ct))
            {
                throw new ConflictException("username", $"The username '{username}' is taken.");
            }
            var user = new User(username, organisation.Id, role, PasswordHasher.Hash(request.Password!), isDemo: false, _clock.GetUtcNow().UtcDateTime);
            _db.Users.Add(user);
            _audit.Add(actor, "user.create", "user", user.Id.ToString(), detail: "role " + RolePermissions.Name(role));
            await _db.SaveChangesAsync(ct);
            return Users.ToView(user, organisation.Name, _clock.GetUtcNow().UtcDateTime);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernameShape();
}

/// <summary>Lists, disables and enables accounts. Disabling ends the account's sessions at once.</summary>
public static class Users
{
    internal static UserView ToView(User u, string organisation, DateTime now) =>
        new(u.Id.Value, u.Username, organisation, RolePermissions.Name(u.Role), u.Disabled, u.IsLocked(now), u.TotpEnrolled, u.IsDemo, u.CreatedAt);

    public sealed class ListHandler
    {
        private readonly AppDbContext _db;
        private readonly TimeProvider _clock;

        internal ListHandler(AppDbContext db, TimeProvider clock)
        {
            _db = db;
            _clock = clock;
        }

        public async Task<IReadOnlyList<UserView>> Handle(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.UsersManage);
            var now = _clock.GetUtcNow().UtcDateTime;
            var users = await _db.Users.AsNoTracking()
                .Where(u => actor.IsSystem || u.OrganisationId == actor.OrganisationId)
                .OrderBy(u => u.Username).ToListAsync(ct);
            var names = await _db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return users.Select(u => ToView(u, names[u.OrganisationId], now)).ToList();
        }
    }

    public sealed class SetDisabledHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal SetDisabledHandler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task Handle(Actor actor, string username, bool disabled, CancellationToken ct)
        {
            actor.Require(Permissions.UsersManage);
            var name = username.Trim().ToLowerInvariant();
            var user = await _db.Users.FirstOrDefaultAsync(u => u.Username == name && (actor.IsSystem || u.OrganisationId == actor.OrganisationId), ct)
                ?? throw new NotFoundException("The user");
            if (user.Id == actor.UserId && disabled)
            {
                throw new ValidationException("username", "You cannot disable your own account.");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            if (disabled)
            {
                user.Disable();
                foreach (var session in await _db.Sessions.Where(s => s.UserId == user.Id && s.EndedAt == null).ToListAsync(ct))
                {
                    session.End(now);
                }
            }
            else
            {
                user.Enable();
            }
            _audit.Add(actor, disabled ? "user.disable" : "user.enable", "user", user.Id.ToString());
            await _db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Organisations are tenants; the local operator creates them.</summary>
public static class Organisations
{
    public sealed record View(Guid Id, string Name, string Type, string Country, string? City);

    public sealed class AddHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal AddHandler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<View> Handle(Actor actor, string? name, string? type, string? country, string? city, CancellationToken ct)
        {
            if (!actor.IsSystem)
            {
                throw new ForbiddenException("installation administration (local operator only)");
            }
            var n = TextRules.Place(name, "name", 200) ?? throw new ValidationException("name", "An organisation needs a name.");
            var t = Picklist.Parse<OrganisationType>(type ?? "", "type");
            var c = CountryCode.Parse(country ?? "PK", "country");
            if (await _db.Organisations.AnyAsync(o => o.Name == n, ct))
            {
                throw new ConflictException("name", $"An organisation named '{n}' exists already.");
            }
            var organisation = new Organisation(n, t, c.Value, TextRules.Place(city, "city"));
            _db.Organisations.Add(organisation);
            _audit.Add(actor, "organisation.create", "organisation", organisation.Id.ToString());
            await _db.SaveChangesAsync(ct);
            return new View(organisation.Id.Value, organisation.Name, organisation.Type.ToString(), organisation.Country, organisation.City);
        }
    }

    public sealed class ListHandler
    {
        private readonly AppDbContext _db;

        internal ListHandler(AppDbContext db) => _db = db;

        /// <summary>Organisation names are not personal data; every signed-in user may list them (for filters and sharing).</summary>
        public async Task<IReadOnlyList<View>> Handle(Actor actor, CancellationToken ct) =>
            (await _db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct))
                .Select(o => new View(o.Id.Value, o.Name, o.Type.ToString(), o.Country, o.City)).ToList();
    }
}
