using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// Records a victim's informed consent: explained by the acting user, in a language, on a date, naming which data
/// categories may go to which service types or services. A child's consent is given by a guardian, who must be named.
/// </summary>
public static class RecordConsent
{
    public sealed record Grant(string? ServiceType, Guid? ServiceId, IReadOnlyList<string?>? Categories);

    public sealed record Request(string? Language, DateOnly? GivenOn, IReadOnlyList<Grant>? Grants, string? GuardianName = null, string? GuardianRelation = null, string? Notes = null);

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

        public async Task<Guid> Handle(Actor actor, Guid participantId, Request request, CancellationToken ct)
        {
            var victim = await ReferralAccess.VictimAsync(_db, _audit, actor, participantId, ct);
            actor.Require(Permissions.ReferralsWrite);
            var now = _clock.GetUtcNow().UtcDateTime;
            var language = (TextRules.FreeText(request.Language, "language", 3) ?? throw new ValidationException("language", "Say in which language consent was explained (ISO 639 code such as ur, pa, ps).")).ToLowerInvariant();
            if (!language.All(char.IsAsciiLetterLower) || language.Length < 2)
            {
                throw new ValidationException("language", "A language is an ISO 639 code of 2 or 3 letters, such as ur, en, pa, ps, sd, skr.");
            }
            var givenOn = request.GivenOn ?? DateOnly.FromDateTime(now);
            if (givenOn > DateOnly.FromDateTime(now))
            {
                throw new ValidationException("givenOn", "Consent cannot be dated in the future.");
            }
            var guardianName = TextRules.Name(request.GuardianName, "guardianName");
            var guardianRelation = TextRules.FreeText(request.GuardianRelation, "guardianRelation", 100);
            if (ReferralAccess.IsChild(victim, now) && (guardianName is null || guardianRelation is null))
            {
                throw new ValidationException("guardianName", "The victim is, or is presumed to be, a child: a guardian or legal representative gives consent; name them and their relation to the child.");
            }
            var grants = await ParseGrantsAsync(request.Grants, ct);
            var consent = new Consent(victim, actor.UserId, actor.Username, language, givenOn, grants, guardianName, guardianRelation,
                TextRules.FreeText(request.Notes, "notes", Consent.MaxNotesLength), now);
            _db.Consents.Add(consent);
            _audit.Add(actor, "consent.record", "participant", participantId.ToString(), detail: "consent " + consent.Id);
            await _db.SaveChangesAsync(ct);
            return consent.Id.Value;
        }

        private async Task<List<ConsentGrant.Scope>> ParseGrantsAsync(IReadOnlyList<Grant>? grants, CancellationToken ct)
        {
            var result = new List<ConsentGrant.Scope>();
            foreach (var (g, i) in (grants ?? []).Select((g, i) => (g, i)))
            {
                var field = $"grants[{i}]";
                ServiceType? type = string.IsNullOrWhiteSpace(g.ServiceType) ? null : Picklist.Parse<ServiceType>(g.ServiceType, field + ".serviceType");
                ServiceProviderId? service = null;
                if (g.ServiceId is { } id)
                {
                    service = new ServiceProviderId(id);
                    if (!await _db.ServiceProviders.AnyAsync(s => s.Id == service, ct))
                    {
                        throw new ValidationException(field + ".serviceId", "There is no such service in the directory.");
                    }
                }
                if ((type is null) == (service is null))
                {
                    throw new ValidationException(field, "Each consent line names either a service type or one service.");
                }
                result.Add(new ConsentGrant.Scope(type, service, ReferralAccess.ParseCategories(g.Categories, field + ".categories")));
            }
            return result;
        }
    }
}
