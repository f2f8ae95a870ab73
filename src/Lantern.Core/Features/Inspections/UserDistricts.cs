using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>
/// The districts a user works in: for a labour inspector, the only districts whose workplaces, inspections and
/// inspection cases they see. Administrators set them (replacing the list); an empty list removes them all.
/// </summary>
public static class SetUserDistricts
{
    public sealed record Response(string Username, IReadOnlyList<string> Districts);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<Response> Handle(Actor actor, string? username, IReadOnlyList<string>? districts, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.UsersManage);
            var user = await UserAsync(actor, username, ct);
            var wanted = (districts ?? []).Select((d, i) => TextRules.Place(d, $"districts[{i}]") ?? throw new ValidationException($"districts[{i}]", "A district may not be empty."))
                .Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count > 50)
            {
                throw new ValidationException("districts", "At most 50 districts may be assigned to one user.");
            }
            var current = await _db.UserDistricts.Where(d => d.UserId == user.Id).ToListAsync(ct);
            _db.UserDistricts.RemoveRange(current.Where(c => !wanted.Contains(c.District)));
            _db.UserDistricts.AddRange(wanted.Where(w => current.All(c => c.District != w)).Select(w => new UserDistrict(user.Id, w)));
            _audit.Add(actor, "user.districts-set", "user", user.Id.ToString(), detail: string.Join(',', wanted));
            await _db.SaveChangesAsync(ct);
            return new Response(user.Username, wanted.Order(StringComparer.Ordinal).ToList());
        }

        public async Task<Response> GetAsync(Actor actor, string? username, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.UsersManage);
            var user = await UserAsync(actor, username, ct);
            var districts = await _db.UserDistricts.AsNoTracking().Where(d => d.UserId == user.Id).Select(d => d.District).OrderBy(d => d).ToListAsync(ct);
            return new Response(user.Username, districts);
        }

        /// <summary>Every user's districts in the actor's organisation (users without districts are left out), for the users page.</summary>
        public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AllAsync(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.UsersManage);
            var rows = await (from d in _db.UserDistricts.AsNoTracking()
                              join u in _db.Users.AsNoTracking() on d.UserId equals u.Id
                              where actor.IsSystem || u.OrganisationId == actor.OrganisationId
                              select new { u.Username, d.District }).ToListAsync(ct);
            return rows.GroupBy(r => r.Username, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.District).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        }

        private async Task<Administration.User> UserAsync(Actor actor, string? username, CancellationToken ct)
        {
            var name = username?.Trim().ToLowerInvariant() ?? "";
            // An administrator manages the accounts of their own organisation; the local operator those of any.
            return await _db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == name && (actor.IsSystem || u.OrganisationId == actor.OrganisationId), ct)
                ?? throw new NotFoundException("The user");
        }
    }
}
