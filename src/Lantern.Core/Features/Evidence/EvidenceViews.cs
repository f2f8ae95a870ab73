namespace Lantern.Core.Features.Evidence;

/// <summary>One entry of the chain of custody, as shown in the log.</summary>
public sealed record CustodyEntryView(int Sequence, DateTime At, string From, string To, string Reason, string? Place, string? Condition, string? SealNumber, string RecordedBy, DateTime RecordedAt);

/// <summary>An exhibit with its custody log. <see cref="IntegrityIntact"/> false means the last check found the content changed.</summary>
public sealed record EvidenceItemView(
    Guid Id, Guid CaseId, string CaseReference, string Label, string Title, string? Description, EvidenceKind Kind,
    DateOnly? CollectedOn, string? CollectedBy, string? CollectedWhere, string? SealNumber,
    string? OriginalFileName, string? ContentType, long? Size, string? Sha256, bool HasFile, bool HasPreview,
    string RecordedBy, DateTime RecordedAt, string CurrentHolder, DateTime? IntegrityCheckedAt, bool? IntegrityIntact,
    IReadOnlyList<CustodyEntryView> Custody);

/// <summary>A line of a case's evidence register: no description, no file name, no content.</summary>
public sealed record EvidenceListItem(
    Guid Id, string Label, string Title, EvidenceKind Kind, string? ContentType, long? Size, string? Sha256, bool HasPreview,
    string CurrentHolder, int CustodyEntries, DateTime LastCustodyAt, DateTime? IntegrityCheckedAt, bool? IntegrityIntact, DateTime RecordedAt);

public sealed record EvidenceRegister(Guid CaseId, string CaseReference, IReadOnlyList<EvidenceListItem> Items, long MaxUploadBytes, bool CanAdd, bool CanTransfer);

/// <summary>File content released after its integrity was checked.</summary>
public sealed record EvidenceContent(string FileName, string ContentType, byte[] Content, string Sha256);

/// <summary>The outcome of re-hashing one exhibit.</summary>
public sealed record IntegrityResult(Guid Id, string Label, string Title, bool HasFile, bool Intact, string? Expected, string? Actual, string? Problem, DateTime CheckedAt);

internal static class EvidenceProjection
{
    public static string Party(CustodyParty p)
    {
        var detail = string.Join(", ", new[] { p.Role, p.Organisation }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return detail.Length == 0 ? p.Name : $"{p.Name} ({detail})";
    }

    public static EvidenceItemView ToView(EvidenceItem e, string caseReference) => new(
        e.Id, e.CaseId.Value, caseReference, e.Label, e.Title, e.Description, e.Kind, e.CollectedOn, e.CollectedBy, e.CollectedWhere, e.SealNumber,
        e.OriginalFileName, e.ContentType, e.Size, e.Sha256, e.HasFile, e.HasPreview, e.RecordedBy, e.RecordedAt, Party(e.CurrentHolder),
        e.IntegrityCheckedAt, e.IntegrityIntact,
        e.Custody.OrderBy(c => c.Sequence).Select(c => new CustodyEntryView(c.Sequence, c.At, Party(c.From), Party(c.To), c.Reason, c.Place, c.Condition, c.SealNumber, c.RecordedBy, c.RecordedAt)).ToList());

    public static EvidenceListItem ToListItem(EvidenceItem e)
    {
        var last = e.Custody.OrderBy(c => c.Sequence).Last();
        return new(e.Id, e.Label, e.Title, e.Kind, e.ContentType, e.Size, e.Sha256, e.HasPreview, Party(last.To), e.Custody.Count, last.At,
            e.IntegrityCheckedAt, e.IntegrityIntact, e.RecordedAt);
    }
}
