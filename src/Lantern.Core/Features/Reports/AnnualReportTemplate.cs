using Lantern.Core.Common;

namespace Lantern.Core.Features.Reports;

/// <summary>
/// An organisation's own copy of the annual report template, edited by its administrator (<c>reports.template.manage</c>).
/// Without one the bundled default (<see cref="ReportTemplate.Default"/>) is used. The text is checked
/// (<see cref="ReportTemplate.Parse"/>) before it is kept, so a stored template always renders.
/// </summary>
public sealed class AnnualReportTemplate
{
    private AnnualReportTemplate()
    {
    }

    internal AnnualReportTemplate(OrganisationId organisationId, string text, string username, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisationId;
        Change(text, username, now);
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The template (free text written by an administrator: encrypted like other free text).</summary>
    public string Text { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    internal void Change(string text, string username, DateTime now)
    {
        ReportTemplate.Parse(text);
        Text = text;
        UpdatedBy = username;
        UpdatedAt = now;
    }
}
