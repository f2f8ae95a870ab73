using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Security;

/// <summary>
/// Adds a new field-encryption key and re-encrypts every protected field with it, in batches. Older keys stay
/// in the key ring for reading (a running server may still hold them); delete them by hand once no backup needs them.
/// </summary>
public static class RotateKeys
{
    public sealed record Response(int NewVersion, int Records);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly KeyRing _keys;
        private readonly AuditLog _audit;

        internal Handler(AppDbContext db, KeyRing keys, AuditLog audit)
        {
            _db = db;
            _keys = keys;
            _audit = audit;
        }

        public async Task<Response> Handle(Actor actor, CancellationToken ct, IProgress<string>? progress = null)
        {
            if (!actor.IsSystem)
            {
                throw new Common.ForbiddenException("key management (local operator only)");
            }
            _db.ScopeTo(actor);
            var version = _keys.AddEncryptionKey();
            var records = 0;
            foreach (var entityType in _db.Model.GetEntityTypes().Where(t => t.GetProperties().Any(p => p.IsEncrypted())))
            {
                var encrypted = entityType.GetProperties().Where(p => p.IsEncrypted()).Select(p => p.Name).ToList();
                var query = (IQueryable<object>)_db.GetType().GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(entityType.ClrType).Invoke(_db, null)!;
                var total = 0;
                var skip = 0;
                while (true)
                {
                    var batch = await query.IgnoreQueryFilters().OrderBy(e => EF.Property<object>(e, entityType.FindPrimaryKey()!.Properties[0].Name))
                        .Skip(skip).Take(500).ToListAsync(ct);
                    if (batch.Count == 0)
                    {
                        break;
                    }
                    foreach (var entity in batch)
                    {
                        var entry = _db.Entry(entity);
                        foreach (var name in encrypted)
                        {
                            entry.Property(name).IsModified = entry.Property(name).CurrentValue is not null;
                        }
                    }
                    await _db.SaveChangesAsync(ct);
                    _db.ChangeTracker.Clear();
                    skip += batch.Count;
                    total += batch.Count;
                }
                records += total;
                progress?.Report($"{entityType.GetTableName()}: {total} records re-encrypted");
            }
            var (files, unreadable) = await ResealEvidenceFilesAsync(version, ct);
            progress?.Report($"{Features.Evidence.EvidenceFile.Table}: {files} files re-encrypted" + (unreadable > 0 ? $", {unreadable} unreadable left as they were (integrity failures)" : ""));
            records += files;
            _audit.Add(actor, "keys.rotate", "key-ring", version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                detail: $"{records} records re-encrypted" + (unreadable > 0 ? $"; {unreadable} evidence files unreadable" : ""));
            await _db.SaveChangesAsync(ct);
            return new Response(version, records);
        }

        /// <summary>Evidence file content is encrypted as bytes, not as a field: re-encrypt it in small batches (files are large).</summary>
        private async Task<(int Files, int Unreadable)> ResealEvidenceFilesAsync(int version, CancellationToken ct)
        {
            var files = 0;
            var unreadable = new List<Guid>();
            while (true)
            {
                var batch = await _db.EvidenceFiles.IgnoreQueryFilters().Where(f => f.KeyVersion != version && !unreadable.Contains(f.Id))
                    .OrderBy(f => f.Id).Take(20).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    return (files, unreadable.Count);
                }
                foreach (var file in batch)
                {
                    if (file.Reseal(_db.Cipher))
                    {
                        files++;
                    }
                    else
                    {
                        unreadable.Add(file.Id);
                    }
                }
                await _db.SaveChangesAsync(ct);
                _db.ChangeTracker.Clear();
            }
        }
    }
}
