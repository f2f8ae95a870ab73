using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Intelligence;

/// <summary>Source reliability of the 4x4 evaluation (Europol practice): A, B, C, or X when it cannot be judged.</summary>
public enum SourceReliability { A, B, C, X }

/// <summary>Information accuracy of the 4x4 evaluation: 1 to 4.</summary>
public enum InformationAccuracy { One = 1, Two = 2, Three = 3, Four = 4 }

/// <summary>Handling code: what may be done with the item, as set by its originator.</summary>
public enum HandlingCode { H0, H1, H2, H3 }

/// <summary>
/// A piece of intelligence attached to a case: free text (encrypted) graded by source reliability and information
/// accuracy, with a handling code. Seen by the organisation that recorded it; an organisation the case is shared with
/// sees H0 items only (see docs/decisions/0010-evidence-register.md).
/// </summary>
public sealed class IntelligenceItem
{
    public const int MaxTextLength = 8000;

    private IntelligenceItem()
    {
    }

    internal IntelligenceItem(Case @case, int number, OrganisationId organisation, string text, SourceReliability source, InformationAccuracy accuracy,
        HandlingCode handling, string? conditions, string username, DateTime now)
    {
        if (handling == HandlingCode.H3 && string.IsNullOrWhiteSpace(conditions))
        {
            throw new ValidationException("handlingConditions", "H3 means other restrictions apply: state them.");
        }
        Id = SequentialGuid.Next();
        CaseId = @case.Id;
        Case = @case;
        Number = number;
        OrganisationId = organisation;
        Text = text;
        Source = source;
        Accuracy = accuracy;
        Handling = handling;
        HandlingConditions = conditions;
        RecordedBy = username;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public int Number { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public string Text { get; private set; } = "";
    public SourceReliability Source { get; private set; }
    public InformationAccuracy Accuracy { get; private set; }
    public HandlingCode Handling { get; private set; }
    public string? HandlingConditions { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public string Label => string.Create(CultureInfo.InvariantCulture, $"I-{Number}");

    /// <summary>The grading as it is shown everywhere: "B2 · H1".</summary>
    public string Grading => IntelligenceGrading.Format(Source, Accuracy, Handling);

    /// <summary>
    /// Whether the item may appear outside the recording organisation (a case shared with another organisation, an
    /// export, a court document): only H0. H1 is never evidence without the source's permission, H2 never leaves
    /// without the originator's permission, and H3 carries its own restrictions; Lantern records no such permission,
    /// so it never lets those items out.
    /// </summary>
    public bool MayLeaveOrganisation => Handling == HandlingCode.H0;
}

/// <summary>The meaning of each grade and code, as the forms, pages, API and CLI explain them.</summary>
public static class IntelligenceGrading
{
    public static string Format(SourceReliability source, InformationAccuracy accuracy, HandlingCode handling) =>
        string.Create(CultureInfo.InvariantCulture, $"{source}{(int)accuracy} · {handling}");

    public static string Meaning(SourceReliability source) => source switch
    {
        SourceReliability.A => "A: no doubt about the source's authenticity, trustworthiness and competence, or always reliable in the past",
        SourceReliability.B => "B: the source has proved reliable in most instances",
        SourceReliability.C => "C: the source has proved unreliable in most instances",
        SourceReliability.X => "X: the reliability of the source cannot be judged",
    };

    public static string Meaning(InformationAccuracy accuracy) => accuracy switch
    {
        InformationAccuracy.One => "1: known to be true without reservation",
        InformationAccuracy.Two => "2: known personally to the source but not to the officer passing it on",
        InformationAccuracy.Three => "3: not known personally to the source but corroborated by information already recorded",
        InformationAccuracy.Four => "4: not known personally to the source and cannot be corroborated",
    };

    public static string Meaning(HandlingCode handling) => handling switch
    {
        HandlingCode.H0 => "H0: may be disseminated within law enforcement (and to organisations the case is shared with)",
        HandlingCode.H1 => "H1: not to be used as evidence in court without the source's permission",
        HandlingCode.H2 => "H2: not to be disseminated without the originator's permission",
        HandlingCode.H3 => "H3: other restrictions apply, as stated with the item",
    };

    public static SourceReliability ParseSource(string? value) =>
        Enum.TryParse<SourceReliability>(value?.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && value!.Trim().Length == 1 && char.IsLetter(value.Trim()[0])
            ? s
            : throw new ValidationException("sourceReliability", "Source reliability is A, B, C or X.");

    public static InformationAccuracy ParseAccuracy(string? value) =>
        value?.Trim() is "1" or "2" or "3" or "4"
            ? (InformationAccuracy)int.Parse(value.Trim(), CultureInfo.InvariantCulture)
            : throw new ValidationException("informationAccuracy", "Information accuracy is 1, 2, 3 or 4.");

    public static HandlingCode ParseHandling(string? value) =>
        value?.Trim().ToUpperInvariant() is "H0" or "H1" or "H2" or "H3"
            ? Enum.Parse<HandlingCode>(value.Trim().ToUpperInvariant())
            : throw new ValidationException("handlingCode", "The handling code is H0, H1, H2 or H3.");
}
