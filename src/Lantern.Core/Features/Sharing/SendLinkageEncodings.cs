using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// Encodes the organisation's persons in the chosen case roles with the secret agreed with a partner and packs the
/// encodings for that partner (item kind <c>pprl-encodings</c>, ADR 0025): signed and encrypted like any package,
/// with the basis the encodings are shared on, under H3 conditions that confine them to matching. Each person travels
/// under a fresh reference that means nothing outside this installation; no name, date or number leaves.
/// </summary>
public static class SendLinkageEncodings
{
    /// <summary><paramref name="Roles"/>: case roles in scope (victim, suspect, ...); <paramref name="ConsentBasis"/>: as for a person item.</summary>
    public sealed record Request(Guid PartnerId, IReadOnlyList<string>? Roles, string? ConsentBasis);

    public const string Conditions = "For privacy-preserving matching with the sender only: not to be passed on, decoded or compared with any other data.";

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly SharingKeys _keys;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, SharingKeys keys, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _keys = keys;
            _clock = clock;
        }

        public async Task<LinkageSendResult> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingSend);
            actor.Require(Permissions.PersonsRead);
            var partner = await _db.SharingPartners.FirstOrDefaultAsync(p => p.Id == request.PartnerId && p.OrganisationId == actor.OrganisationId, ct)
                ?? throw new NotFoundException("The partner");
            var roles = ParseRoles(request.Roles);
            var basis = SharingCodes.ParseBasis(request.ConsentBasis, "consentBasis")
                ?? throw new ValidationException("consentBasis", "Encodings of persons are shared only on a stated basis: recorded-consent, law-enforcement-cooperation or vital-interests.");
            if (!partner.HasLinkageSecret)
            {
                throw new ValidationException("partnerId", $"No linkage secret is set for {partner.Name}: an administrator enters the secret agreed with them first.");
            }
            var participants = _db.Participants.AsNoTracking().Where(p => roles.Contains(p.Role));
            if (basis == ConsentBasis.RecordedConsent)
            {
                // on recorded consent only the persons with an active consent are encoded
                participants = participants.Where(p => _db.Consents.Any(c => c.ParticipantId == p.Id && c.WithdrawnAt == null));
            }
            var persons = await participants.Select(p => p.PersonId).Distinct().ToListAsync(ct);
            if (persons.Count == 0)
            {
                throw new ValidationException("roles", "No person of your organisation's cases has these roles (with an active consent, on recorded consent): nothing to encode.");
            }
            if (persons.Count > LinkageEncoding.MaxPersons)
            {
                throw new ValidationException("roles", $"{persons.Count} persons are in scope; a package encodes at most {LinkageEncoding.MaxPersons}.");
            }
            var references = persons.Select(p => (Person: p, Reference: Guid.NewGuid())).ToList();
            var encoded = await LinkageEncoding.EncodeAsync(_db, [.. references.Select(r => (r.Person, r.Reference.ToString()))], partner.LinkageSecretBytes(), ct);
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            encoded.Write(text);
            var exchange = Guid.NewGuid();
            var item = new PackageItem(SharingCodes.Name(SharedItemKind.PprlEncodings), exchange, "H3", Conditions, "X", 4, SharingCodes.Name(basis),
                string.Create(CultureInfo.InvariantCulture, $"Linkage encodings of {encoded.Count} person(s)"), text.ToString());
            var package = await PackageSealing.SealAsync(_db, _keys, _clock, actor, partner, PackageFormat.ItemsKind, [item], null, ct);
            var encodedIds = encoded.Ids.ToHashSet(StringComparer.Ordinal);
            foreach (var (person, reference) in references.Where(r => encodedIds.Contains(r.Reference.ToString())))
            {
                _db.EncodedPersons.Add(new EncodedPerson(actor.OrganisationId, partner.Id, package.Id, reference, person));
            }
            _audit.Add(actor, "sharing.linkage.send", "sharing_package", package.Id.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"to {partner.Name}, sequence {package.Sequence}, {encoded.Count} person(s) encoded, roles {string.Join("+", roles).ToLowerInvariant()}, basis {SharingCodes.Name(basis)}"));
            await _db.SaveChangesAsync(ct);
            return new LinkageSendResult(SharingProjection.ToView(package), encoded.Count);
        }

        internal static List<CaseRole> ParseRoles(IReadOnlyList<string>? values)
        {
            var roles = new List<CaseRole>();
            foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!Enum.TryParse<CaseRole>(value, ignoreCase: true, out var role) || !Enum.IsDefined(role) || char.IsDigit(value[0]))
                {
                    throw new ValidationException("roles", new StringBuilder("'").Append(value).Append("' is not a case role (victim, suspect, witness, complainant, guardian, other).").ToString());
                }
                if (!roles.Contains(role))
                {
                    roles.Add(role);
                }
            }
            return roles.Count > 0 ? roles : throw new ValidationException("roles", "Choose the case roles whose persons to encode (e.g. victim, suspect).");
        }
    }
}
