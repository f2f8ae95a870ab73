using Lantern.Core.Auditing;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// Reads and changes the organisation's annual report template (<c>reports.template.manage</c>, administrators).
/// Saving checks the template first: an unknown placeholder is refused naming it, and nothing is kept.
/// Resetting removes the organisation's copy, so the bundled default applies again.
/// </summary>
public static class ManageReportTemplate
{
    /// <summary>The template in use; <c>IsDefault</c> when the organisation has no copy of its own and the bundled default applies; the names a template may use.</summary>
    public sealed record Response(string Text, bool IsDefault, string? UpdatedBy, DateTime? UpdatedAt, IReadOnlyList<string> Values,
        IReadOnlyList<string> Tables, IReadOnlyList<string> Charts, IReadOnlyList<string> Maps);

    /// <param name="Text">The new template; ignored when <paramref name="Reset"/>.</param>
    /// <param name="Reset">Go back to the bundled default.</param>
    public sealed record Request(string? Text, bool Reset = false);

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

        public async Task<Response> Get(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReportsTemplateManage);
            var own = await _db.AnnualReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrganisationId == actor.OrganisationId, ct);
            return Project(own);
        }

        public async Task<Response> Save(Actor actor, Request request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ReportsTemplateManage);
            var own = await _db.AnnualReportTemplates.FirstOrDefaultAsync(t => t.OrganisationId == actor.OrganisationId, ct);
            var now = _clock.GetUtcNow().UtcDateTime;
            if (request.Reset)
            {
                if (own is not null)
                {
                    _db.AnnualReportTemplates.Remove(own);
                }
                _audit.Add(actor, "report.template.reset", "annual_report_template", own?.Id.ToString());
                await _db.SaveChangesAsync(ct);
                return Project(null);
            }
            ReportTemplate.Parse(request.Text);
            if (own is null)
            {
                own = new AnnualReportTemplate(actor.OrganisationId, request.Text!, actor.Username, now);
                _db.AnnualReportTemplates.Add(own);
            }
            else
            {
                own.Change(request.Text!, actor.Username, now);
            }
            _audit.Add(actor, "report.template.save", "annual_report_template", own.Id.ToString(), detail: $"{request.Text!.Length} characters");
            await _db.SaveChangesAsync(ct);
            return Project(own);
        }

        /// <summary>The template the actor's organisation uses: its own copy or the bundled default (no permission needed beyond the caller's).</summary>
        internal async Task<string> InUseAsync(Actor actor, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            // The whole entity, not a projection of Text: protected fields are decrypted when an entity is materialised.
            var own = await _db.AnnualReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.OrganisationId == actor.OrganisationId, ct);
            return own?.Text ?? ReportTemplate.Default;
        }
    }

    private static Response Project(AnnualReportTemplate? own) =>
        new(own?.Text ?? ReportTemplate.Default, own is null, own?.UpdatedBy, own?.UpdatedAt, ReportTemplate.Values, ReportTemplate.Tables, ReportTemplate.Charts, ReportTemplate.Maps);
}
