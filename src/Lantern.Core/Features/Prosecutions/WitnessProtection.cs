using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// Court protection of a victim or witness (PTPA s.11, s.12): a pseudonym, and evidence in camera, from behind a
/// screen or by video link. Every court document Lantern prints names a protected witness by the pseudonym only.
/// </summary>
public sealed class WitnessProtection
{
    private WitnessProtection()
    {
    }

    internal WitnessProtection(CaseParticipant participant, DateTime now)
    {
        if (participant.Role is not (CaseRole.Victim or CaseRole.Witness or CaseRole.Complainant))
        {
            throw new ValidationException("participantId", "Protection applies to a victim, witness or complainant.");
        }
        Id = SequentialGuid.Next();
        CaseId = participant.CaseId;
        ParticipantId = participant.Id;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public Guid ParticipantId { get; private set; }
    public string Pseudonym { get; private set; } = "";
    public bool InCamera { get; private set; }
    public bool Screen { get; private set; }
    public bool VideoLink { get; private set; }
    public DateOnly? OrderedOn { get; private set; }
    public string? OrderReference { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> Measures =>
        [.. InCamera ? ["in camera"] : Array.Empty<string>(), .. Screen ? ["screen"] : Array.Empty<string>(), .. VideoLink ? ["video link"] : Array.Empty<string>()];

    public void Set(string? pseudonym, bool inCamera, bool screen, bool videoLink, DateOnly? orderedOn, string? orderReference, DateOnly today, DateTime now)
    {
        var name = pseudonym?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 40 || !name.All(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '.'))
        {
            throw new ValidationException("pseudonym", "A pseudonym such as \"Witness A\": letters, digits, spaces, - and . only, at most 40 characters.");
        }
        if (orderedOn > today)
        {
            throw new ValidationException("orderedOn", "The order cannot be in the future.");
        }
        Pseudonym = name;
        InCamera = inCamera;
        Screen = screen;
        VideoLink = videoLink;
        OrderedOn = orderedOn;
        OrderReference = TextRules.Place(orderReference, "orderReference", 100);
        UpdatedAt = now;
    }
}
