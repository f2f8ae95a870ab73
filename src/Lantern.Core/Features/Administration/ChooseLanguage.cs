using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Administration;

/// <summary>
/// A user chooses the language of their own interface; it follows them to every browser they sign in from.
/// No permission guards it: like signing out, it touches only the acting user's own account, and any signed-in
/// role may do it. The system actor has no account to remember a choice on.
/// </summary>
public static class ChooseLanguage
{
    public sealed record Request(string? Language);

    public sealed record Response(string Language);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            if (actor.IsSystem)
            {
                throw new ValidationException("language", "The local operator has no account to remember a language on.");
            }
            var language = (request.Language ?? "").Trim().ToLowerInvariant();
            var user = await _db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct)
                ?? throw new NotFoundException("user");
            user.ChooseLanguage(language);
            _audit.Add(actor, "user.language", "user", user.Id.ToString(), detail: language);
            await _db.SaveChangesAsync(ct);
            return new Response(language);
        }
    }
}

/// <summary>The language a signed-in user chose, read on each page request to set its culture (null: not chosen yet).</summary>
public static class PreferredLanguage
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;

        internal Handler(AppDbContext db) => _db = db;

        public Task<string?> Handle(Actor actor, CancellationToken ct) =>
            actor.IsSystem
                ? Task.FromResult<string?>(null)
                : _db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Language).FirstOrDefaultAsync(ct);
    }
}
