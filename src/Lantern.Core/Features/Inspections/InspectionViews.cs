using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Inspections;

/// <summary>A workplace as listed: no personal data (owner and operator names are on its own page only).</summary>
public sealed record WorkplaceSummary(Guid Id, string Kind, string Name, string Province, string District, string? Place, string Status, int Inspections, DateOnly? LastInspectedOn);

/// <summary>A workplace's page: details, owner and operator, and its inspection history (newest first).</summary>
public sealed record WorkplaceView(
    Guid Id, string Kind, string Name, string Province, string District, string? Place, double? Latitude, double? Longitude,
    string? OwnerName, string? OperatorName, string? RegistrationNumbers, string Status, DateTime CreatedAt, IReadOnlyList<InspectionSummary> History);

/// <summary>An inspection as listed: counts and actions, no narrative.</summary>
public sealed record InspectionSummary(
    Guid Id, string Reference, Guid WorkplaceId, string Workplace, string Kind, string District, DateOnly InspectedOn, bool Announced,
    int WorkersFound, int ChildrenFound, int Indicators, int WorkersReleased, bool Fir, DateOnly? FollowUpDue, bool FollowUpDone, Guid? CaseId);

/// <summary>One ILO indicator observed, with its note.</summary>
public sealed record IndicatorView(string Indicator, string? Note);

/// <summary>An inspection's page.</summary>
public sealed record InspectionView(
    Guid Id, string Reference, Guid WorkplaceId, string Workplace, string Kind, string Province, string District, DateOnly InspectedOn, bool Announced,
    IReadOnlyList<string> Inspectors, int Men, int Women, int Boys, int Girls, int WorkersFound, int ChildrenFound, IReadOnlyList<int> ChildAges,
    IReadOnlyList<IndicatorView> Indicators, long? PeshgiAmount, int? PeshgiWorkers, string? Findings,
    int WorkersReleased, string? ReleaseOrderReference, bool VigilanceCommitteeReferral, string? FirNumber, string? PoliceStation, int VictimsReferredToServices,
    DateOnly? FollowUpDue, Guid? FollowUpInspectionId, bool FollowUpOverdue, Guid? CaseId, string RecordedBy, DateTime RecordedAt);

/// <summary>A follow-up visit past its date and not made.</summary>
public sealed record OverdueFollowUp(Guid InspectionId, string Reference, Guid WorkplaceId, string Workplace, string District, DateOnly InspectedOn, DateOnly FollowUpDue, int DaysOverdue);

internal static class InspectionProjection
{
    public static InspectionSummary Summary(Inspection i, string workplace) => new(
        i.Id, i.Reference, i.WorkplaceId, workplace, Codes.Kebab(i.Kind), i.District, i.InspectedOn, i.Announced, i.WorkersFound, i.ChildrenFound,
        i.Indicators.Count, i.WorkersReleased, i.FirNumber is not null, i.FollowUpDue, i.FollowUpInspectionId is not null, i.CaseId?.Value);

    public static async Task<InspectionView> ViewAsync(AppDbContext db, Inspection i, DateOnly today, CancellationToken ct)
    {
        var ids = i.Inspectors.Select(x => x.UserId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Username).OrderBy(u => u).ToListAsync(ct);
        return new InspectionView(i.Id, i.Reference, i.WorkplaceId, i.Workplace.Name, Codes.Kebab(i.Kind), i.Province, i.District, i.InspectedOn, i.Announced,
            names, i.Men, i.Women, i.Boys, i.Girls, i.WorkersFound, i.ChildrenFound, i.ChildAgeList,
            i.Indicators.OrderBy(x => x.Indicator).Select(x => new IndicatorView(Codes.Kebab(x.Indicator), x.Note)).ToList(),
            i.PeshgiAmount, i.PeshgiWorkers, i.Findings, i.WorkersReleased, i.ReleaseOrderReference, i.VigilanceCommitteeReferral, i.FirNumber, i.PoliceStation,
            i.VictimsReferredToServices, i.FollowUpDue, i.FollowUpInspectionId, i.FollowUpOverdue(today), i.CaseId?.Value, i.RecordedBy, i.RecordedAt);
    }
}
