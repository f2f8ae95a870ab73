using System.Security.Cryptography;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Evidence;

/// <summary>
/// Takes an exhibit into a case's evidence register: the file's type is found from its bytes, its SHA-256 sealed,
/// the original stored encrypted and unchanged, a display copy without metadata made for photos, and the intake
/// written as the first entry of the chain of custody. A physical item is recorded without a file.
/// </summary>
public static class AddEvidence
{
    public sealed record Request(
        string? Title, string? Description = null, string? Kind = null, DateOnly? CollectedOn = null, string? CollectedBy = null,
        string? CollectedWhere = null, string? SealNumber = null, string? FileName = null, byte[]? Content = null);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly LanternOptions _options;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock, LanternOptions options)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
            _options = options;
        }

        public async Task<EvidenceItemView> Handle(Actor actor, CaseId caseId, Request request, CancellationToken ct)
        {
            var @case = await EvidenceAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.EvidenceWrite, ct);
            var title = TextRules.FreeText(request.Title, "title", EvidenceItem.MaxTitleLength) ?? throw new ValidationException("title", "Give the exhibit a title.");
            var description = TextRules.FreeText(request.Description, "description", EvidenceItem.MaxTextLength);
            var collectedBy = TextRules.Name(request.CollectedBy, "collectedBy");
            var collectedWhere = TextRules.Place(request.CollectedWhere, "collectedWhere");
            var seal = TextRules.Place(request.SealNumber, "sealNumber", 64);
            var now = _clock.GetUtcNow().UtcDateTime;
            if (request.CollectedOn > DateOnly.FromDateTime(now))
            {
                throw new ValidationException("collectedOn", "The collection date cannot be in the future.");
            }

            DetectedType? type = null;
            var itemKind = ParseKind(request.Kind);
            if (request.Content is { } content)
            {
                type = ContentSniffer.Inspect(content, request.FileName, _options.MaxEvidenceBytes);
                itemKind ??= type.Kind;
                if (itemKind != type.Kind && itemKind != EvidenceKind.Document)
                {
                    throw new ValidationException("kind", $"The file is a {type.Name}, which cannot be recorded as {KindName(itemKind.Value)}.");
                }
            }
            var kind = itemKind ?? EvidenceKind.PhysicalItem;

            var number = (await _db.EvidenceItems.Where(e => e.CaseId == caseId).MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
            var organisation = await EvidenceAccess.OrganisationNameAsync(_db, actor, ct);
            var receiver = new CustodyParty(actor.Username, EvidenceAccess.RoleName(actor), organisation);
            var collector = collectedBy is null ? receiver : new CustodyParty(collectedBy, "collecting officer", null);

            SealedFile? sealedFile = null;
            byte[]? preview = null;
            if (type is not null)
            {
                var original = request.Content!;
                if (type.CanPreview)
                {
                    preview = MetadataStripper.Strip(original, type);
                }
                sealedFile = new SealedFile(FileName(request.FileName, type), type.ContentType, original.LongLength, Hash(original), preview is not null);
            }
            var item = new EvidenceItem(@case, number, actor.IsSystem ? @case.OrganisationId : actor.OrganisationId, title, description, kind, request.CollectedOn, collectedBy, collectedWhere, seal,
                sealedFile, collector, receiver, actor.Username, now);
            _db.EvidenceItems.Add(item);
            if (sealedFile is not null)
            {
                _db.EvidenceFiles.Add(EvidenceFile.Seal(_db.Cipher, item.Id, EvidenceFileVariant.Original, request.Content!, sealedFile.Sha256));
                if (preview is not null)
                {
                    _db.EvidenceFiles.Add(EvidenceFile.Seal(_db.Cipher, item.Id, EvidenceFileVariant.Preview, preview, Hash(preview)));
                }
            }
            _audit.Add(actor, "evidence.add", "evidence", item.Id.ToString(),
                detail: "case " + caseId + ", " + item.Label + (sealedFile is null ? ", physical item" : ", " + sealedFile.ContentType + ", sha256 " + sealedFile.Sha256));
            try
            {
                await _db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException("number", "Another exhibit was added to this case at the same moment; try again.");
            }
            return EvidenceProjection.ToView(item, @case.Reference);
        }
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static EvidenceKind? ParseKind(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var compact = value.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.GetValues<EvidenceKind>().FirstOrDefault(k => k.ToString().Equals(compact, StringComparison.OrdinalIgnoreCase)) is var kind
            && kind.ToString().Equals(compact, StringComparison.OrdinalIgnoreCase)
            ? kind
            : throw new ValidationException("kind", "The kind is one of: document, photo, audio, video, physical-item.");
    }

    public static string KindName(EvidenceKind kind) => kind == EvidenceKind.PhysicalItem ? "physical-item" : kind.ToString().ToLowerInvariant();

    /// <summary>The uploaded name without any folder, kept for the record (encrypted); a missing name gets one from the label.</summary>
    private static string FileName(string? uploaded, DetectedType type)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        name = new string(name.Where(ch => !char.IsControl(ch)).ToArray());
        if (name.Length == 0)
        {
            return "exhibit." + type.DefaultExtension;
        }
        return name.Length > EvidenceItem.MaxFileNameLength ? name[^EvidenceItem.MaxFileNameLength..] : name;
    }
}
