using System.Security.Cryptography;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Evidence;

/// <summary>
/// Re-hashes exhibits: decrypts the sealed original, recomputes its SHA-256 and compares it with the hash taken at
/// intake. A mismatch (or content that no longer decrypts) is recorded on the exhibit, shown wherever it appears,
/// and audited as an integrity failure. One exhibit, or every exhibit of a case.
/// </summary>
public static class VerifyEvidence
{
    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly Visibility _visibility;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, Visibility visibility, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _visibility = visibility;
            _audit = audit;
            _clock = clock;
        }

        public async Task<IntegrityResult> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var item = await EvidenceAccess.ItemAsync(_db, _audit, actor, id, Permissions.EvidenceRead, ct);
            var (result, _) = await CheckAsync(_db, _audit, actor, item, _clock.GetUtcNow().UtcDateTime, ct);
            await _db.SaveChangesAsync(ct);
            return result;
        }

        public async Task<IReadOnlyList<IntegrityResult>> HandleCase(Actor actor, CaseId caseId, CancellationToken ct)
        {
            await EvidenceAccess.CaseAsync(_db, _visibility, actor, caseId, Permissions.EvidenceRead, ct);
            var ids = await _db.EvidenceItems.Where(e => e.CaseId == caseId).OrderBy(e => e.Number).Select(e => e.Id).ToListAsync(ct);
            var results = new List<IntegrityResult>();
            foreach (var id in ids)
            {
                // One exhibit at a time, so a case with many large files never holds them all in memory.
                var item = await _db.EvidenceItems.Include(e => e.Custody).FirstAsync(e => e.Id == id, ct);
                var (result, _) = await CheckAsync(_db, _audit, actor, item, _clock.GetUtcNow().UtcDateTime, ct);
                await _db.SaveChangesAsync(ct);
                _db.ChangeTracker.Clear();
                results.Add(result);
            }
            return results;
        }
    }

    /// <summary>
    /// Checks <paramref name="item"/>'s original and stages its outcome (on the exhibit and in the audit log); the caller saves.
    /// Returns the plaintext when intact, for a download to release.
    /// </summary>
    internal static async Task<(IntegrityResult Result, byte[]? Content)> CheckAsync(AppDbContext db, AuditLog audit, Actor actor, EvidenceItem item, DateTime now, CancellationToken ct)
    {
        if (!item.HasFile)
        {
            return (new IntegrityResult(item.Id, item.Label, item.Title, false, true, null, null, null, now), null);
        }
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.EvidenceItemId == item.Id && f.Variant == EvidenceFileVariant.Original, ct);
        string? actual = null;
        string? problem = null;
        byte[]? content = null;
        if (file is null)
        {
            problem = "The stored content is missing.";
        }
        else
        {
            try
            {
                content = file.Open(db.Cipher);
                actual = AddEvidence.Hash(content);
                if (actual != item.Sha256)
                {
                    problem = "The content no longer matches the SHA-256 taken at intake.";
                }
            }
            catch (CryptographicException)
            {
                problem = "The stored content has been altered: it no longer decrypts.";
            }
        }
        var intact = problem is null;
        item.RecordIntegrityCheck(intact, now);
        if (intact)
        {
            audit.Add(actor, "evidence.verify", "evidence", item.Id.ToString(), detail: item.Label + " intact");
        }
        else
        {
            audit.Add(actor, "evidence.integrity-failure", "evidence", item.Id.ToString(), AuditOutcome.Failed,
                detail: "case " + item.CaseId + ", " + item.Label + ": expected sha256 " + item.Sha256 + ", found " + (actual ?? "(unreadable)"));
        }
        return (new IntegrityResult(item.Id, item.Label, item.Title, true, intact, item.Sha256, actual, problem, now), intact ? content : null);
    }
}
