using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// Packs selected cases, persons, intelligence items and received items for one partner: each item with its handling
/// code, grading and (for personal data) consent basis; signed by this installation and encrypted to the partner.
/// Refuses an H2 item (not to be passed on) and a person's data without a consent basis. Nothing is recorded unless
/// the whole package is made.
/// </summary>
public static class CreatePackage
{
    /// <summary>
    /// One selected record. Intelligence and received items keep their own codes; for a case or a person the sender
    /// states the handling code and grading, and for a person the consent basis.
    /// </summary>
    public sealed record Item(string? Kind, Guid Id, string? HandlingCode = null, string? SourceReliability = null, string? InformationAccuracy = null,
        string? ConsentBasis = null, string? HandlingConditions = null);

    public sealed record Request(Guid PartnerId, IReadOnlyList<Item>? Items);

    public sealed class Handler
    {
        public const int MaxItems = 200;

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

        public async Task<PackageView> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.SharingSend);
            var partner = await _db.SharingPartners.FirstOrDefaultAsync(p => p.Id == request.PartnerId && p.OrganisationId == actor.OrganisationId, ct) ?? throw new NotFoundException("The partner");
            var selected = request.Items ?? [];
            if (selected.Count == 0)
            {
                throw new ValidationException("items", "Select at least one item to share.");
            }
            if (selected.Count > MaxItems)
            {
                throw new ValidationException("items", $"A package holds at most {MaxItems} items.");
            }
            var items = new List<(PackageItem Item, SharedItemKind Kind, HandlingCode Handling)>();
            for (var i = 0; i < selected.Count; i++)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
                var item = await PackAsync(actor, selected[i], field, ct);
                if (items.Any(x => x.Item.OriginalId == item.Item.OriginalId))
                {
                    throw new ValidationException(field, "This item is selected twice.");
                }
                items.Add(item);
            }

            var package = await PackageSealing.SealAsync(_db, _keys, _clock, actor, partner, PackageFormat.ItemsKind, items.Select(x => x.Item).ToList(), null, ct);
            var packageId = package.Id;
            var sequence = package.Sequence;
            foreach (var (item, kind, handling) in items)
            {
                _db.SentItems.Add(new SentItem(packageId, actor.OrganisationId, partner.Id, kind, item.OriginalId, item.Title, handling));
            }
            _audit.Add(actor, "sharing.package.send", "sharing_package", packageId.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"to {partner.Name}, sequence {sequence}, {items.Count} item(s): ")
                    + string.Join(", ", items.Select(x => SharingCodes.Name(x.Kind) + " " + x.Item.OriginalId + " " + x.Handling)));
            await _db.SaveChangesAsync(ct);
            return SharingProjection.ToView(package);
        }

        private async Task<(PackageItem Item, SharedItemKind Kind, HandlingCode Handling)> PackAsync(Actor actor, Item selected, string field, CancellationToken ct)
        {
            var kind = SharingCodes.ParseKind(selected.Kind, field + ".kind");
            switch (kind)
            {
                case SharedItemKind.Intelligence:
                    {
                        actor.Require(Permissions.IntelligenceRead);
                        var item = await _db.IntelligenceItems.AsNoTracking().Include(x => x.Case).FirstOrDefaultAsync(x => x.Id == selected.Id, ct)
                            ?? throw new NotFoundException("The intelligence item");
                        RefuseH2(item.Handling, field, item.Label + " on case " + item.Case.Reference);
                        var basis = SharingCodes.ParseBasis(selected.ConsentBasis, field + ".consentBasis");
                        return (new PackageItem(SharingCodes.Name(kind), item.Id, item.Handling.ToString(), item.HandlingConditions, item.Source.ToString(), (int)item.Accuracy,
                            basis is { } b ? SharingCodes.Name(b) : null, item.Label + " on case " + item.Case.Reference, item.Text), kind, item.Handling);
                    }
                case SharedItemKind.Received:
                    {
                        actor.Require(Permissions.SharingReceive);
                        var item = await _db.ReceivedItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == selected.Id, ct) ?? throw new NotFoundException("The received item");
                        RefuseH2(item.Handling, field, "the item received from " + item.SenderName);
                        if (item.IsRevoked)
                        {
                            throw new ValidationException(field, "The originator revoked this item; it cannot be passed on.");
                        }
                        return (new PackageItem(SharingCodes.Name(item.Kind), item.Id, item.Handling.ToString(), item.HandlingConditions, item.Source.ToString(), (int)item.Accuracy,
                            item.ConsentBasis is { } b ? SharingCodes.Name(b) : null, item.Title + " (received from " + item.SenderName + ")", item.Content), kind, item.Handling);
                    }
                case SharedItemKind.Case:
                    {
                        actor.Require(Permissions.CasesRead);
                        var caseId = new CaseId(selected.Id);
                        var @case = await _db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new NotFoundException("The case");
                        var roles = await _db.Participants.AsNoTracking().Where(p => p.CaseId == caseId).Select(p => p.Role).ToListAsync(ct);
                        var (handling, conditions, source, accuracy) = StatedCodes(selected, field);
                        var content = new StringBuilder()
                            .Append("Reference: ").AppendLine(@case.Reference)
                            .Append("Status: ").AppendLine(@case.Status.ToString())
                            .Append("Opened: ").AppendLine(@case.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not recorded")
                            .Append(CultureInfo.InvariantCulture, $"Victims: {roles.Count(r => r == CaseRole.Victim)}; suspects: {roles.Count(r => r == CaseRole.Suspect)}")
                            .ToString();
                        // A case travels without names or free text, so it carries no personal data and needs no consent basis.
                        return (new PackageItem(SharingCodes.Name(kind), caseId.Value, handling.ToString(), conditions, source.ToString(), (int)accuracy, null, "Case " + @case.Reference, content),
                            kind, handling);
                    }
                case SharedItemKind.Person:
                    {
                        actor.Require(Permissions.PersonsRead);
                        var personId = new PersonId(selected.Id);
                        var person = await _db.Persons.AsNoTracking().Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("The person");
                        var basis = SharingCodes.ParseBasis(selected.ConsentBasis, field + ".consentBasis")
                            ?? throw new ValidationException(field + ".consentBasis", "A person's data is shared only on a stated basis: recorded-consent, law-enforcement-cooperation or vital-interests.");
                        var participations = await _db.Participants.AsNoTracking().Include(p => p.Case).Where(p => p.PersonId == personId).ToListAsync(ct);
                        if (basis == ConsentBasis.RecordedConsent)
                        {
                            var ids = participations.Select(p => p.Id).ToList();
                            if (!await _db.Consents.AnyAsync(c => ids.Contains(c.ParticipantId) && c.WithdrawnAt == null, ct))
                            {
                                throw new ValidationException(field + ".consentBasis", "No active consent is recorded for this person: record the consent first, or state another basis.");
                            }
                        }
                        var (handling, conditions, source, accuracy) = StatedCodes(selected, field);
                        var content = new StringBuilder()
                            .Append("Name: ").AppendLine(person.DisplayName)
                            .Append("Name in original script: ").AppendLine(person.NameInOriginalScript ?? "not recorded")
                            .Append("Other names: ").AppendLine(person.Aliases.Count == 0 ? "none recorded" : string.Join("; ", person.Aliases.Select(a => a.Value)))
                            .Append("Birth date: ").AppendLine(person.BirthDate ?? "not recorded")
                            .Append("Sex: ").AppendLine(person.Gender?.ToString() ?? "not recorded")
                            .Append("Citizenship: ").AppendLine(person.Citizenships.Length == 0 ? "not recorded" : person.Citizenships)
                            .Append("Roles: ").Append(string.Join("; ", participations.Select(p => p.Role + " in case " + p.Case.Reference)))
                            .ToString();
                        return (new PackageItem(SharingCodes.Name(kind), personId.Value, handling.ToString(), conditions, source.ToString(), (int)accuracy, SharingCodes.Name(basis),
                            "Person " + person.DisplayName, content), kind, handling);
                    }
                case SharedItemKind.PprlEncodings:
                    throw new ValidationException(field + ".kind", "Linkage encodings are packaged by the linkage feature, not selected here.");
                default:
                    throw new ValidationException(field + ".kind", "Unknown item kind.");
            }
        }

        private static void RefuseH2(HandlingCode handling, string field, string what)
        {
            if (handling == HandlingCode.H2)
            {
                throw new ValidationException(field, $"H2: {what} is not to be passed on without the originator's permission; it cannot go into a package.");
            }
        }

        private static (HandlingCode Handling, string? Conditions, SourceReliability Source, InformationAccuracy Accuracy) StatedCodes(Item selected, string field)
        {
            if (string.IsNullOrWhiteSpace(selected.HandlingCode))
            {
                throw new ValidationException(field + ".handlingCode", "State the handling code (H0 to H3) the partner must respect.");
            }
            var handling = Rename(() => IntelligenceGrading.ParseHandling(selected.HandlingCode), field + ".handlingCode");
            var source = Rename(() => IntelligenceGrading.ParseSource(selected.SourceReliability ?? "X"), field + ".sourceReliability");
            var accuracy = Rename(() => IntelligenceGrading.ParseAccuracy(selected.InformationAccuracy ?? "4"), field + ".informationAccuracy");
            var conditions = TextRules.FreeText(selected.HandlingConditions, field + ".handlingConditions", 1000);
            if (handling == HandlingCode.H3 && conditions is null)
            {
                throw new ValidationException(field + ".handlingConditions", "H3 means other restrictions apply: state them.");
            }
            return (handling, conditions, source, accuracy);
        }

        private static T Rename<T>(Func<T> parse, string field)
        {
            try
            {
                return parse();
            }
            catch (ValidationException e)
            {
                throw new ValidationException(field, e.Message);
            }
        }
    }
}

/// <summary>Signs, encrypts and records a package for a partner: the one path every package kind leaves by.</summary>
internal static class PackageSealing
{
    public static async Task<SharingPackage> SealAsync(AppDbContext db, SharingKeys keys, TimeProvider clock, Actor actor, SharingPartner partner, string kind,
        IReadOnlyList<PackageItem> items, IReadOnlyList<LinkageAgreement>? agreements, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sender = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "Lantern";
        var packageId = SequentialGuid.Next();
        var sequence = partner.NextSequence();
        var manifest = new PackageManifest(PackageFormat.Format, packageId, kind, sequence, sender,
            Convert.ToBase64String(keys.SigningPublicKey), partner.EncryptionKey, now, items, [])
        { Agreements = agreements };
        byte[] file;
        using (var signingKey = keys.SigningKey())
        {
            file = PackageFormat.Seal(manifest, signingKey, Convert.FromBase64String(partner.EncryptionKey));
        }
        var package = new SharingPackage(packageId, actor.OrganisationId, partner, PackageDirection.Sent, kind, sequence, items.Count + (agreements?.Count ?? 0), file, actor.Username, now);
        db.SharingPackages.Add(package);
        return package;
    }
}
