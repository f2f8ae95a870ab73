using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Core.Features.Evidence;

public enum EvidenceKind { Document, Photo, Audio, Video, PhysicalItem }

/// <summary>Who held or received an exhibit: a name, a role and an organisation, as written on the custody form.</summary>
public sealed record CustodyParty(string Name, string? Role, string? Organisation);

/// <summary>
/// One exhibit of a case (E-1, E-2... within the case): a file sealed at intake by its SHA-256, or a physical item
/// without a file. The sealed content is never replaced; the custody log only grows. Description and original file
/// name are encrypted fields; the content sits encrypted in <see cref="EvidenceFile"/> rows so lists never load it.
/// </summary>
public sealed class EvidenceItem
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxFileNameLength = 255;

    private readonly List<CustodyTransfer> _custody = [];

    private EvidenceItem()
    {
    }

    internal EvidenceItem(Case @case, int number, OrganisationId recordedBy, string title, string? description, EvidenceKind kind,
        DateOnly? collectedOn, string? collectedBy, string? collectedWhere, string? sealNumber, SealedFile? file, CustodyParty intakeFrom, CustodyParty intakeTo, string username, DateTime now)
    {
        if (kind == EvidenceKind.PhysicalItem && file is not null)
        {
            throw new ValidationException("kind", "A physical item is recorded without a file; choose document, photo, audio or video for a file.");
        }
        if (kind != EvidenceKind.PhysicalItem && file is null)
        {
            throw new ValidationException("file", "Attach the file of this exhibit, or record it as a physical item.");
        }
        Id = SequentialGuid.Next();
        CaseId = @case.Id;
        Case = @case;
        Number = number;
        OrganisationId = recordedBy;
        Title = title;
        Description = description;
        Kind = kind;
        CollectedOn = collectedOn;
        CollectedBy = collectedBy;
        CollectedWhere = collectedWhere;
        SealNumber = sealNumber;
        if (file is not null)
        {
            OriginalFileName = file.FileName;
            ContentType = file.ContentType;
            Size = file.Size;
            Sha256 = file.Sha256;
            HasPreview = file.HasPreview;
        }
        RecordedBy = username;
        RecordedAt = now;
        _custody.Add(new CustodyTransfer(Id, 1, now, intakeFrom, intakeTo, "Intake into the evidence register", collectedWhere, null, sealNumber, username, now));
    }

    public Guid Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Case Case { get; private set; } = null!;

    /// <summary>Running number within the case: the label is E-{Number}.</summary>
    public int Number { get; private set; }

    public OrganisationId OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public DateOnly? CollectedOn { get; private set; }
    public string? CollectedBy { get; private set; }
    public string? CollectedWhere { get; private set; }
    public string? SealNumber { get; private set; }
    public string? OriginalFileName { get; private set; }

    /// <summary>The type found in the content (magic bytes), never the one the uploader declared.</summary>
    public string? ContentType { get; private set; }

    public long? Size { get; private set; }

    /// <summary>SHA-256 of the original as received, lower-case hex. Every download recomputes and compares it.</summary>
    public string? Sha256 { get; private set; }

    public bool HasPreview { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>The last integrity check (a download or a verification): when, and whether the content matched its intake hash.</summary>
    public DateTime? IntegrityCheckedAt { get; private set; }

    public bool? IntegrityIntact { get; private set; }

    public IReadOnlyList<CustodyTransfer> Custody => _custody;

    public string Label => Format(Number);

    public bool HasFile => Sha256 is not null;

    /// <summary>Who holds the exhibit now: the receiver of the last transfer.</summary>
    public CustodyParty CurrentHolder => _custody.OrderBy(c => c.Sequence).Last().To;

    public static string Format(int number) => string.Create(CultureInfo.InvariantCulture, $"E-{number}");

    /// <summary>Appends a transfer from the current holder. The log is append-only: nothing edits or removes an entry.</summary>
    public CustodyTransfer Transfer(CustodyParty to, string reason, DateTime at, string? place, string? condition, string? sealNumber, string username, DateTime now)
    {
        var last = _custody.OrderBy(c => c.Sequence).Last();
        if (at < last.At)
        {
            throw new ValidationException("at", "A transfer cannot be dated before the previous entry of the custody log (" + last.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC).");
        }
        if (at > now.AddMinutes(5))
        {
            throw new ValidationException("at", "A transfer cannot be dated in the future.");
        }
        var transfer = new CustodyTransfer(Id, last.Sequence + 1, at, last.To, to, reason, place, condition, sealNumber, username, now);
        _custody.Add(transfer);
        return transfer;
    }

    public void RecordIntegrityCheck(bool intact, DateTime now)
    {
        IntegrityCheckedAt = now;
        IntegrityIntact = intact;
    }
}

