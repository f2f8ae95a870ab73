using System.Security.Cryptography;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Evidence;

/// <summary>
/// Releases an exhibit's file: the sealed original only after its SHA-256 matches the intake hash (otherwise the
/// download is refused with a conflict, the exhibit marked, and an integrity failure audited); or the display copy
/// of a photo, without metadata, checked against its own hash.
/// </summary>
public static class GetEvidenceContent
{
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

        public async Task<EvidenceContent> OriginalAsync(Actor actor, Guid id, CancellationToken ct)
        {
            var item = await EvidenceAccess.ItemAsync(_db, _audit, actor, id, Permissions.EvidenceRead, ct);
            if (!item.HasFile)
            {
                throw new NotFoundException("The file of " + item.Label + " (a physical item)");
            }
            var (result, content) = await VerifyEvidence.CheckAsync(_db, _audit, actor, item, _clock.GetUtcNow().UtcDateTime, ct);
            if (content is null)
            {
                await _db.SaveChangesAsync(ct);
                throw new ConflictException("sha256", $"Integrity failure on {item.Label}: {result.Problem} Expected SHA-256 {result.Expected}, found {result.Actual ?? "(unreadable)"}. The download is refused and the failure recorded.");
            }
            _audit.Add(actor, "evidence.download", "evidence", id.ToString(), detail: "case " + item.CaseId + ", " + item.Label);
            await _db.SaveChangesAsync(ct);
            return new EvidenceContent(item.OriginalFileName ?? item.Label, item.ContentType!, content, item.Sha256!);
        }

        public async Task<EvidenceContent> PreviewAsync(Actor actor, Guid id, CancellationToken ct)
        {
            var item = await EvidenceAccess.ItemAsync(_db, _audit, actor, id, Permissions.EvidenceRead, ct);
            var file = item.HasPreview
                ? await _db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.EvidenceItemId == id && f.Variant == EvidenceFileVariant.Preview, ct)
                : null;
            if (file is null)
            {
                throw new NotFoundException("A display copy of " + item.Label);
            }
            byte[]? content = null;
            try
            {
                content = file.Open(_db.Cipher);
            }
            catch (CryptographicException)
            {
                // Reported below as a mismatch.
            }
            if (content is null || AddEvidence.Hash(content) != file.Sha256)
            {
                await _audit.WriteAsync(actor, "evidence.integrity-failure", "evidence", id.ToString(), AuditOutcome.Failed, "display copy of " + item.Label, ct);
                throw new ConflictException("sha256", $"Integrity failure on the display copy of {item.Label}; it is not shown.");
            }
            _audit.Add(actor, "evidence.preview", "evidence", id.ToString(), detail: "case " + item.CaseId + ", " + item.Label);
            await _db.SaveChangesAsync(ct);
            var extension = ContentSniffer.Allowed.FirstOrDefault(t => t.ContentType == item.ContentType)?.DefaultExtension ?? "bin";
            return new EvidenceContent($"{item.Label}-display.{extension}", item.ContentType!, content, file.Sha256);
        }
    }
}
