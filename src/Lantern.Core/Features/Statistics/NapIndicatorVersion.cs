namespace Lantern.Core.Features.Statistics;

/// <summary>
/// One version of a National Action Plan indicator's definition. A change never overwrites: it adds the next version,
/// so the history of every target and filter stays readable. The indicators in force are the newest version of each
/// code that is not retired. National reference data, like population figures: not scoped to an organisation (the
/// figures computed from a definition are scoped to whoever asks).
/// </summary>
public sealed class NapIndicatorVersion
{
    private NapIndicatorVersion()
    {
    }

    internal NapIndicatorVersion(Guid id, NapIndicatorDefinition definition, int version, string savedBy, DateTime savedAt)
    {
        Id = id;
        Code = definition.Code;
        Version = version;
        Title = definition.Title;
        Definition = definition.ToJson();
        Retired = definition.Retired;
        SavedBy = savedBy;
        SavedAt = savedAt;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The definition's canonical JSON (<see cref="NapIndicatorDefinition.ToJson"/>).</summary>
    public string Definition { get; private set; } = "";

    public bool Retired { get; private set; }
    public string SavedBy { get; private set; } = "";
    public DateTime SavedAt { get; private set; }

    internal NapIndicatorDefinition Parsed() => NapIndicatorDefinition.Parse(Definition);
}
