using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Lantern.Core.Common;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Demo;

/// <summary>
/// The evidence register's demo data: for open cases of the two FIA circles (Lahore, Karachi) and the labour department
/// (Faisalabad), an FIR copy (a small PDF), a scene photo (a PNG carrying a location in a text chunk, which the display
/// copy drops), a physical item sent to the forensic laboratory, and two intelligence items (one H0, one H2).
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Adds the demo exhibits and intelligence; called once by <see cref="SeedDemoData"/> after the cases are saved.</summary>
    public async Task SeedEvidenceAsync(AppDbContext db, CancellationToken ct)
    {
        var random = new Random(Seed + 3);
        foreach (var code in new[] { "LHR", "KHI", "FSD" })
        {
            var organisation = _organisations[code];
            var officer = _officers.FirstOrDefault(o => o.OrganisationCode == code && o.Role == Role.Investigator)?.Username ?? "demo." + code.ToLowerInvariant();
            var office = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).FirstAsync(ct);
            var cases = await db.Cases.Where(c => c.OrganisationId == organisation && c.Status != CaseStatus.Closed && c.Status != CaseStatus.ClosedReferred)
                .OrderByDescending(c => c.OpenedYear).ThenBy(c => c.Reference).Take(4).ToListAsync(ct);
            foreach (var @case in cases)
            {
                var at = _now.AddDays(-random.Next(5, 60));
                var receiver = new CustodyParty(officer, "investigator", office);
                var names = DemoNames.Instance;
                var collector = new CustodyParty(names.Male[random.Next(names.Male.Count)].Latin + " " + names.Second[random.Next(names.Second.Count)].Latin, "collecting officer", office);
                var place = code switch { "LHR" => "Lahore", "KHI" => "Karachi", _ => "Faisalabad" };

                var fir = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"%PDF-1.4\n% Demo copy of the FIR of case {@case.Reference}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
                AddFile(db, @case, 1, organisation, "Copy of the FIR", "Certified copy from the police station record.", EvidenceKind.Document, fir, "FIR-" + @case.Reference + ".pdf", ContentSniffer.Pdf, collector, receiver, officer, place, at);

                var photo = DemoPhoto(place);
                AddFile(db, @case, 2, organisation, "Photo of the place of exploitation", "Taken at the entrance during the raid.", EvidenceKind.Photo, photo, "IMG_" + random.Next(1000, 9999) + ".png", ContentSniffer.Png, collector, receiver, officer, place, at.AddMinutes(30));

                var phone = new EvidenceItem(@case, 3, organisation, "Mobile phone of the suspect", "Black handset with a cracked screen, switched off and sealed in a bag.", EvidenceKind.PhysicalItem,
                    DateOnly.FromDateTime(at), collector.Name, place, "BAG-" + random.Next(10000, 99999), null, collector, receiver, officer, at.AddHours(1));
                phone.Transfer(new CustodyParty("Forensic examiner", "examiner", "Punjab Forensic Science Agency"), "Extraction of call records and messages", at.AddDays(2), "Lahore", "Seal intact on receipt", null, officer, at.AddDays(2));
                db.EvidenceItems.Add(phone);

                db.IntelligenceItems.Add(new IntelligenceItem(@case, 1, organisation, "The recruiter meets families at the bus terminal on Fridays and offers advances against wages.",
                    SourceReliability.B, InformationAccuracy.Two, HandlingCode.H0, null, officer, at.AddDays(1)));
                db.IntelligenceItems.Add(new IntelligenceItem(@case, 2, organisation, "An informant says the kiln owner is warned before inspections by someone in the district office.",
                    SourceReliability.C, InformationAccuracy.Three, HandlingCode.H2, null, officer, at.AddDays(3)));
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void AddFile(AppDbContext db, Cases.Case @case, int number, OrganisationId organisation, string title, string description, EvidenceKind kind,
        byte[] content, string name, DetectedType type, CustodyParty collector, CustodyParty receiver, string officer, string place, DateTime at)
    {
        var preview = type.CanPreview ? MetadataStripper.Strip(content, type) : null;
        var sealedFile = new SealedFile(name, type.ContentType, content.LongLength, AddEvidence.Hash(content), preview is not null);
        var item = new EvidenceItem(@case, number, organisation, title, description, kind, DateOnly.FromDateTime(at), collector.Name, place, null, sealedFile, collector, receiver, officer, at);
        db.EvidenceItems.Add(item);
        db.EvidenceFiles.Add(EvidenceFile.Seal(db.Cipher, item.Id, EvidenceFileVariant.Original, content, sealedFile.Sha256));
        if (preview is not null)
        {
            db.EvidenceFiles.Add(EvidenceFile.Seal(db.Cipher, item.Id, EvidenceFileVariant.Preview, preview, AddEvidence.Hash(preview)));
        }
    }

    /// <summary>A valid 8x8 grey PNG with a tEXt chunk naming where it was taken, as phones and cameras write it.</summary>
    private static byte[] DemoPhoto(string place)
    {
        using var s = new MemoryStream();
        s.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        PngChunk(s, "IHDR", [0, 0, 0, 8, 0, 0, 0, 8, 8, 0, 0, 0, 0]);
        PngChunk(s, "tEXt", Encoding.Latin1.GetBytes("Location\0" + place + " 31.5204N 74.3587E (demo)"));
        // Eight rows of filter byte 0 and eight grey pixels, deflate-stored (uncompressed) inside a zlib stream.
        var raw = new byte[8 * 9];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = i % 9 == 0 ? (byte)0 : (byte)0x80;
        }
        var zlib = new List<byte> { 0x78, 0x01, 0x01, (byte)raw.Length, 0, (byte)~raw.Length, 0xFF };
        zlib.AddRange(raw);
        uint a = 1, b = 0;
        foreach (var x in raw)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        var adler = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        zlib.AddRange(adler);
        PngChunk(s, "IDAT", [.. zlib]);
        PngChunk(s, "IEND", []);
        return s.ToArray();
    }

    private static void PngChunk(Stream s, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        s.Write(header);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4), .. data]));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var x in bytes)
        {
            crc ^= x;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
