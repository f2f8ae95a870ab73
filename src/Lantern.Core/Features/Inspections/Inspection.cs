using Lantern.Core.Common;

namespace Lantern.Core.Features.Inspections;

/// <summary>
/// The ILO indicators of forced labour as an inspector records them on site (ILO, "Indicators of forced labour", 2012),
/// debt bondage including peshgi advances. The screening catalogue's labour indicators are finer; these are what an
/// inspection form asks.
/// </summary>
public enum ForcedLabourIndicator
{
    AbuseOfVulnerability, Deception, RestrictionOfMovement, Isolation, PhysicalAndSexualViolence, IntimidationAndThreats,
    RetentionOfIdentityDocuments, WithholdingOfWages, DebtBondage, AbusiveWorkingAndLivingConditions, ExcessiveOvertime,
}

/// <summary>
/// One visit of labour inspectors to a workplace: who went, whether announced, whom they found (by sex and age group;
/// children with their ages), the ILO indicators observed with a note each, and the actions taken: release of bonded
/// labourers under the Bonded Labour System (Abolition) Act 1992, referral to the district vigilance committee, FIR,
/// referral of victims to services, a follow-up visit. A case may be opened from it for the persons found.
/// </summary>
public sealed class Inspection
{
    public const int MaxFindingsLength = 8000;
    public const int MaxNoteLength = 1000;

    private readonly List<InspectionIndicator> _indicators = [];
    private readonly List<InspectionInspector> _inspectors = [];

    private Inspection()
    {
    }

    internal Inspection(OrganisationId organisation, Workplace workplace, ValidatedInspection v, IEnumerable<UserId> inspectors, string recordedBy, DateTime now)
    {
        Id = SequentialGuid.Next();
        Reference = "INS-" + v.InspectedOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + Id.ToString("N")[^6..].ToUpperInvariant();
        OrganisationId = organisation;
        WorkplaceId = workplace.Id;
        Province = workplace.Province;
        District = workplace.District;
        Kind = workplace.Kind;
        InspectedOn = v.InspectedOn;
        Announced = v.Announced;
        Men = v.Men;
        Women = v.Women;
        Boys = v.Boys;
        Girls = v.Girls;
        WorkersFound = v.WorkersFound;
        ChildrenFound = v.ChildrenFound;
        ChildAges = string.Join(',', v.ChildAges);
        PeshgiAmount = v.PeshgiAmount;
        PeshgiWorkers = v.PeshgiWorkers;
        Findings = v.Findings;
        WorkersReleased = v.WorkersReleased;
        ReleaseOrderReference = v.ReleaseOrderReference;
        VigilanceCommitteeReferral = v.VigilanceCommitteeReferral;
        FirNumber = v.FirNumber;
        PoliceStation = v.PoliceStation;
        VictimsReferredToServices = v.VictimsReferredToServices;
        FollowUpDue = v.FollowUpDue;
        RecordedBy = recordedBy;
        RecordedAt = now;
        foreach (var (indicator, note) in v.Indicators)
        {
            _indicators.Add(new InspectionIndicator(Id, indicator, note));
        }
        foreach (var user in inspectors.Distinct())
        {
            _inspectors.Add(new InspectionInspector(Id, user));
        }
    }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public OrganisationId OrganisationId { get; private set; }
    public Guid WorkplaceId { get; private set; }
    public Workplace Workplace { get; private set; } = null!;

    /// <summary>The workplace's province, district and kind when inspected: statistics and district scope read these.</summary>
    public string Province { get; private set; } = "";
    public string District { get; private set; } = "";
    public WorkplaceKind Kind { get; private set; }

    public DateOnly InspectedOn { get; private set; }
    public bool Announced { get; private set; }

    /// <summary>Adult workers found (18 and over), by sex.</summary>
    public int Men { get; private set; }
    public int Women { get; private set; }

    /// <summary>Workers under 18 found, by sex.</summary>
    public int Boys { get; private set; }
    public int Girls { get; private set; }
    public int WorkersFound { get; private set; }
    public int ChildrenFound { get; private set; }

    /// <summary>Ages of the children found, comma-separated (as many as were established).</summary>
    public string ChildAges { get; private set; } = "";

    /// <summary>Peshgi (advances) owed by the workers, in Pakistani rupees, when debt bondage is observed.</summary>
    public long? PeshgiAmount { get; private set; }
    public int? PeshgiWorkers { get; private set; }

    /// <summary>The inspectors' narrative: encrypted.</summary>
    public string? Findings { get; private set; }

    /// <summary>Bonded labourers released under the BLSA 1992 (section 6: the debt is extinguished).</summary>
    public int WorkersReleased { get; private set; }
    public string? ReleaseOrderReference { get; private set; }
    public bool VigilanceCommitteeReferral { get; private set; }
    public string? FirNumber { get; private set; }
    public string? PoliceStation { get; private set; }
    public int VictimsReferredToServices { get; private set; }
    public DateOnly? FollowUpDue { get; private set; }

    /// <summary>The later inspection of the same workplace that made the follow-up visit.</summary>
    public Guid? FollowUpInspectionId { get; private set; }
    public CaseId? CaseId { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public IReadOnlyList<InspectionIndicator> Indicators => _indicators;
    public IReadOnlyList<InspectionInspector> Inspectors => _inspectors;

    public IReadOnlyList<int> ChildAgeList => ChildAges.Length == 0 ? [] : ChildAges.Split(',').Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool FollowUpOverdue(DateOnly today) => FollowUpDue is { } due && due < today && FollowUpInspectionId is null;

    /// <summary>A later visit to the workplace is the follow-up visit this inspection asked for.</summary>
    internal void FollowedUpBy(Inspection later)
    {
        if (FollowUpDue is not null && FollowUpInspectionId is null && later.InspectedOn >= InspectedOn && later.Id != Id)
        {
            FollowUpInspectionId = later.Id;
        }
    }

    internal void LinkCase(CaseId caseId)
    {
        if (CaseId is not null)
        {
            throw new ConflictException("caseId", "A case was already opened from this inspection.");
        }
        CaseId = caseId;
    }
}

/// <summary>One ILO indicator observed, with what was seen (encrypted).</summary>
public sealed class InspectionIndicator
{
    private InspectionIndicator()
    {
    }

    internal InspectionIndicator(Guid inspectionId, ForcedLabourIndicator indicator, string? note)
    {
        Id = SequentialGuid.Next();
        InspectionId = inspectionId;
        Indicator = indicator;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public ForcedLabourIndicator Indicator { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>An inspector who took part in the visit.</summary>
public sealed class InspectionInspector
{
    private InspectionInspector()
    {
    }

    internal InspectionInspector(Guid inspectionId, UserId userId)
    {
        InspectionId = inspectionId;
        UserId = userId;
    }

    public Guid InspectionId { get; private set; }
    public UserId UserId { get; private set; }
}

/// <summary>
/// A district a user works in. Labour inspectors see the workplaces and inspections of their districts (and the cases
/// opened from them) and nothing else; an inspector with no district sees none. Set by administrators.
/// </summary>
public sealed class UserDistrict
{
    private UserDistrict()
    {
    }

    internal UserDistrict(UserId userId, string district)
    {
        UserId = userId;
        District = district;
    }

    public UserId UserId { get; private set; }
    public string District { get; private set; } = "";
}