/// <summary>What intake learned about a file: its name as uploaded, the detected type, size and hash.</summary>
internal sealed record SealedFile(string? FileName, string ContentType, long Size, string Sha256, bool HasPreview);

/// <summary>
/// One entry of an exhibit's chain of custody: from whom to whom, when, why, where, in what condition and under which
/// seal. Entries are only ever added; the first is the intake.
/// </summary>
public sealed class CustodyTransfer
{
    private CustodyTransfer()
    {
    }

    internal CustodyTransfer(Guid itemId, int sequence, DateTime at, CustodyParty from, CustodyParty to, string reason, string? place, string? condition, string? sealNumber, string username, DateTime now)
    {
        Id = SequentialGuid.Next();
        EvidenceItemId = itemId;
        Sequence = sequence;
        At = at;
        FromName = from.Name;
        FromRole = from.Role;
        FromOrganisation = from.Organisation;
        ToName = to.Name;
        ToRole = to.Role;
        ToOrganisation = to.Organisation;
        Reason = reason;
        Place = place;
        Condition = condition;
        SealNumber = sealNumber;
        RecordedBy = username;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EvidenceItemId { get; private set; }
    public int Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string FromName { get; private set; } = "";
    public string? FromRole { get; private set; }
    public string? FromOrganisation { get; private set; }
    public string ToName { get; private set; } = "";
    public string? ToRole { get; private set; }
    public string? ToOrganisation { get; private set; }
    public string Reason { get; private set; } = "";
    public string? Place { get; private set; }
    public string? Condition { get; private set; }
    public string? SealNumber { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public CustodyParty From => new(FromName, FromRole, FromOrganisation);
    public CustodyParty To => new(ToName, ToRole, ToOrganisation);
}

public enum EvidenceFileVariant { Original, Preview }

/// <summary>
/// The encrypted bytes of an exhibit: the sealed original, or the display copy without metadata. A table of its own,
/// so listing and reading exhibits never loads content. AES-256-GCM through the key ring, bound to the row, the
/// exhibit and the variant, so a blob copied to another exhibit fails to decrypt.
/// </summary>
public sealed class EvidenceFile
{
    public const string Table = "evidence_files";

    private EvidenceFile()
    {
    }

    internal EvidenceFile(Guid itemId, EvidenceFileVariant variant, string sha256, int keyVersion, byte[] data)
    {
        Id = SequentialGuid.Next();
        EvidenceItemId = itemId;
        Variant = variant;
        Sha256 = sha256;
        KeyVersion = keyVersion;
        Data = data;
    }

    public Guid Id { get; private set; }
    public Guid EvidenceItemId { get; private set; }
    public EvidenceItem Item { get; private set; } = null!;
    public EvidenceFileVariant Variant { get; private set; }

    /// <summary>SHA-256 of this variant's plaintext (for the original it equals the exhibit's intake hash).</summary>
    public string Sha256 { get; private set; } = "";

    public int KeyVersion { get; private set; }
    public byte[] Data { get; private set; } = [];

    /// <summary>Associated data: the row, its exhibit and its variant.</summary>
    internal string RecordKey => Id + "|" + EvidenceItemId;

    internal static EvidenceFile Seal(Security.FieldCipher cipher, Guid itemId, EvidenceFileVariant variant, byte[] plain, string sha256)
    {
        var file = new EvidenceFile(itemId, variant, sha256, 0, []);
        (file.KeyVersion, file.Data) = cipher.EncryptBytes(plain, Table, file.RecordKey, variant.ToString());
        return file;
    }

    internal byte[] Open(Security.FieldCipher cipher) => cipher.DecryptBytes(KeyVersion, Data, Table, RecordKey, Variant.ToString());

    /// <summary>
    /// Re-encrypts the content under the newest key (key rotation). The bytes are carried over as they are: the intake
    /// hash is not recomputed, so content altered before the rotation still fails its next integrity check.
    /// Content that no longer decrypts is left as it is and reported by returning false.
    /// </summary>
    internal bool Reseal(Security.FieldCipher cipher)
    {
        byte[] plain;
        try
        {
            plain = Open(cipher);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        (KeyVersion, Data) = cipher.EncryptBytes(plain, Table, RecordKey, Variant.ToString());
        return true;
    }
}
