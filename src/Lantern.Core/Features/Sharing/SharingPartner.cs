using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// Another organisation's or country's Lantern installation this organisation exchanges packages with, known by its
/// public keys (registered by an administrator after comparing the fingerprints out of band). Carries the sequence
/// numbers that refuse a replayed package.
/// </summary>
public sealed class SharingPartner
{
    public const int MaxNameLength = 200;

    private SharingPartner()
    {
    }

    internal SharingPartner(OrganisationId organisation, string name, byte[] signingKey, byte[] encryptionKey, string registeredBy, DateTime now)
    {
        if (signingKey.Length != 32)
        {
            throw new ValidationException("signingKey", "The signing key is a 32-byte Ed25519 public key, in base64.");
        }
        if (encryptionKey.Length != 32)
        {
            throw new ValidationException("encryptionKey", "The encryption key is a 32-byte X25519 public key, in base64.");
        }
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        Name = name;
        SigningKey = Convert.ToBase64String(signingKey);
        EncryptionKey = Convert.ToBase64String(encryptionKey);
        RegisteredBy = registeredBy;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Ed25519 public key, base64 (32 bytes).</summary>
    public string SigningKey { get; private set; } = "";

    /// <summary>X25519 public key, base64 (32 bytes).</summary>
    public string EncryptionKey { get; private set; } = "";
    public string RegisteredBy { get; private set; } = "";
    public DateTime RegisteredAt { get; private set; }

    /// <summary>The sequence number of the last package sent to this partner (the next one is one more).</summary>
    public long LastSequenceSent { get; private set; }

    /// <summary>The highest sequence number received from this partner: a package at or below it is a replay.</summary>
    public long LastSequenceReceived { get; private set; }

    public string SigningFingerprint => SharingKeys.Fingerprint(Convert.FromBase64String(SigningKey));
    public string EncryptionFingerprint => SharingKeys.Fingerprint(Convert.FromBase64String(EncryptionKey));

    /// <summary>
    /// The linkage secret agreed with this partner (ADR 0015, 0025), base64; encrypted at rest, never logged, never in a
    /// package. Both sides encode their persons with it; without it nothing can be matched.
    /// </summary>
    public string? LinkageSecret { get; private set; }
    public DateTime? LinkageSecretSetAt { get; private set; }

    public bool HasLinkageSecret => LinkageSecret is not null;

    internal byte[] LinkageSecretBytes() => LinkageSecret is { } s ? Convert.FromBase64String(s) : [];

    internal void SetLinkageSecret(byte[] secret, DateTime now)
    {
        LinkageSecret = Convert.ToBase64String(secret);
        LinkageSecretSetAt = now;
    }

    internal long NextSequence() => ++LastSequenceSent;

    internal void Accept(long sequence)
    {
        if (sequence <= LastSequenceReceived)
        {
            throw new ValidationException("package", $"Replay refused: {Name} already sent a package numbered {LastSequenceReceived}; this one is numbered {sequence}.");
        }
        LastSequenceReceived = sequence;
    }
}

/// <summary>A package sent to or received from a partner, kept for the record (and, when sent, the file itself: it is readable only by the recipient).</summary>
public sealed class SharingPackage
{
    private SharingPackage()
    {
    }

    internal SharingPackage(Guid id, OrganisationId organisation, SharingPartner partner, PackageDirection direction, string kind, long sequence,
        int itemCount, byte[]? file, string by, DateTime at)
    {
        Id = id;
        OrganisationId = organisation;
        PartnerId = partner.Id;
        PartnerName = partner.Name;
        Direction = direction;
        Kind = kind;
        Sequence = sequence;
        ItemCount = itemCount;
        File = file;
        By = by;
        At = at;
    }

    /// <summary>The package id, the same at sender and recipient.</summary>
    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string PartnerName { get; private set; } = "";
    public PackageDirection Direction { get; private set; }
    public string Kind { get; private set; } = "";
    public long Sequence { get; private set; }
    public int ItemCount { get; private set; }
    public byte[]? File { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
}

/// <summary>One item that went out in a package: what the originator may later revoke.</summary>
public sealed class SentItem
{
    private SentItem()
    {
    }

    internal SentItem(Guid packageId, OrganisationId organisation, Guid partnerId, SharedItemKind kind, Guid originalId, string title, Intelligence.HandlingCode handling)
    {
        Id = SequentialGuid.Next();
        PackageId = packageId;
        OrganisationId = organisation;
        PartnerId = partnerId;
        Kind = kind;
        OriginalId = originalId;
        Title = title;
        Handling = handling;
    }

    public Guid Id { get; private set; }
    public Guid PackageId { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public SharedItemKind Kind { get; private set; }
    public Guid OriginalId { get; private set; }
    public string Title { get; private set; } = "";
    public Intelligence.HandlingCode Handling { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public Guid? RevocationPackageId { get; private set; }

    internal void Revoke(Guid revocationPackage, DateTime now)
    {
        RevokedAt = now;
        RevocationPackageId = revocationPackage;
    }
}

/// <summary>
/// A record received in a package, with its provenance (sender, package, original id, codes, received at). Its codes
/// bind this installation: an H2 item is never passed on, an H1 item never goes into an evidence export or a court
/// document. A revoked item is tombstoned: its content is erased, its provenance kept.
/// </summary>
public sealed class ReceivedItem
{
    private ReceivedItem()
    {
    }

    internal ReceivedItem(OrganisationId organisation, SharingPartner sender, Guid packageId, PackageItem item, SharedItemKind kind,
        Intelligence.HandlingCode handling, Intelligence.SourceReliability source, Intelligence.InformationAccuracy accuracy, ConsentBasis? basis, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        PartnerId = sender.Id;
        SenderName = sender.Name;
        PackageId = packageId;
        OriginalId = item.OriginalId;
        Kind = kind;
        Handling = handling;
        HandlingConditions = item.HandlingConditions;
        Source = source;
        Accuracy = accuracy;
        ConsentBasis = basis;
        Title = item.Title;
        Content = item.Content;
        ReceivedAt = now;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string SenderName { get; private set; } = "";
    public Guid PackageId { get; private set; }
    public Guid OriginalId { get; private set; }
    public SharedItemKind Kind { get; private set; }
    public Intelligence.HandlingCode Handling { get; private set; }
    public string? HandlingConditions { get; private set; }
    public Intelligence.SourceReliability Source { get; private set; }
    public Intelligence.InformationAccuracy Accuracy { get; private set; }
    public ConsentBasis? ConsentBasis { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public Guid? RevocationPackageId { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>H2: not to be disseminated without the originator's permission; Lantern records no such permission.</summary>
    public bool MayBePassedOn => Handling != Intelligence.HandlingCode.H2 && !IsRevoked;

    /// <summary>H1: never evidence in court without the source's permission.</summary>
    public bool MayBeEvidence => Handling != Intelligence.HandlingCode.H1 && !IsRevoked;

    internal void Revoke(Guid revocationPackage, DateTime now)
    {
        if (IsRevoked)
        {
            return;
        }
        RevokedAt = now;
        RevocationPackageId = revocationPackage;
        Title = "(revoked by the originator)";
        Content = "";
    }
}
