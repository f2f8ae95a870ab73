using System.Text.Json;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Duplicates;

/// <summary>
/// The full linking run (<c>lantern link --database</c>): every person record of every organisation, linked
/// unsupervised by the engine; pairs at or above the threshold become open candidates (decided pairs are left
/// alone, open ones re-scored), and the trained parameters are kept for incremental linking. A system job.
/// </summary>
public static class LinkDatabase
{
    public sealed record Response(int Persons, long CandidatePairs, int Proposed, int New, int Rescored, int SkippedDecided, Guid? ModelId);

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

        public async Task<Response> Handle(Actor actor, Action<string>? progress, CancellationToken ct)
        {
            RequireSystem(actor);
            _db.ScopeTo(actor);
            var pending = await _db.PersonLinkRequests.ToListAsync(ct);
            var persons = await _db.Persons.AsNoTracking().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery()
                .OrderBy(p => p.Id).ToListAsync(ct);
            progress?.Invoke($"read {persons.Count:N0} person records");
            var now = _clock.GetUtcNow().UtcDateTime;
            var response = new Response(persons.Count, 0, 0, 0, 0, 0, null);
            if (persons.Count >= 2)
            {
                var dataset = PersonLinking.Dataset(persons);
                var result = RecordLinkage.Link(dataset, new LinkageSettings { Threshold = PersonLinking.Threshold }, progress);
                var parameters = new LinkageParameters(PersonLinking.AlgorithmVersion, persons.Count, result.CandidatePairs,
                    JsonSerializer.Serialize(PersonLinking.Store(result.Model), PersonLinking.Json), now);
                _db.LinkageParameters.Add(parameters);
                var found = new List<(PersonId, PersonId, PairExplanation)>();
                foreach (var (a, b, _) in result.Links())
                {
                    if (result.ScoredProbability(a, b) is not { } own || own < PersonLinking.Threshold)
                    {
                        continue; // in one cluster only through others: not proposed as a pair of its own
                    }
                    found.Add((persons[a].Id, persons[b].Id, PersonLinking.Explain(result.Explain(a, b))));
                }
                var (added, rescored, skipped) = await CandidateStore.SaveAsync(_db, found, parameters.Id, now, ct);
                response = new Response(persons.Count, result.CandidatePairs, found.Count, added, rescored, skipped, parameters.Id);
                progress?.Invoke($"{found.Count:N0} pairs at or above {PersonLinking.Threshold}: {added:N0} new, {rescored:N0} re-scored, {skipped:N0} already decided");
            }
            _db.PersonLinkRequests.RemoveRange(pending);
            _audit.Add(actor, "duplicates.link-database", "duplicate", null,
                detail: $"algorithm {PersonLinking.AlgorithmVersion}; model {response.ModelId?.ToString() ?? "none"}; {response.Persons} persons; {response.Proposed} pairs; {response.New} new");
            await _db.SaveChangesAsync(ct);
            return response;
        }
    }

    internal static void RequireSystem(Actor actor)
    {
        // Linking compares every organisation's records: it runs as the system (CLI, background job), never as a user.
        if (!actor.IsSystem)
        {
            throw new ForbiddenException(Permissions.LinkageReview + " (system job)");
        }
    }
}

/// <summary>Writes scored pairs: new ones open, open ones re-scored, decided ones (confirmed, rejected, undone) left as decided.</summary>
internal static class CandidateStore
{
    public static async Task<(int Added, int Rescored, int Skipped)> SaveAsync(AppDbContext db, IReadOnlyList<(PersonId A, PersonId B, PairExplanation Explanation)> found, Guid modelId, DateTime now, CancellationToken ct)
    {
        var ids = found.SelectMany(f => new[] { f.A, f.B }).Distinct().ToList();
        var existing = new Dictionary<(PersonId, PersonId), DuplicateCandidate>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var c in await db.DuplicateCandidates.Where(c => chunk.Contains(c.LeftPersonId)).ToListAsync(ct))
            {
                existing[(c.LeftPersonId, c.RightPersonId)] = c;
            }
        }
        int added = 0, rescored = 0, skipped = 0;
        foreach (var (a, b, explanation) in found)
        {
            var key = DuplicateCandidate.Order(a, b);
            var json = PersonLinking.ToJson(explanation);
            if (existing.TryGetValue(key, out var pair))
            {
                if (pair.IsDecided)
                {
                    skipped++;
                    continue;
                }
                pair.Rescore(explanation.Probability, json, PersonLinking.AlgorithmVersion, modelId, now);
                rescored++;
                continue;
            }
            pair = new DuplicateCandidate(a, b, explanation.Probability, json, PersonLinking.AlgorithmVersion, modelId, now);
            existing[key] = pair;
            db.DuplicateCandidates.Add(pair);
            added++;
        }
        return (added, rescored, skipped);
    }
}
