using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Referrals;

/// <summary>
/// The child safeguards of one victim: a guardian (or why none is available) and a best-interests assessment
/// (CoE art. 28(3); the best interests of the child are a primary consideration). Both are needed before a
/// referral of a child can be sent.
/// </summary>
public sealed class ChildSafeguards
{
    private ChildSafeguards()
    {
    }

    internal ChildSafeguards(CaseParticipant victim)
    {
        Id = SequentialGuid.Next();
        CaseId = victim.CaseId;
        ParticipantId = victim.Id;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public string? GuardianName { get; private set; }
    public string? GuardianRelation { get; private set; }
    public string? NoGuardianReason { get; private set; }
    public DateTime? GuardianRecordedAt { get; private set; }
    public DateOnly? AssessedOn { get; private set; }
    public string? AssessedBy { get; private set; }
    public string? AssessmentSummary { get; private set; }
    public DateTime? AssessmentRecordedAt { get; private set; }

    public bool HasGuardianOrReason => GuardianName is not null || NoGuardianReason is not null;

    public bool HasBestInterestsAssessment => AssessedOn is not null;

    public void RecordGuardian(string? name, string? relation, string? noGuardianReason, DateTime now)
    {
        if (name is null && noGuardianReason is null)
        {
            throw new ValidationException("guardianName", "Name the guardian, or say why none is available.");
        }
        if (name is not null && relation is null)
        {
            throw new ValidationException("guardianRelation", "Say how the guardian is related to the child (or their legal role).");
        }
        GuardianName = name;
        GuardianRelation = name is null ? null : relation;
        NoGuardianReason = name is null ? noGuardianReason : null;
        GuardianRecordedAt = now;
    }

    public void RecordBestInterests(DateOnly on, string by, string summary, DateTime now)
    {
        if (on > DateOnly.FromDateTime(now))
        {
            throw new ValidationException("assessedOn", "The assessment date cannot be in the future.");
        }
        AssessedOn = on;
        AssessedBy = by;
        AssessmentSummary = summary;
        AssessmentRecordedAt = now;
    }
}

/// <summary>
/// The recovery and reflection period of a presumed victim (CoE art. 13: at least 30 days once there are reasonable
/// grounds): no removal while it runs. The length is configurable per victim; 30 days unless said otherwise.
/// </summary>
public sealed class ReflectionPeriod
{
    public const int DefaultDays = 30;

    private ReflectionPeriod()
    {
    }

    internal ReflectionPeriod(CaseParticipant victim)
    {
        Id = SequentialGuid.Next();
        CaseId = victim.CaseId;
        ParticipantId = victim.Id;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public int Days { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public bool IsRunning(DateOnly today) => today >= StartsOn && today <= EndsOn;

    public void Set(DateOnly startsOn, int days, string by, DateTime now)
    {
        if (days is < 1 or > 365)
        {
            throw new ValidationException("days", "A reflection period lasts between 1 and 365 days (at least 30 under the Council of Europe Convention).");
        }
        StartsOn = startsOn;
        Days = days;
        EndsOn = startsOn.AddDays(days - 1);
        RecordedBy = by;
        RecordedAt = now;
    }
}

/// <summary>The individual support plan of a victim (HTCDS spl_): objectives, actions with owners and dates, planned and actual end.</summary>
public sealed class SupportPlan
{
    public const int MaxTextLength = 4000;

    private readonly List<SupportAction> _actions = [];

    private SupportPlan()
    {
    }

    internal SupportPlan(CaseParticipant victim, DateTime now)
    {
        Id = SequentialGuid.Next();
        CaseId = victim.CaseId;
        ParticipantId = victim.Id;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public string? Objectives { get; private set; }
    public DateOnly? PlannedEnd { get; private set; }
    public DateOnly? ActualEnd { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<SupportAction> Actions => _actions;

    public void Update(string? objectives, DateOnly? plannedEnd, DateOnly? actualEnd, DateTime now)
    {
        if (objectives is null)
        {
            throw new ValidationException("objectives", "A support plan needs objectives.");
        }
        if (actualEnd is not null && actualEnd > DateOnly.FromDateTime(now))
        {
            throw new ValidationException("actualEnd", "The actual end cannot be in the future.");
        }
        Objectives = objectives;
        PlannedEnd = plannedEnd;
        ActualEnd = actualEnd;
        UpdatedAt = now;
    }

    public SupportAction AddAction(string description, string owner, DateOnly? startsOn, DateOnly? dueOn, DateTime now)
    {
        if (startsOn is not null && dueOn is not null && dueOn < startsOn)
        {
            throw new ValidationException("dueOn", "An action cannot be due before it starts.");
        }
        var action = new SupportAction(Id, description, owner, startsOn, dueOn);
        _actions.Add(action);
        UpdatedAt = now;
        return action;
    }

    public void CompleteAction(Guid actionId, DateOnly doneOn, DateTime now)
    {
        var action = _actions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("The action");
        action.Complete(doneOn);
        UpdatedAt = now;
    }
}

public sealed class SupportAction
{
    private SupportAction()
    {
    }

    internal SupportAction(Guid planId, string description, string owner, DateOnly? startsOn, DateOnly? dueOn)
    {
        Id = SequentialGuid.Next();
        PlanId = planId;
        Description = description;
        Owner = owner;
        StartsOn = startsOn;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public string Description { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    internal void Complete(DateOnly doneOn) => DoneOn = doneOn;
}
