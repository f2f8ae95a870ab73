using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// A time limit as data: <see cref="DueStage"/> should start within <see cref="Days"/> days of the start of
/// <see cref="AnchorStage"/> (e.g. FIR registered + 17 days: interim report, CrPC s.173(1)). Administrators edit the
/// rules; the bundled defaults (Reference/deadline-rules.json) are stored on first use.
/// </summary>
public sealed class DeadlineRule
{
    private DeadlineRule()
    {
    }

    internal DeadlineRule(string name, ProceedingStage anchor, int days, ProceedingStage due, string basis, string verification, bool active, Guid? id = null)
    {
        Id = id ?? SequentialGuid.Next();
        Set(name, anchor, days, due, basis, verification, active);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ProceedingStage AnchorStage { get; private set; }
    public int Days { get; private set; }
    public ProceedingStage DueStage { get; private set; }
    public string Basis { get; private set; } = "";
    public string Verification { get; private set; } = "";
    public bool Active { get; private set; }

    public void Set(string? name, ProceedingStage anchor, int days, ProceedingStage due, string? basis, string? verification, bool active)
    {
        if (due <= anchor)
        {
            throw new ValidationException("dueStage", $"The due stage must come after {anchor}.");
        }
        if (days is < 1 or > 3650)
        {
            throw new ValidationException("days", "Days between 1 and 3650.");
        }
        Name = TextRules.FreeText(name, "name", 200) ?? throw new ValidationException("name", "Name the rule.");
        AnchorStage = anchor;
        Days = days;
        DueStage = due;
        Basis = TextRules.FreeText(basis, "basis", 1000) ?? throw new ValidationException("basis", "Say what the rule rests on (a section, an order, office practice).");
        Verification = verification is not null && OffenceCatalogue.Verifications.Contains(verification) ? verification
            : throw new ValidationException("verification", $"One of {string.Join(", ", OffenceCatalogue.Verifications)}.");
        Active = active;
    }

    /// <summary>The deadline this rule sets in a proceeding; null when its anchor stage has not started.</summary>
    public Deadline? For(Proceeding proceeding, DateOnly today)
    {
        if (proceeding.Stage(AnchorStage) is not { } anchor)
        {
            return null;
        }
        var due = anchor.StartedOn.AddDays(Days);
        // Met when the due stage, or any later one, has started (a challan within 14 days needs no interim report).
        var met = proceeding.Stages.Where(s => s.Stage >= DueStage).OrderBy(s => s.StartedOn).FirstOrDefault();
        var status = met is not null ? (met.StartedOn <= due ? DeadlineStatus.Met : DeadlineStatus.MetLate)
            : proceeding.IsEndedEarly ? DeadlineStatus.Moot
            : today > due ? DeadlineStatus.Overdue
            : DeadlineStatus.Open;
        return new Deadline(Id, Name, AnchorStage, DueStage, due, status, met?.StartedOn, status == DeadlineStatus.Overdue ? today.DayNumber - due.DayNumber : 0,
            anchor.ResponsibleUserId?.Value, Basis, Verification);
    }

    internal static IReadOnlyList<DeadlineRule> Bundled()
    {
        using var stream = typeof(DeadlineRule).Assembly.GetManifestResourceStream("Lantern.Core.Features.Prosecutions.Reference.deadline-rules.json")
            ?? throw new InvalidOperationException("The bundled deadline rules are not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = JsonSerializer.Deserialize<List<BundledRule>>(reader.ReadToEnd(), JsonOptions) ?? [];
        return rows.Select(r => new DeadlineRule(r.Name, r.AnchorStage, r.Days, r.DueStage, r.Basis, r.Verification, r.Active, r.Id)).ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record BundledRule(Guid Id, string Name, ProceedingStage AnchorStage, int Days, ProceedingStage DueStage, string Basis, string Verification, bool Active);
}

public enum DeadlineStatus { Open, Overdue, Met, MetLate, Moot }

public sealed record Deadline(Guid RuleId, string Rule, ProceedingStage AnchorStage, ProceedingStage DueStage, DateOnly DueOn, DeadlineStatus Status,
    DateOnly? MetOn, int DaysOverdue, Guid? ResponsibleUserId, string Basis, string Verification);
