using Lantern.Core.Common;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// The screened population kept prepared in memory between re-screens, so that a list change costs a screen of the
/// changed entries only (issue 6 §4: 1,000,000 names after a 1% change in seconds), not a pass over every stored
/// subject. Subjects screened since the last re-screen are prepared as a new segment; when the segments added since
/// the last full preparation hold more than a quarter of the population they are prepared again as one.
/// </summary>
/// <remarks>
/// A subject's name and details never change once recorded and subjects are never deleted, so a segment stays right
/// for as long as the process lives. New subjects are those with <see cref="ScreenedSubject.ScreenedAt"/> at or after
/// the start of the previous load (less a minute for commits in flight), not yet known by id (ids are read first;
/// entities only for the new ones); when the number of screened subjects says some were missed (recorded by another
/// process with an earlier screening time), every id is read to find them. Names are
/// plaintext in memory while the population lives, as they are while a batch is screened; nothing of it is written
/// anywhere. The caller passes a context scoped to the system actor: the population spans organisations.
/// </remarks>
internal sealed class ScreenedPopulations(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _runs = new(1, 1);
    private readonly List<Segment> _segments = [];
    private readonly HashSet<Guid> _known = [];
    private DateTime? _loadedFrom;

    /// <summary>Who screened each subject, under which profile and threshold, by position in its segment.</summary>
    public readonly record struct SubjectFacts(Guid Id, OrganisationId Organisation, Guid? Profile, double Threshold);

    public sealed record Segment(ScreenedPopulation Population, SubjectFacts[] Facts);

    /// <summary>
    /// Runs <paramref name="work"/> on the population as it stands, with the subjects screened since the last call
    /// added; one caller at a time (segments are consolidated only between callers).
    /// </summary>
    public async Task<T> WithAsync<T>(AppDbContext db, Func<IReadOnlyList<Segment>, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var started = clock.GetUtcNow().UtcDateTime - Margin;
            var since = _loadedFrom;
            var subjects = new List<ScreeningSubject>();
            var facts = new List<SubjectFacts>();
            void Take(ScreenedSubject s)
            {
                subjects.Add(s.ToSubject());
                facts.Add(new SubjectFacts(s.Id, s.OrganisationId, s.ProfileId, s.Threshold));
            }
            // whole entities: protected fields are decrypted as entities are materialised, not in projections
            var screened = db.ScreenedSubjects.AsNoTracking().Where(s => s.ScreenedAt != null);
            if (since is null)
            {
                await foreach (var s in screened.AsAsyncEnumerable().WithCancellation(ct))
                {
                    Take(s);
                }
            }
            else
            {
                // ids first (cheap), entities only for the subjects not known yet; if the count says some were
                // recorded with an earlier screening time than the last load (another process's clock), all ids
                var fresh = (await screened.Where(s => s.ScreenedAt >= since).Select(s => s.Id).ToListAsync(ct)).Where(id => !_known.Contains(id)).ToList();
                if (await screened.CountAsync(ct) != _known.Count + fresh.Count)
                {
                    fresh = (await screened.Select(s => s.Id).ToListAsync(ct)).Where(id => !_known.Contains(id)).ToList();
                }
                foreach (var chunk in fresh.Chunk(1_000))
                {
                    foreach (var s in await screened.Where(s => chunk.Contains(s.Id)).ToListAsync(ct))
                    {
                        Take(s);
                    }
                }
            }
            if (subjects.Count > 0)
            {
                _segments.Add(new Segment(ScreenedPopulation.Prepare(subjects, NameMatcher.Bundled), [.. facts]));
                _known.UnionWith(facts.Select(f => f.Id));
                // the first segment is the last full preparation
                var prepared = _segments[0].Facts.Length;
                if (_segments.Count > 1 && _known.Count - prepared > prepared / 4)
                {
                    Consolidate();
                }
            }
            _loadedFrom = started;
            return await work([.. _segments]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one re-screen at a time in this process (the background service, a command, a benchmark).</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _runs.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _runs.Release();
        }
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            segment.Population.Dispose();
        }
        _segments.Clear();
        _gate.Dispose();
        _runs.Dispose();
    }

    /// <summary>Prepares every segment again as one.</summary>
    private void Consolidate()
    {
        var subjects = _segments.SelectMany(s => s.Population.Subjects).ToList();
        var facts = _segments.SelectMany(s => s.Facts).ToArray();
        var whole = new Segment(ScreenedPopulation.Prepare(subjects, NameMatcher.Bundled), facts);
        foreach (var segment in _segments)
        {
            segment.Population.Dispose();
        }
        _segments.Clear();
        _segments.Add(whole);
    }
}
