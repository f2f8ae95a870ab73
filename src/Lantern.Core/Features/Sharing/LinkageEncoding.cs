using System.Buffers.Binary;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Features.People;
using Lantern.Core.Features.Pprl;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Sharing;

/// <summary>
/// How the app encodes its persons for privacy-preserving matching with a partner (ADR 0025): one fixed set of fields,
/// so two Lantern installations always produce comparable encodings, the <see cref="ClkEncoder"/> of ADR 0015 keyed
/// by the secret agreed with that partner, and <see cref="ClkMatcher"/> one-to-one at <see cref="Threshold"/>.
/// </summary>
internal static class LinkageEncoding
{
    /// <summary>ADR 0015: 0.8 is more precise than the FEBRL optimum (0.75) on South Asian records, where relatives share names and addresses.</summary>
    public const double Threshold = 0.8;

    /// <summary>The most persons one package carries (about 210 bytes each, well under the package size limit).</summary>
    public const int MaxPersons = 50_000;

    public static readonly IReadOnlyList<LinkageColumn> Columns =
    [
        new("given_name", LinkageField.GivenName),
        new("family_name", LinkageField.FamilyName),
        new("birth_date", LinkageField.BirthDate),
        new("sex", LinkageField.Sex),
        new("national_id", LinkageField.NationalId),
        new("passport", LinkageField.Passport),
    ];

    /// <summary>Loads the persons (already scoped to the actor's organisation) and encodes them under the given ids.</summary>
    public static async Task<ClkSet> EncodeAsync(AppDbContext db, IReadOnlyList<(PersonId Person, string Id)> persons, byte[] secret, CancellationToken ct)
    {
        var ids = persons.Select(p => p.Person).ToList();
        var loaded = new Dictionary<PersonId, Person>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var person in await db.Persons.AsNoTracking().Include(p => p.Documents).Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                loaded[person.Id] = person;
            }
        }
        var dataset = new LinkageDataset(Columns);
        foreach (var (personId, id) in persons)
        {
            if (loaded.TryGetValue(personId, out var p))
            {
                dataset.Add(0, id, Values(p));
            }
        }
        return ClkEncoder.Encode(dataset, secret);
    }

    private static string?[] Values(Person p) =>
    [
        string.Join(' ', new[] { p.FirstName, p.MiddleName }.Where(s => !string.IsNullOrWhiteSpace(s))),
        p.SecondName,
        p.BirthDate,
        p.Gender switch { Gender.Feminine => "f", Gender.Masculine => "m", _ => null },
        p.Documents.FirstOrDefault(d => d.Type is DocumentType.CNIC or DocumentType.NICOP or DocumentType.BForm)?.Number,
        p.Documents.FirstOrDefault(d => d.Type == DocumentType.Passport)?.Number,
    ];

    /// <summary>The organisation's persons that take part in its cases (any role): what a partner's encodings are matched against.</summary>
    public static async Task<List<PersonId>> OwnPersonsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Participants.AsNoTracking().Select(p => p.PersonId).Distinct().ToListAsync(ct);

    public static byte[] Bytes(ReadOnlySpan<ulong> filter)
    {
        var bytes = new byte[ClkSchema.Bits / 8];
        for (var w = 0; w < ClkSchema.Words; w++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(w * 8), filter[w]);
        }
        return bytes;
    }

    /// <summary>
    /// Matches a partner's encodings (received in package <paramref name="packageId"/>) against this organisation's persons
    /// encoded under the secret agreed with that partner; stores the encodings and one pair per match not already known.
    /// Refuses (as a package error) encodings made under another secret or another field set: they would match nothing.
    /// </summary>
    public static async Task<(int Encodings, int Pairs)> MatchAsync(AppDbContext db, Security.Actor actor, SharingPartner partner, Guid packageId, string content, DateTime now, CancellationToken ct)
    {
        if (!partner.HasLinkageSecret)
        {
            throw PackageFormat.Refused($"The package holds linkage encodings, but no linkage secret is set for {partner.Name}: an administrator enters the secret agreed with them first.");
        }
        ClkSet received;
        try
        {
            received = ClkSet.Parse(content, "the linkage encodings", "package");
        }
        catch (ValidationException e)
        {
            throw PackageFormat.Refused("The linkage encodings are damaged: " + e.Message);
        }
        var secret = partner.LinkageSecretBytes();
        var own = (await OwnPersonsAsync(db, ct)).Select(p => (p, p.Value.ToString())).ToList();
        var encoded = await EncodeAsync(db, own, secret, ct);
        try
        {
            encoded.Schema.EnsureComparableWith(received.Schema, "package");
        }
        catch (ValidationException e)
        {
            throw PackageFormat.Refused($"The linkage encodings from {partner.Name} cannot be matched: " + e.Message.Replace("the files were", "they were", StringComparison.Ordinal)
                + " Check with them that both entered the same linkage secret.");
        }
        for (var r = 0; r < received.Count; r++)
        {
            if (received.Ids[r].Length > 64)
            {
                throw PackageFormat.Refused("A linkage reference is longer than Lantern keeps.");
            }
            db.ReceivedEncodings.Add(new ReceivedEncoding(actor.OrganisationId, partner.Id, packageId, received.Ids[r], Bytes(received.Filter(r))));
        }
        var matches = encoded.Count == 0 || received.Count == 0 ? [] : ClkMatcher.Match(received, encoded, Threshold);
        var known = await db.LinkagePairs.Where(p => p.PartnerId == partner.Id).Select(p => p.PersonId).ToListAsync(ct);
        var knownSet = known.ToHashSet();
        var pairs = 0;
        foreach (var (left, right) in matches)
        {
            var person = new PersonId(Guid.Parse(encoded.Ids[right], System.Globalization.CultureInfo.InvariantCulture));
            if (!knownSet.Add(person))
            {
                continue;
            }
            db.LinkagePairs.Add(new LinkagePair(actor.OrganisationId, partner, Guid.NewGuid(), person, LinkagePairOrigin.Matched, received.Ids[left], null, now));
            pairs++;
        }
        return (received.Count, pairs);
    }

    /// <summary>Applies a partner's agreements: marks known pairs, and makes the pairs the partner found from this side's encodings.</summary>
    public static async Task<int> ApplyAgreementsAsync(AppDbContext db, Security.Actor actor, SharingPartner partner, IReadOnlyList<LinkageAgreement> agreements, DateTime now, CancellationToken ct)
    {
        var applied = 0;
        foreach (var agreement in agreements)
        {
            var pair = await db.LinkagePairs.FirstOrDefaultAsync(p => p.PartnerId == partner.Id && p.Reference == agreement.Pair, ct);
            if (pair is null && agreement.YourReference is { } reference)
            {
                var encoded = await db.EncodedPersons.AsNoTracking().FirstOrDefaultAsync(e => e.PartnerId == partner.Id && e.Reference == reference, ct);
                if (encoded is null)
                {
                    continue;
                }
                pair = new LinkagePair(actor.OrganisationId, partner, agreement.Pair, encoded.PersonId, LinkagePairOrigin.PartnerAgreed, null, reference, now);
                db.LinkagePairs.Add(pair);
            }
            if (pair is null)
            {
                continue;
            }
            pair.PartnerAgrees(now);
            applied++;
        }
        return applied;
    }
}
