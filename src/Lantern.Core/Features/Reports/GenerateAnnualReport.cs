using Lantern.Core.Auditing;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// The annual report on human trafficking and migrant smuggling (issue 7 §2, ADR 0022): a PDF for one year over one
/// organisation's cases or all the actor may see, laid out by a template (the request's, else the organisation's
/// copy, else the bundled default). Its figures are the statistics handlers' own answers — GLOTIP victims and
/// offenders, routes, the prosecution funnel, inspection statistics — always in their public, suppressed form: the
/// report leaves Lantern. Needs <c>statistics.read</c> (analysts and administrators); audited, with the reads it makes.
/// </summary>
public static class GenerateAnnualReport
{
    /// <param name="Year">The year: cases opened, proceedings begun and inspections made in it.</param>
    /// <param name="Organisation">Only this organisation's cases and inspections (its name); all the actor may see when empty.</param>
    /// <param name="Template">A template for this report only; the organisation's (or the bundled) template when empty.</param>
    /// <param name="From">With <paramref name="To"/>, a period instead of the year: its first day (YYYY-MM-DD).</param>
    /// <param name="To">The period's last day (YYYY-MM-DD), included.</param>
    public sealed record Request(int? Year, string? Organisation = null, string? Template = null, string? From = null, string? To = null);

    public sealed record Response(string FileName, byte[] Pdf, int Pages);

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

        /// <summary>Makes the report; <c>progress</c> is told each step as it starts (the CLI prints it on stderr).</summary>
        public async Task<Response> Handle(Actor actor, Request request, CancellationToken ct, IProgress<string>? progress = null)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.StatisticsRead);
            var period = ReportingPeriod.Of(request.Year, request.From, request.To);
            var organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim();
            var template = string.IsNullOrWhiteSpace(request.Template)
                ? await new ManageReportTemplate.Handler(_db, _audit, _clock).InUseAsync(actor, ct)
                : request.Template;
            var blocks = ReportTemplate.Parse(template);
            var organisationIds = await VictimFacts.OrganisationIdsAsync(_db, organisation, ct);

            // The victims are read once and tabulated every way the report needs, routes included (not once per statistic).
            progress?.Report("victims");
            var reading = await VictimFacts.ReadAsync(_db, period, organisationIds, ct);
            var victims = await new CountVictims.Handler(_db, _audit).TabulateAsync(actor, reading.Facts, period, Enum.GetValues<CountVictims.Breakdown>(), organisation, @public: true, ct);
            progress?.Report("suspects, persons prosecuted and convicted");
            var offenders = await new CountOffenders.Handler(_db, _audit).Handle(actor, new CountOffenders.Request(period.From.Year, organisation, Public: true, Period: period), ct);
            progress?.Report("routes");
            var routes = VictimRoutes.Compute(VictimRoutes.Level.Province, period.From.Year, reading.Victims, reading.Events);
            progress?.Report("prosecutions");
            var funnel = (await new ProsecutionFigures.Handler(_db, _clock).FunnelAsync(actor, period, ct))
                .Where(f => organisation is null || f.Organisation == organisation).ToList();
            progress?.Report("labour inspections");
            var (from, to) = (period.From, period.To);
            var inspections = await new InspectionStatistics.Handler(_db, _audit).FactsAsync(actor, from, to, ct);
            if (organisationIds is not null)
            {
                var ofOrganisation = (await _db.Inspections.AsNoTracking().Where(i => organisationIds.Contains(i.OrganisationId) && i.InspectedOn >= from && i.InspectedOn <= to)
                    .Select(i => i.Id).ToListAsync(ct)).ToHashSet();
                inspections = [.. inspections.Where(f => ofOrganisation.Contains(f.InspectionId))];
            }
            var byDistrict = InspectionStatistics.Tabulate(inspections, InspectionStatistics.Breakdown.District, from, to, suppressed: true);
            var bySector = InspectionStatistics.Tabulate(inspections, InspectionStatistics.Breakdown.Sector, from, to, suppressed: true);

            var scope = organisation is not null ? $"the cases and inspections of {organisation}"
                : actor.IsSystem ? "the cases and inspections of every organisation in this installation"
                : $"the cases and inspections visible to {await _db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "your organisation"}";
            var now = _clock.GetUtcNow().UtcDateTime;
            var figures = AnnualReportFigures.Build(period, scope, now, victims, offenders, routes, funnel, byDistrict, bySector, DistrictCatalogue.Pakistan);

            progress?.Report("drawing the PDF");
            var pdf = AnnualReportPdf.Render(blocks, figures);
            var pages = CountPages(pdf);
            _audit.Add(actor, "report.annual", "report", null,
                detail: $"{(period.IsCalendarYear ? "year" : "period")} {period.Code}{(organisation is null ? "" : ", organisation " + organisation)}, {(string.IsNullOrWhiteSpace(request.Template) ? "stored template" : "template given")}, {pages} pages, suppressed");
            await _db.SaveChangesAsync(ct);
            return new Response($"{(period.IsCalendarYear ? "annual-report" : "report")}-{period.Code}{(organisation is null ? "" : "-" + FileSafe(organisation))}.pdf", pdf, pages);
        }
    }

    private static string FileSafe(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    /// <summary>Pages in a PDF Skia wrote: its page objects ("/Type /Page", not "/Pages").</summary>
    private static int CountPages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Type /Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type /Page", i + 1, StringComparison.Ordinal))
        {
            if (i + 11 >= text.Length || text[i + 11] != 's')
            {
                count++;
            }
        }
        return count;
    }
}
