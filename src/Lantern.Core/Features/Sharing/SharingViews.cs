using Lantern.Core.Features.Intelligence;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Sharing;

/// <summary>This installation's public keys and their fingerprints, to give to partners.</summary>
public sealed record InstallationKeysView(string SigningKey, string SigningFingerprint, string EncryptionKey, string EncryptionFingerprint);

public sealed record PartnerView(Guid Id, string Name, string SigningKey, string SigningFingerprint, string EncryptionKey, string EncryptionFingerprint,
    string RegisteredBy, DateTime RegisteredAt, long LastSequenceSent, long LastSequenceReceived, bool HasLinkageSecret = false, string? LinkageKeyCheck = null);

public sealed record PackageView(Guid Id, string Direction, string Kind, Guid PartnerId, string PartnerName, long Sequence, int ItemCount, string By, DateTime At, string FileName);

/// <summary>A received record with its provenance and codes.</summary>
public sealed record ReceivedItemView(
    Guid Id, string Kind, string Title, string Content, string SenderName, Guid PackageId, Guid OriginalId, DateTime ReceivedAt,
    string HandlingCode, string HandlingMeaning, string? HandlingConditions, string Grading, string SourceReliability, int InformationAccuracy,
    string? ConsentBasis, bool Revoked, DateTime? RevokedAt, bool MayBePassedOn, bool MayBeEvidence);

public sealed record SharingOverview(IReadOnlyList<PackageView> Sent, IReadOnlyList<PackageView> Received, IReadOnlyList<ReceivedItemView> ReceivedItems,
    bool CanSend, bool CanReceive);

/// <summary>A package file to download: only the named recipient can open it.</summary>
public sealed record PackageFile(string FileName, byte[] Content);

public sealed record ImportResult(Guid PackageId, string Kind, string SenderName, long Sequence, int ItemsImported, int ItemsRevoked,
    int EncodingsReceived = 0, int PossibleCommonPersons = 0);

/// <summary>
/// "Possible common person, contact organisation X": this organisation's own person and the partner's name, with the
/// pair's reference both sides quote; no similarity, nothing of the partner's person.
/// </summary>
public sealed record LinkagePairView(Guid Id, Guid Reference, Guid PersonId, string PersonName, Guid PartnerId, string PartnerName, string Origin,
    DateTime FoundAt, DateTime? AgreedAt, string? AgreedBy, DateTime? PartnerAgreedAt, string Status);

/// <summary>A linkage package made for a partner: how many persons it encodes.</summary>
public sealed record LinkageSendResult(PackageView Package, int PersonsEncoded);

/// <summary>An agreement to share details, and the package that carries it to the partner.</summary>
public sealed record LinkageAgreementResult(LinkagePairView Pair, PackageView Package);

public sealed record RevocationResult(Guid OriginalId, IReadOnlyList<PackageView> Packages);

internal static class SharingProjection
{
    public static InstallationKeysView ToView(SharingKeys keys) => new(
        Convert.ToBase64String(keys.SigningPublicKey), SharingKeys.Fingerprint(keys.SigningPublicKey),
        Convert.ToBase64String(keys.EncryptionPublicKey), SharingKeys.Fingerprint(keys.EncryptionPublicKey));

    public static PartnerView ToView(SharingPartner p) => new(p.Id, p.Name, p.SigningKey, p.SigningFingerprint, p.EncryptionKey, p.EncryptionFingerprint,
        p.RegisteredBy, p.RegisteredAt, p.LastSequenceSent, p.LastSequenceReceived, p.HasLinkageSecret,
        p.HasLinkageSecret ? Pprl.ClkSchema.KeyCheckOf(p.LinkageSecretBytes()) : null);

    public static PackageView ToView(SharingPackage p) => new(p.Id, p.Direction.ToString().ToLowerInvariant(), p.Kind, p.PartnerId, p.PartnerName, p.Sequence,
        p.ItemCount, p.By, p.At, FileName(p.Id));

    public static ReceivedItemView ToView(ReceivedItem i) => new(
        i.Id, SharingCodes.Name(i.Kind), i.Title, i.Content, i.SenderName, i.PackageId, i.OriginalId, i.ReceivedAt,
        i.Handling.ToString(), IntelligenceGrading.Meaning(i.Handling), i.HandlingConditions, IntelligenceGrading.Format(i.Source, i.Accuracy, i.Handling),
        i.Source.ToString(), (int)i.Accuracy, i.ConsentBasis is { } b ? SharingCodes.Name(b) : null, i.IsRevoked, i.RevokedAt, i.MayBePassedOn, i.MayBeEvidence);

    public static string FileName(Guid packageId) => $"lantern-share-{packageId:N}.json";
}
