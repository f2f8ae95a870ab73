using Lantern.Core.Common;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// One of this organisation's persons as encoded in a linkage package sent to a partner, under a reference that means
/// nothing outside this installation: the partner sees only the reference, and quotes it back when it agrees to share
/// details on a possible common person.
/// </summary>
public sealed class EncodedPerson
{
    private EncodedPerson()
    {
    }

    internal EncodedPerson(OrganisationId organisation, Guid partnerId, Guid packageId, Guid reference, PersonId person)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        PartnerId = partnerId;
        PackageId = packageId;
        Reference = reference;
        PersonId = person;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid PackageId { get; private set; }
    public Guid Reference { get; private set; }
    public PersonId PersonId { get; private set; }
}

/// <summary>A partner's encoding received in a linkage package: its opaque reference and the 1,024-bit CLK, nothing else.</summary>
public sealed class ReceivedEncoding
{
    private ReceivedEncoding()
    {
    }

    internal ReceivedEncoding(OrganisationId organisation, Guid partnerId, Guid packageId, string reference, byte[] encoding)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        PartnerId = partnerId;
        PackageId = packageId;
        Reference = reference;
        Encoding = encoding;
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid PackageId { get; private set; }
    public string Reference { get; private set; } = "";
    public byte[] Encoding { get; private set; } = [];
}

/// <summary>How this side learnt of a possible common person.</summary>
public enum LinkagePairOrigin
{
    /// <summary>This installation matched the partner's encodings against its own persons.</summary>
    Matched,

    /// <summary>The partner matched this installation's encodings and agreed to share details on the pair.</summary>
    PartnerAgreed,
}

/// <summary>
/// "Possible common person, contact organisation X": one of this organisation's persons whose encoding matched one of
/// the partner's. It holds no similarity and nothing of the partner's person: only the partner's opaque encoding
/// reference (never shown) and a pair reference both sides quote. Details are exchanged only once both have agreed.
/// </summary>
public sealed class LinkagePair
{
    private LinkagePair()
    {
    }

    internal LinkagePair(OrganisationId organisation, SharingPartner partner, Guid reference, PersonId person, LinkagePairOrigin origin,
        string? partnerReference, Guid? ownReference, DateTime now)
    {
        Id = SequentialGuid.Next();
        OrganisationId = organisation;
        PartnerId = partner.Id;
        PartnerName = partner.Name;
        Reference = reference;
        PersonId = person;
        Origin = origin;
        PartnerReference = partnerReference;
        OwnReference = ownReference;
        FoundAt = now;
        if (origin == LinkagePairOrigin.PartnerAgreed)
        {
            PartnerAgreedAt = now;
        }
    }

    public Guid Id { get; private set; }
    public OrganisationId OrganisationId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string PartnerName { get; private set; } = "";

    /// <summary>The pair's reference, the same at both installations (made by the side that matched).</summary>
    public Guid Reference { get; private set; }
    public PersonId PersonId { get; private set; }
    public LinkagePairOrigin Origin { get; private set; }

    /// <summary>The partner's reference for its person (when this side matched): sent back with an agreement, never shown.</summary>
    public string? PartnerReference { get; private set; }

    /// <summary>This side's encoding reference (when the partner matched).</summary>
    public Guid? OwnReference { get; private set; }
    public DateTime FoundAt { get; private set; }
    public DateTime? AgreedAt { get; private set; }
    public string? AgreedBy { get; private set; }
    public DateTime? PartnerAgreedAt { get; private set; }

    public bool BothAgreed => AgreedAt is not null && PartnerAgreedAt is not null;

    internal void Agree(string by, DateTime now)
    {
        if (AgreedAt is not null)
        {
            throw new ValidationException("pair", "Your organisation has already agreed to share details on this pair.");
        }
        AgreedAt = now;
        AgreedBy = by;
    }

    internal void PartnerAgrees(DateTime now) => PartnerAgreedAt ??= now;
}
