using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// Makes a CTDC-style k-anonymised release (issue 7 §3): one row per victim per year (the GLOTIP victim facts) over
/// the cases the actor may see, generalised and suppressed by <see cref="CtdcDataset"/> so that every distinct row
/// occurs at least k times. The release is logged (<see cref="Release"/>) and audited; the file is returned, not kept.
/// </summary>
public static class ReleaseCtdc
{
    /// <param name="From">First year (cases opened), YYYY.</param>
    /// <param name="To">Last year, YYYY.</param>
    /// <param name="K">Smallest class size (default 11, as CTDC).</param>
    /// <param name="Organisation">Only the cases of the organisation with this name.</param>
    public sealed record Request(int? From, int? To, int? K = null, string? Organisation = null);

    /// <param name="ReleaseId">The log entry.</param>
    /// <param name="FileName">A name for the file.</param>
    /// <param name="Csv">The file: UTF-8 text, header first.</param>
    /// <param name="SourceRows">Victim facts before suppression.</param>
    /// <param name="ReleasedRows">Rows in the file.</param>
    /// <param name="SuppressedRows">Rows left out.</param>
    /// <param name="Generalisation">What each quasi-identifier was generalised to.</param>
    public sealed record Response(Guid ReleaseId, string FileName, string Csv, int SourceRows, int ReleasedRows, int SuppressedRows, string Generalisation);

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

        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReleasesCtdc);
            var from = ValidYear(request.From, "from");
            var to = ValidYear(request.To, "to");
            if (to < from)
            {
                throw new ValidationException("to", $"The last year ({to}) comes before the first ({from}).");
            }
            var k = request.K ?? CtdcDataset.DefaultK;
            if (k < 2)
            {
                throw new ValidationException("k", $"k must be at least 2 (a class of one names a person); {k} was given.");
            }
            var organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim();
            var facts = (await VictimFacts.LoadAsync(_db, null, await VictimFacts.OrganisationIdsAsync(_db, organisation, ct), ct))
                .Where(f => f.Year >= from && f.Year <= to).ToList();
            var result = CtdcDataset.Anonymise(facts, from, to, k);
            var csv = ToCsv(result.Rows);
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
            var release = new Release("ctdc", actor.OrganisationId, actor.UserId, actor.Username, _clock.GetUtcNow().UtcDateTime, from, to, k, organisation,
                result.Source, result.Rows.Count, result.Suppressed, result.Generalisation, sha);
            _db.Releases.Add(release);
            _audit.Add(actor, "release.ctdc", "release", release.Id.ToString(),
                detail: $"years {from}-{to}, k {k}{(organisation is null ? "" : ", organisation " + organisation)}; {result.Source} rows, {result.Rows.Count} released, {result.Suppressed} suppressed; {result.Generalisation}");
            await _db.SaveChangesAsync(ct);
            return new Response(release.Id, $"ctdc-{from}-{to}-k{k}.csv", csv, result.Source, result.Rows.Count, result.Suppressed, result.Generalisation);
        }
    }

    /// <summary>
    /// The file. Every value is a number, -99, a fixed CTDC word, an ISO code or a region name, never free text, so cells
    /// are written as they are (quoted if needed) rather than apostrophe-prefixed: "-99" must stay "-99".
    /// </summary>
    internal static string ToCsv(IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', CtdcDataset.Columns).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(CsvText.Quoted)).Append('\n');
        }
        return csv.ToString();
    }

    public static int ValidYear(int? year, string field) => year is >= 1990 and <= 2100
        ? year.Value
        : throw new ValidationException(field, year is null ? $"Give the {field} year (YYYY)." : $"'{year}' is not a year between 1990 and 2100.");
}
