using System.Text.Json;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// One screened name and its details (field-encrypted): the population that is screened again when a list changes.
/// <see cref="SubjectKey"/> is a keyed hash of the input (id, name and details) so the same input screened again finds
/// its earlier alerts (suppression) without decrypting anything. <see cref="Hits"/> holds the hits of the last
/// screening (encrypted JSON), which the batch results are written from.
/// </summary>
public sealed class ScreenedSubject
{
    public const int MaxExternalIdLength = 64;

    private ScreenedSubject()
    {
    }

    internal ScreenedSubject(OrganisationId organisation, Guid? batch, string externalId, ScreeningSubject input, string subjectKey, Guid? profile, double threshold, UserId by, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        BatchId = batch;
        ExternalId = externalId;
        Name = input.Name;
        BirthDate = input.BirthDate;
        Nationality = input.Nationality;
        NationalId = input.NationalId;
        Passport = input.Passport;
        SubjectKey = subjectKey;
        ProfileId = profile;
        Threshold = threshold;
        SubmittedBy = by;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid? BatchId { get; private set; }
    public string ExternalId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? BirthDate { get; private set; }
    public string? Nationality { get; private set; }
    public string? NationalId { get; private set; }
    public string? Passport { get; private set; }
    public string SubjectKey { get; private set; } = "";
    public Guid? ProfileId { get; private set; }
    public double Threshold { get; private set; }
    public UserId SubmittedBy { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    /// <summary>When the subject was (last) screened; null while its batch waits.</summary>
    public DateTime? ScreenedAt { get; private set; }

    /// <summary>The hits of the last screening, JSON of <see cref="SubjectHit"/>. Encrypted.</summary>
    public string Hits { get; private set; } = "[]";

    public ScreeningSubject ToSubject() => new(Id.ToString(), Name, BirthDate, Nationality, NationalId, Passport);

    public IReadOnlyList<SubjectHit> HitList => JsonSerializer.Deserialize<List<SubjectHit>>(Hits) ?? [];

    internal void Screened(IEnumerable<SubjectHit> hits, DateTime now)
    {
        Hits = JsonSerializer.Serialize(hits.OrderByDescending(h => h.Score).ToList());
        ScreenedAt = now;
    }

    /// <summary>Adds or replaces the hits of the re-screened entries (re-screening sees only the changed entries).</summary>
    internal void Rescreened(IReadOnlyCollection<Guid> changedItems, IEnumerable<SubjectHit> hits, DateTime now)
    {
        var kept = HitList.Where(h => !changedItems.Contains(h.ItemId));
        Screened(kept.Concat(hits), now);
    }
}

/// <summary>A hit as kept on the subject for the results file.</summary>
public sealed record SubjectHit(Guid ListId, string ListName, Guid ItemId, string Entry, int EntryVersion, string ListVersion, double Score, string Explanation, bool IsChild);

/// <summary>
/// Per list, the list version up to which the screened population has been re-screened: re-screening takes only the
/// entries whose list version is above it.
/// </summary>
public sealed class ScreeningWatermark
{
    private ScreeningWatermark()
    {
    }

    internal ScreeningWatermark(Guid watchlistId)
    {
        WatchlistId = watchlistId;
    }

    public Guid WatchlistId { get; private set; }
    public int ListVersion { get; private set; }
    public DateTime? RescreenedAt { get; private set; }

    internal void Advance(int listVersion, DateTime now)
    {
        ListVersion = listVersion;
        RescreenedAt = now;
    }
}
