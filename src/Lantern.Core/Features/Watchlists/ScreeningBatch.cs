using Lantern.Core.Common;

namespace Lantern.Core.Features.Watchlists;

public enum ScreeningBatchStatus { Queued, Running, Done, Failed }

/// <summary>
/// A file of names screened in the background (a passenger manifest, a register of promoters): its subjects are
/// recorded when it is submitted, then screened in chunks while <see cref="Done"/> counts up.
/// </summary>
public sealed class ScreeningBatch
{
    public const int MaxFileNameLength = 200;

    private ScreeningBatch()
    {
    }

    internal ScreeningBatch(OrganisationId organisation, Guid? profile, string? fileName, int total, UserId by, string byName, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        ProfileId = profile;
        FileName = TextRules.FreeText(fileName, "file", MaxFileNameLength) ?? "batch.csv";
        Total = total;
        SubmittedBy = by;
        SubmittedByName = byName;
        SubmittedAt = now;
        Status = ScreeningBatchStatus.Queued;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid? ProfileId { get; private set; }
    public string FileName { get; private set; } = "";
    public UserId SubmittedBy { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
    public ScreeningBatchStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Done { get; private set; }
    public int Hits { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    internal void Progress(int screened, int hits)
    {
        Status = ScreeningBatchStatus.Running;
        Done += screened;
        Hits += hits;
    }

    internal void Finish(DateTime now)
    {
        Status = ScreeningBatchStatus.Done;
        FinishedAt = now;
    }

    internal void Fail(DateTime now)
    {
        Status = ScreeningBatchStatus.Failed;
        FinishedAt = now;
    }
}
