using System.Globalization;
using System.Security.Cryptography;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// A report to the tip line: from the public web form (no account, nothing that identifies the reporter's device) or
/// a phone call an operator recorded. It sits in the hotline organisation's triage queue until it is closed: assigned,
/// marked urgent, linked to a case or turned into one. A tip from the public beyond the hourly cap lands in the
/// overflow bucket, read after the queue, so a flood cannot push real reports out of sight (ADR 0018).
/// </summary>
public sealed class Tip
{
    public const int MaxTextLength = 4000;
    public const int MaxPlaceLength = 200;
    public const int MaxWhenLength = 200;
    public const int MaxContactLength = 300;
    public const int MaxPeople = 10_000;

    private readonly List<TipAddition> _additions = [];

    private Tip()
    {
    }

    internal Tip(OrganisationId organisation, TipChannel channel, TipBucket bucket, TipReport report, string phraseHash, TipCall? call, string? recordedBy, DateTime now)
    {
        Id = SequentialGuid.Next();
        Number = NewNumber();
        OrganisationId = organisation;
        Channel = channel;
        Bucket = bucket;
        ReceivedAt = call?.StartedAt ?? now;
        WhatHappened = report.WhatHappened;
        Province = report.Province;
        District = report.District;
        Place = report.Place;
        WhenHappened = report.WhenHappened;
        Children = report.Children;
        PeopleCount = report.PeopleCount;
        ContactConsent = report.Contact is not null;
        Contact = report.Contact;
        PhraseHash = phraseHash;
        CallDurationMinutes = call?.DurationMinutes;
        CallLanguage = call?.Language;
        RecordedBy = recordedBy;
        Urgent = report.Children == ChildrenAtRisk.ImmediateDanger;
        State = TipState.New;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>What the reporter quotes to add information: random, so it reveals nothing about how many tips there are.</summary>
    public string Number { get; private set; } = "";

    /// <summary>The hotline organisation that received the tip; only its users see it.</summary>
    public OrganisationId OrganisationId { get; private set; }

    public TipChannel Channel { get; private set; }
    public TipBucket Bucket { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public string WhatHappened { get; private set; } = "";
    public TipProvince Province { get; private set; }
    public string? District { get; private set; }
    public string? Place { get; private set; }
    public string? WhenHappened { get; private set; }
    public ChildrenAtRisk Children { get; private set; }
    public int? PeopleCount { get; private set; }
    public bool ContactConsent { get; private set; }

    /// <summary>How to reach the reporter, kept only with their explicit consent; encrypted.</summary>
    public string? Contact { get; private set; }

    /// <summary>PBKDF2 of the reporter's secret phrase; the phrase itself is shown once and never stored.</summary>
    public string PhraseHash { get; private set; } = "";

    public int? CallDurationMinutes { get; private set; }
    public string? CallLanguage { get; private set; }

    /// <summary>The operator who recorded a phone call; null for the public form.</summary>
    public string? RecordedBy { get; private set; }

    public TipState State { get; private set; }
    public bool Urgent { get; private set; }
    public UserId? AssignedToUserId { get; private set; }
    public string? AssignedToUsername { get; private set; }
    public CaseId? CaseId { get; private set; }
    public DateTime? FirstTriagedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public TipCloseReason? CloseReason { get; private set; }
    public string? CloseNote { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Application-managed concurrency token: two triagers acting at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TipAddition> Additions => _additions;

    public bool IsOpen => State != TipState.Closed;

    public bool ChildAtImmediateRisk => Children == ChildrenAtRisk.ImmediateDanger;

    public void Assign(UserId user, string username, DateTime now)
    {
        EnsureOpen();
        AssignedToUserId = user;
        AssignedToUsername = username;
        Triaged(now);
    }

    /// <summary>Marks the tip urgent; with <paramref name="childAtImmediateRisk"/> the triager says a child is in danger now.</summary>
    public void MarkUrgent(bool urgent, bool childAtImmediateRisk, DateTime now)
    {
        EnsureOpen();
        Urgent = urgent || childAtImmediateRisk;
        if (childAtImmediateRisk)
        {
            Children = ChildrenAtRisk.ImmediateDanger;
        }
        Triaged(now);
    }

    public void LinkTo(CaseId @case, DateTime now)
    {
        EnsureOpen();
        CaseId = @case;
        Triaged(now);
    }

    public void Close(TipCloseReason reason, string? note, DateTime now)
    {
        EnsureOpen();
        if (reason is TipCloseReason.LinkedToCase or TipCloseReason.CaseOpened && CaseId is null)
        {
            throw new ValidationException("reason", "This tip is not linked to a case; link it or open a case from it first, or choose another reason.");
        }
        CloseReason = reason;
        CloseNote = note;
        ClosedAt = now;
        State = TipState.Closed;
        Triaged(now);
    }

    /// <summary>More information from the reporter (with the tip number and phrase) or from the operator on a later call.</summary>
    public TipAddition Add(string text, bool fromReporter, DateTime now)
    {
        var addition = new TipAddition(Id, text, fromReporter, null, now);
        _additions.Add(addition);
        UpdatedAt = now;
        Version++;
        return addition;
    }

    /// <summary>
    /// A note by the hotline team (what was checked, who was called): kept with the tip, never shown to the reporter.
    /// Allowed on a closed tip too, so what happened after closing can still be written down.
    /// </summary>
    public TipAddition AddNote(string text, string author, DateTime now)
    {
        var note = new TipAddition(Id, text, false, author, now);
        _additions.Add(note);
        UpdatedAt = now;
        Version++;
        return note;
    }

    private void Triaged(DateTime now)
    {
        FirstTriagedAt ??= now;
        if (State == TipState.New)
        {
            State = TipState.InTriage;
        }
        UpdatedAt = now;
        Version++;
    }

    private void EnsureOpen()
    {
        if (State == TipState.Closed)
        {
            throw new ConflictException("state", "This tip is closed.");
        }
    }

    /// <summary>"T-" and eight random digits in two groups: easy to read out over the phone.</summary>
    internal static string NewNumber()
    {
        var n = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000);
        var digits = n.ToString(CultureInfo.InvariantCulture);
        return "T-" + digits[..4] + "-" + digits[4..];
    }

    internal void Renumber() => Number = NewNumber();
}

/// <summary>What the reporter said, validated (<see cref="TipInput"/>).</summary>
public sealed record TipReport(string WhatHappened, TipProvince Province, string? District, string? Place, string? WhenHappened, ChildrenAtRisk Children, int? PeopleCount, string? Contact);

/// <summary>Metadata of a phone call an operator recorded.</summary>
public sealed record TipCall(DateTime StartedAt, int DurationMinutes, string Language);

public sealed class TipAddition
{
    private TipAddition()
    {
    }

    internal TipAddition(Guid tip, string text, bool fromReporter, string? author, DateTime at)
    {
        Id = SequentialGuid.Next();
        TipId = tip;
        Text = text;
        FromReporter = fromReporter;
        Author = author;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid TipId { get; private set; }
    public string Text { get; private set; } = "";
    public bool FromReporter { get; private set; }

    /// <summary>The staff member who wrote a note; null for what the reporter added.</summary>
    public string? Author { get; private set; }

    public DateTime At { get; private set; }
}

/// <summary>An alert to a supervisor on duty that a tip says a child is in danger now. Without anyone on duty it goes to every supervisor of the organisation.</summary>
public sealed class TipAlert
{
    private TipAlert()
    {
    }

    internal TipAlert(Tip tip, UserId? supervisor, DateTime now)
    {
        Id = SequentialGuid.Next();
        TipId = tip.Id;
        OrganisationId = tip.OrganisationId;
        SupervisorUserId = supervisor;
        RaisedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid TipId { get; private set; }
    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The supervisor on duty the alert was raised to; null when nobody was on duty (every supervisor sees it).</summary>
    public UserId? SupervisorUserId { get; private set; }

    public DateTime RaisedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public void Acknowledge(string username, DateTime now)
    {
        AcknowledgedAt ??= now;
        AcknowledgedBy ??= username;
    }
}

/// <summary>A supervisor (tips.supervise) who has said they are on duty for the tip line, since when.</summary>
public sealed class TipDuty
{
    private TipDuty()
    {
    }

    internal TipDuty(UserId user, OrganisationId organisation, DateTime since)
    {
        UserId = user;
        OrganisationId = organisation;
        Since = since;
    }

    public UserId UserId { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public DateTime Since { get; private set; }
}

/// <summary>The installation's tip-line settings: one row. Absent, the defaults apply.</summary>
public sealed class TipLineSettings
{
    public const int SingletonId = 1;
    public const int DefaultHourlyCap = 60;

    private TipLineSettings()
    {
    }

    internal TipLineSettings(OrganisationId? hotline, int hourlyCap)
    {
        Id = SingletonId;
        HotlineOrganisationId = hotline;
        HourlyCap = hourlyCap;
    }

    public int Id { get; private set; }

    /// <summary>The organisation whose queue public tips reach; null: the first law-enforcement organisation.</summary>
    public OrganisationId? HotlineOrganisationId { get; private set; }

    /// <summary>Public tips per hour that go to the queue; beyond it they go to the overflow bucket.</summary>
    public int HourlyCap { get; private set; }

    internal void Set(OrganisationId? hotline, int hourlyCap)
    {
        HotlineOrganisationId = hotline;
        HourlyCap = hourlyCap;
    }
}

public enum TipChannel { Web, Phone }

public enum TipBucket { Queue, Overflow }

public enum TipState { New, InTriage, Closed }

public enum ChildrenAtRisk { DontKnow, No, Yes, ImmediateDanger }

public enum TipCloseReason { CaseOpened, LinkedToCase, ReferredElsewhere, NotTrafficking, InsufficientInformation, Duplicate, Malicious }

public enum TipProvince
{
    DontKnow, Punjab, Sindh, KhyberPakhtunkhwa, Balochistan, IslamabadCapitalTerritory, GilgitBaltistan, AzadJammuAndKashmir, Abroad,
}
