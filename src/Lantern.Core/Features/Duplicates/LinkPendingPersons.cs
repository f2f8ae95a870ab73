using System.Text.Json;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// Incremental linking: persons created or changed since the last run (the outbox filled on save) are compared with
/// the persons sharing a blind-index key with them (a phone, a document number, or two phonetic name keys), scored
/// with the parameters of the last full run. Without a full run yet, a full run is made (the background service waits for one instead). A system job, run by the
/// background service after writes and callable directly by the CLI and tests.
/// </summary>
public static class LinkPendingPersons
{
    /// <summary>Persons taken from the outbox per call.</summary>
    public const int Batch = 500;

    /// <summary>Candidates compared per person at most (the ones sharing the most keys).</summary>
    public const int MaxCandidates = 200;

    public sealed record Response(int Persons, int Compared, int Proposed, int New, bool FullRun);

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

        public async Task<Response> Handle(Actor actor, CancellationToken ct, bool fullRunIfUntrained = true)
        {
            LinkDatabase.RequireSystem(actor);
            _db.ScopeTo(actor);
            var requests = await _db.PersonLinkRequests.OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            if (requests.Count == 0)
            {
                return new Response(0, 0, 0, 0, false);
            }
            var stored = await _db.LinkageParameters.AsNoTracking().OrderByDescending(p => p.TrainedAt).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);
            if (stored is null && !fullRunIfUntrained)
            {
                return new Response(0, 0, 0, 0, false);
            }
            if (stored is null)
            {
                var full = await new LinkDatabase.Handler(_db, _audit, _clock).Handle(actor, null, ct);
                return new Response(full.Persons, (int)Math.Min(int.MaxValue, full.CandidatePairs), full.Proposed, full.New, true);
            }
            var model = JsonSerializer.Deserialize<PersonLinking.StoredModel>(stored.Json, PersonLinking.Json)!;
            var pendingIds = requests.Select(r => r.PersonId).Distinct().ToList();
            var keys = await _db.SearchKeys.AsNoTracking()
                .Where(k => pendingIds.Contains(k.PersonId) && k.Kind != SearchKeyKind.NameExact)
                .Select(k => new { k.PersonId, k.Kind, k.Hash }).ToListAsync(ct);
            var hashes = keys.Select(k => k.Hash).Distinct().ToList();
            var sharing = new List<(PersonId PersonId, SearchKeyKind Kind, string Hash)>();
            foreach (var chunk in hashes.Chunk(500))
            {
                sharing.AddRange((await _db.SearchKeys.AsNoTracking().Where(k => chunk.Contains(k.Hash))
                    .Select(k => new { k.PersonId, k.Kind, k.Hash }).ToListAsync(ct)).Select(k => (k.PersonId, k.Kind, k.Hash)));
            }
            var byHash = sharing.ToLookup(s => (s.Kind, s.Hash), s => s.PersonId);

            var candidates = new Dictionary<PersonId, List<PersonId>>();
            foreach (var person in pendingIds)
            {
                var own = keys.Where(k => k.PersonId == person).ToList();
                var phonetic = own.Count(k => k.Kind == SearchKeyKind.NamePhonetic);
                var scores = new Dictionary<PersonId, (int Strong, int Names)>();
                foreach (var k in own)
                {
                    foreach (var other in byHash[(k.Kind, k.Hash)].Where(o => o != person))
                    {
                        var s = scores.GetValueOrDefault(other);
                        scores[other] = k.Kind == SearchKeyKind.NamePhonetic ? (s.Strong, s.Names + 1) : (s.Strong + 1, s.Names);
                    }
                }
                candidates[person] = [.. scores.Where(s => s.Value.Strong > 0 || s.Value.Names >= Math.Min(2, phonetic))
                    .OrderByDescending(s => (s.Value.Strong * 10) + s.Value.Names).ThenBy(s => s.Key.Value).Take(MaxCandidates).Select(s => s.Key)];
            }

            var needed = candidates.SelectMany(c => c.Value.Append(c.Key)).Distinct().ToList();
            var persons = new Dictionary<PersonId, People.Person>();
            foreach (var chunk in needed.Chunk(500))
            {
                foreach (var p in await _db.Persons.AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
                {
                    persons[p.Id] = p;
                }
            }
            var found = new List<(PersonId, PersonId, PairExplanation)>();
            var compared = 0;
            foreach (var (person, others) in candidates)
            {
                if (!persons.TryGetValue(person, out var record))
                {
                    continue; // removed since it was queued
                }
                var present = others.Where(persons.ContainsKey).Select(o => persons[o]).ToList();
                if (present.Count == 0)
                {
                    continue;
                }
                var dataset = PersonLinking.Dataset([record, .. present]);
                foreach (var (other, explanation) in PersonLinking.Score(model, dataset, 0, Enumerable.Range(1, present.Count)))
                {
                    compared++;
                    if (explanation.Probability >= PersonLinking.Threshold)
                    {
                        found.Add((record.Id, present[other - 1].Id, explanation));
                    }
                }
            }
            // A pair found from both of its sides in one batch is stored once.
            found = [.. found.GroupBy(f => DuplicateCandidate.Order(f.Item1, f.Item2)).Select(g => g.First())];
            var now = _clock.GetUtcNow().UtcDateTime;
            var (added, _, _) = await CandidateStore.SaveAsync(_db, found, stored.Id, now, ct);
            _db.PersonLinkRequests.RemoveRange(requests);
            _audit.Add(actor, "duplicates.link-incremental", "duplicate", null,
                detail: $"algorithm {PersonLinking.AlgorithmVersion}; model {stored.Id}; {pendingIds.Count} persons; {compared} compared; {found.Count} pairs; {added} new");
            await _db.SaveChangesAsync(ct);
            return new Response(pendingIds.Count, compared, found.Count, added, false);
        }
    }
}
