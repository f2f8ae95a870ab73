using System.Globalization;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

public sealed record ScreeningBatchView(Guid Id, string FileName, string Status, int Total, int Done, int Hits, Guid? ProfileId, string? Profile, string SubmittedBy, DateTime SubmittedAt, DateTime? FinishedAt);

/// <summary>
/// Batches of names: submitted as CSV (the <c>lantern screen</c> input columns) or rows, checked in full first (an
/// error names the line and field; nothing is written), recorded, then screened in the background in chunks while
/// progress counts up; the results come back as CSV with formula injection neutralised.
/// </summary>
public static class ScreeningBatches
{
    public const int MaxRows = 100_000;
    public const int Chunk = 250;

    public sealed record Row(string? Id, string? Name, string? BirthDate = null, string? Nationality = null, string? NationalId = null, string? Passport = null);

    public sealed record SubmitRequest(string? FileName, Guid? ProfileId, IReadOnlyList<Row>? Rows = null, string? Csv = null);

    public sealed class SubmitHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly BlindIndex _blind;

        internal SubmitHandler(AppDbContext db, AuditLog audit, TimeProvider clock, BlindIndex blind)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
            _blind = blind;
        }

        public async Task<ScreeningBatchView> Handle(Actor actor, SubmitRequest request, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var inputs = request.Csv is not null ? FromCsv(request.Csv) : FromRows(request.Rows);
            var profile = await ScreeningNames.ProfileAsync(_db, request.ProfileId, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            var batch = new ScreeningBatch(actor.OrganisationId, profile?.Id, request.FileName, inputs.Count, actor.UserId, actor.Username, now);
            _db.ScreeningBatches.Add(batch);
            var threshold = profile?.Threshold ?? NameMatcher.DefaultThreshold;
            foreach (var (id, subject) in inputs)
            {
                _db.ScreenedSubjects.Add(new ScreenedSubject(actor.OrganisationId, batch.Id, id, subject, ScreeningRun.SubjectKey(_blind, id, subject), profile?.Id, threshold, actor.UserId, now));
            }
            _audit.Add(actor, "name-screening.batch.submit", "screening-batch", batch.Id.ToString(),
                detail: string.Create(CultureInfo.InvariantCulture, $"subjects {inputs.Count}; profile {profile?.Id.ToString() ?? "none"}"));
            await _db.SaveChangesAsync(ct);
            return await ViewAsync(_db, batch, ct);
        }
    }

    public sealed class GetHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal GetHandler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<ScreeningBatchView> Handle(Actor actor, Guid id, CancellationToken ct) => await ViewAsync(_db, await BatchAsync(_db, _audit, actor, id, ct), ct);
    }

    public sealed class ListHandler
    {
        private readonly AppDbContext _db;

        internal ListHandler(AppDbContext db) => _db = db;

        public async Task<IReadOnlyList<ScreeningBatchView>> Handle(Actor actor, CancellationToken ct)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var batches = await _db.ScreeningBatches.AsNoTracking().OrderByDescending(b => b.SubmittedAt).Take(100).ToListAsync(ct);
            var views = new List<ScreeningBatchView>(batches.Count);
            foreach (var b in batches)
            {
                views.Add(await ViewAsync(_db, b, ct));
            }
            return views;
        }
    }

    /// <summary>The results file: <c>input_id,list,list_entry,score,explanation</c>, one row per hit, best first per input.</summary>
    public sealed class ResultsHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;

        internal ResultsHandler(AppDbContext db, AuditLog audit)
        {
            _db = db;
            _audit = audit;
        }

        public async Task<string> Handle(Actor actor, Guid id, CancellationToken ct)
        {
            var batch = await BatchAsync(_db, _audit, actor, id, ct);
            var subjects = await _db.ScreenedSubjects.AsNoTracking().Where(s => s.BatchId == batch.Id && s.ScreenedAt != null).OrderBy(s => s.Id).ToListAsync(ct);
            var hits = subjects.SelectMany(s => s.HitList.Select(h => (s.ExternalId, Hit: h))).ToList();
            var owners = await WatchlistVisibility.ListOwnersAsync(_db, [.. hits.Select(h => h.Hit.ListId).Distinct()], ct);
            var names = await AlertProjection.OrganisationNamesAsync(_db, owners.Values, ct);
            var mayChildren = WatchlistVisibility.MaySeeChildren(actor);
            var text = new StringBuilder("input_id,list,list_entry,score,explanation\n");
            foreach (var (input, h) in hits)
            {
                var restricted = h.IsChild && !mayChildren;
                var notice = AlertProjection.Notice(owners.TryGetValue(h.ListId, out var o) ? names.GetValueOrDefault(o, "the list's owner") : "the list's owner");
                text.Append(CsvText.Cell(input)).Append(',').Append(CsvText.Cell(h.ListName)).Append(',').Append(CsvText.Cell(restricted ? "restricted" : h.Entry)).Append(',')
                    .Append(h.Score.ToString("0.0000", CultureInfo.InvariantCulture)).Append(',').Append(CsvText.Cell(restricted ? notice : h.Explanation)).Append('\n');
            }
            _audit.Add(actor, "name-screening.batch.results", "screening-batch", id.ToString(), detail: string.Create(CultureInfo.InvariantCulture, $"hits {hits.Count}"));
            await _db.SaveChangesAsync(ct);
            return text.ToString();
        }
    }

    /// <summary>Screens the next chunk of the oldest waiting batch (the system's background job, or the CLI). Returns the batch worked on, or null when none waits.</summary>
    public sealed class RunHandler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;
        private readonly WatchlistIndexes _indexes;

        internal RunHandler(AppDbContext db, AuditLog audit, TimeProvider clock, WatchlistIndexes indexes)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
            _indexes = indexes;
        }

        public async Task<ScreeningBatchView?> Handle(Actor actor, CancellationToken ct, Guid? only = null)
        {
            actor.Require(Permissions.WatchlistsScreen);
            _db.ScopeTo(actor);
            var batch = await _db.ScreeningBatches
                .Where(b => (b.Status == ScreeningBatchStatus.Queued || b.Status == ScreeningBatchStatus.Running) && (only == null || b.Id == only))
                .OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id).FirstOrDefaultAsync(ct);
            if (batch is null)
            {
                return null;
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            try
            {
                var profile = await WatchlistVisibility.BatchProfileAsync(_db, batch, ct);
                var lists = await ScreeningRun.ListsAsync(_db, batch.OrganisationId, profile, ct);
                var subjects = await _db.ScreenedSubjects.Where(s => s.BatchId == batch.Id && s.ScreenedAt == null).OrderBy(s => s.Id).Take(Chunk).ToListAsync(ct);
                var hits = 0;
                var raised = 0;
                foreach (var subject in subjects)
                {
                    var found = await ScreeningRun.ScreenAsync(_db, _indexes, subject, lists, now, ct);
                    hits += found.Count;
                    raised += found.Count(f => f.Raised);
                }
                batch.Progress(subjects.Count, hits);
                if (subjects.Count < Chunk || batch.Done >= batch.Total)
                {
                    batch.Finish(now);
                    _audit.Add(actor, "name-screening.batch.done", "screening-batch", batch.Id.ToString(), detail: ScreeningRun.Detail(batch.Done, batch.Hits, raised, profile, lists));
                }
                await _db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _db.ChangeTracker.Clear();
                var failed = await _db.ScreeningBatches.FirstAsync(b => b.Id == batch.Id, ct);
                failed.Fail(now);
                _audit.Add(actor, "name-screening.batch.failed", "screening-batch", batch.Id.ToString(), AuditOutcome.Failed, detail: e.GetType().Name);
                await _db.SaveChangesAsync(ct);
                batch = failed;
            }
            return await ViewAsync(_db, batch, ct);
        }
    }

    /// <summary>The batch, scoped to the actor; denied looks like not found (and is audited).</summary>
    internal static async Task<ScreeningBatch> BatchAsync(AppDbContext db, AuditLog audit, Actor actor, Guid id, CancellationToken ct)
    {
        actor.Require(Permissions.WatchlistsScreen);
        db.ScopeTo(actor);
        var batch = await db.ScreeningBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is not null)
        {
            return batch;
        }
        if (await WatchlistVisibility.BatchExistsAsync(db, id, ct))
        {
            await audit.WriteAsync(actor, "name-screening.batch.access-denied", "screening-batch", id.ToString(), AuditOutcome.Denied, ct: ct);
        }
        throw new NotFoundException("The batch");
    }

    internal static async Task<ScreeningBatchView> ViewAsync(AppDbContext db, ScreeningBatch b, CancellationToken ct)
    {
        var profile = (await WatchlistVisibility.BatchProfileAsync(db, b, ct))?.Name;
        return new ScreeningBatchView(b.Id, b.FileName, b.Status.ToString().ToLowerInvariant(), b.Total, b.Done, b.Hits, b.ProfileId, profile, b.SubmittedByName, b.SubmittedAt, b.FinishedAt);
    }

    /// <summary>Reads the <c>lantern screen</c> input columns (id,name[,birth_date,nationality,national_id,passport]); errors name the line and field.</summary>
    public static List<(string Id, ScreeningSubject Subject)> FromCsv(string csv)
    {
        var records = WatchlistCsv.Parse(csv, "file", "file");
        if (records.Count == 0)
        {
            throw new ValidationException("file", "The file is empty: a header line id,name[,birth_date,nationality,national_id,passport] is required.");
        }
        var header = records[0].Cells;
        var columns = WatchlistCsv.SubjectFields.ToDictionary(f => f, f => WatchlistCsv.Column(header, f));
        foreach (var required in new[] { "id", "name" })
        {
            if (columns[required] < 0)
            {
                throw new ValidationException("file", $"The header has no column '{required}' (columns: {string.Join(", ", header)}).");
            }
        }
        string? Cell(string[] cells, string field) => columns[field] is var i && i >= 0 && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;
        var rows = records.Skip(1).Select(r => new Row(Cell(r.Cells, "id"), Cell(r.Cells, "name"), Cell(r.Cells, "birth_date"), Cell(r.Cells, "nationality"), Cell(r.Cells, "national_id"), Cell(r.Cells, "passport"))).ToList();
        return Check(rows, i => $"line {i + 2}: ");
    }

    public static List<(string Id, ScreeningSubject Subject)> FromRows(IReadOnlyList<Row>? rows) =>
        Check(rows ?? throw new ValidationException("rows", "Send the names to screen."), i => $"rows[{i}].");

    private static List<(string Id, ScreeningSubject Subject)> Check(IReadOnlyList<Row> rows, Func<int, string> where)
    {
        if (rows.Count == 0)
        {
            throw new ValidationException("rows", "The batch holds no names.");
        }
        if (rows.Count > MaxRows)
        {
            throw new ValidationException("rows", $"At most {MaxRows:N0} names per batch; split the file.");
        }
        var result = new List<(string, ScreeningSubject)>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i] ?? throw new ValidationException(where(i).TrimEnd('.', ' ', ':'), "An empty row.");
            var id = TextRules.FreeText(r.Id, where(i) + "id", ScreenedSubject.MaxExternalIdLength) ?? throw new ValidationException(where(i) + "id", "Each row needs an id.");
            if (!seen.Add(id))
            {
                throw new ValidationException(where(i) + "id", $"The id '{id}' appears twice.");
            }
            result.Add((id, ScreeningRun.Validated(r.Name, r.BirthDate, r.Nationality, r.NationalId, r.Passport, where(i))));
        }
        return result;
    }
}
