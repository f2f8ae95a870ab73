using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Features.Intelligence;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Evidence;

/// <summary>The evidence and intelligence handlers over real SQLite: sealing, integrity, custody, and who sees what.</summary>
public sealed class EvidenceHandlerTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private Actor _investigatorA = null!;
    private Actor _prosecutorA = null!;
    private Actor _caseworkerA = null!;
    private Actor _investigatorB = null!;
    private CaseId _caseA;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var (a, b) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var police = await add.Handle(CoreHarness.Operator, "Police A", "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var other = await add.Handle(CoreHarness.Operator, "Police B", "LawEnforcement", "PK", "Karachi", CancellationToken.None);
            return (new OrganisationId(police.Id), new OrganisationId(other.Id));
        });
        _investigatorA = new Actor(UserId.New(), "inv.a", a, Role.Investigator, "test");
        _prosecutorA = new Actor(UserId.New(), "pros.a", a, Role.Prosecutor, "test");
        _caseworkerA = new Actor(UserId.New(), "cw.a", a, Role.Caseworker, "test");
        _investigatorB = new Actor(UserId.New(), "inv.b", b, Role.Investigator, "test");
        var json = """{ "format": "lantern-case/1", "case": { "reference": "EV-0001", "cas_Status": "Active", "summary": "Brick kiln raid." }, "persons": [] }""";
        _caseA = new CaseId((await Run(sp => sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator,
            new ImportCases.Request([new ImportCases.Source("t.json", json)], "Police A"), CancellationToken.None))).Cases[0].Id);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private Task<EvidenceItemView> AddAsync(Actor actor, byte[]? content, string? name, string? kind = null) => Run(sp =>
        sp.GetRequiredService<AddEvidence.Handler>().Handle(actor, _caseA,
            new AddEvidence.Request("Photo of the kiln", "Taken during the raid.", kind, new DateOnly(2026, 11, 20), "Imran Qureshi", "Kasur", "SEAL-0001", name, content), CancellationToken.None));

    private Task<EvidenceContent> OriginalAsync(Actor actor, Guid id) => Run(sp => sp.GetRequiredService<GetEvidenceContent.Handler>().OriginalAsync(actor, id, CancellationToken.None));

    [Fact]
    public async Task AddEvidence_Photo_SealsTheOriginalUnchanged_AndTheDisplayCopyHasNoGps()
    {
        var photo = EvidenceSamples.JpegWithGps();

        var added = await AddAsync(_investigatorA, photo, "kiln.jpg");
        var original = await OriginalAsync(_investigatorA, added.Id);
        var preview = await Run(sp => sp.GetRequiredService<GetEvidenceContent.Handler>().PreviewAsync(_investigatorA, added.Id, CancellationToken.None));

        Assert.Equal("E-1", added.Label);
        Assert.Equal(EvidenceKind.Photo, added.Kind);
        Assert.Equal("image/jpeg", added.ContentType);
        Assert.Equal(AddEvidence.Hash(photo), added.Sha256);
        Assert.Equal(photo, original.Content);
        Assert.Equal("kiln.jpg", original.FileName);
        Assert.True(EvidenceSamples.Contains(original.Content, EvidenceSamples.GpsMarker));
        Assert.False(EvidenceSamples.Contains(preview.Content, EvidenceSamples.GpsMarker));
        Assert.Equal("Intake into the evidence register", Assert.Single(added.Custody).Reason);
    }

    [Fact]
    public async Task AddEvidence_Stored_IsEncryptedAtRest()
    {
        var added = await AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf");

        var (data, description) = await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var data = await db.EvidenceFiles.IgnoreQueryFilters().Where(f => f.EvidenceItemId == added.Id).Select(f => f.Data).FirstAsync();
            var raw = await db.Database.SqlQueryRaw<string>("SELECT \"Description\" AS \"Value\" FROM evidence_items WHERE \"Id\" = {0}", added.Id).FirstAsync();
            return (data, raw);
        });

        Assert.False(EvidenceSamples.Contains(data, "%PDF"));
        Assert.StartsWith("v1:", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_AfterStoredCiphertextIsAltered_IsRefusedMarkedAndAudited()
    {
        var added = await AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf");
        await TamperAsync(added.Id, (file, _) => { var d = file.Data.ToArray(); d[20] ^= 0x01; return (file.KeyVersion, d); });

        var e = await Assert.ThrowsAsync<ConflictException>(() => OriginalAsync(_investigatorA, added.Id));
        var view = await Run(sp => sp.GetRequiredService<GetEvidence.Handler>().Handle(_investigatorA, added.Id, CancellationToken.None));

        Assert.Equal("sha256", e.Field);
        Assert.Contains("Integrity failure", e.Message, StringComparison.Ordinal);
        Assert.False(view.IntegrityIntact);
        Assert.True(await AuditedAsync("evidence.integrity-failure", added.Id));
    }

    [Fact]
    public async Task Verify_ContentReplacedByAnInsiderWithTheKey_ReportsTheHashMismatch()
    {
        var added = await AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf");
        var forged = "%PDF-1.4\nforged statement\n%%EOF\n"u8.ToArray();
        await TamperAsync(added.Id, (file, cipher) => cipher.EncryptBytes(forged, EvidenceFile.Table, file.RecordKey, file.Variant.ToString()));

        var results = await Run(sp => sp.GetRequiredService<VerifyEvidence.Handler>().HandleCase(_prosecutorA, _caseA, CancellationToken.None));

        var result = Assert.Single(results);
        Assert.False(result.Intact);
        Assert.Equal(added.Sha256, result.Expected);
        Assert.Equal(AddEvidence.Hash(forged), result.Actual);
        await Assert.ThrowsAsync<ConflictException>(() => OriginalAsync(_investigatorA, added.Id));
    }

    [Fact]
    public async Task RotateKeys_EvidenceFiles_AreReencryptedUnderTheNewKeyAndStillVerify_AlteredOnesStillFail()
    {
        var intact = await AddAsync(_investigatorA, EvidenceSamples.JpegWithGps(), "kiln.jpg");
        var altered = await AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf");
        await TamperAsync(altered.Id, (file, _) => { var d = file.Data.ToArray(); d[20] ^= 0x01; return (file.KeyVersion, d); });

        var rotated = await Run(sp => sp.GetRequiredService<RotateKeys.Handler>().Handle(CoreHarness.Operator, CancellationToken.None));
        var versions = await Run(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.IgnoreQueryFilters()
            .Where(f => f.EvidenceItemId == intact.Id).Select(f => f.KeyVersion).ToListAsync());
        var original = await OriginalAsync(_investigatorA, intact.Id);

        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal(rotated.NewVersion, v));
        Assert.Equal(EvidenceSamples.JpegWithGps(), original.Content);
        await Assert.ThrowsAsync<ConflictException>(() => OriginalAsync(_investigatorA, altered.Id));
    }

    [Fact]
    public async Task Verify_UntouchedContent_IsIntact()
    {
        var added = await AddAsync(_investigatorA, EvidenceSamples.PngWithText(), "scene.png");

        var result = await Run(sp => sp.GetRequiredService<VerifyEvidence.Handler>().Handle(_investigatorA, added.Id, CancellationToken.None));

        Assert.True(result.Intact);
        Assert.Equal(added.Sha256, result.Actual);
    }

    [Fact]
    public async Task TransferCustody_AppendsFromTheCurrentHolder_AndRefusesABackdatedEntry()
    {
        var added = await AddAsync(_investigatorA, null, null, "physical-item");
        var transfer = (TransferCustody.Request r) => Run(sp => sp.GetRequiredService<TransferCustody.Handler>().Handle(_investigatorA, added.Id, r, CancellationToken.None));

        await transfer(new TransferCustody.Request("Ayesha Malik", "forensic examiner", "Punjab Forensic Science Agency", "Fingerprint examination", Place: "Lahore", SealNumber: "SEAL-0002"));
        var view = await transfer(new TransferCustody.Request("Bilal Ahmed", "prosecutor", "Prosecution Lahore", "For trial", Condition: "Seal intact"));
        var backdated = await Assert.ThrowsAsync<ValidationException>(() => transfer(new TransferCustody.Request("X Y", null, null, "Again", At: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))));

        Assert.Equal(3, view.Custody.Count);
        Assert.Equal("Imran Qureshi (collecting officer)", view.Custody[0].From);
        Assert.StartsWith("Ayesha Malik", view.Custody[2].From, StringComparison.Ordinal);
        Assert.StartsWith("Bilal Ahmed", view.CurrentHolder, StringComparison.Ordinal);
        Assert.Equal("at", backdated.Field);
    }

    [Fact]
    public async Task Evidence_ForCaseworkerAndOtherOrganisation_IsForbiddenOrNotFound()
    {
        var added = await AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf");

        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ListEvidence.Handler>().Handle(_caseworkerA, _caseA, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<ListEvidence.Handler>().Handle(_investigatorB, _caseA, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => OriginalAsync(_investigatorB, added.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => AddAsync(_prosecutorA, EvidenceSamples.Pdf(), "fir.pdf"));
        Assert.Single((await Run(sp => sp.GetRequiredService<ListEvidence.Handler>().Handle(_prosecutorA, _caseA, CancellationToken.None))).Items);
        Assert.True(await AuditedAsync("evidence.access-denied", added.Id));
    }

    [Fact]
    public async Task AddEvidence_PdfDeclaredAsPhoto_IsRefusedOnKind() =>
        Assert.Equal("kind", (await Assert.ThrowsAsync<ValidationException>(() => AddAsync(_investigatorA, EvidenceSamples.Pdf(), "fir.pdf", "photo"))).Field);

    [Fact]
    public async Task Intelligence_SharedCase_OtherOrganisationSeesOnlyH0()
    {
        var add = (string handling, string? conditions) => Run(sp => sp.GetRequiredService<AddIntelligence.Handler>().Handle(_investigatorA, _caseA,
            new AddIntelligence.Request("The recruiter uses a second phone.", "b", "2", handling, conditions), CancellationToken.None));
        var h0 = await add("H0", null);
        var h2 = await add("h2", null);
        await Assert.ThrowsAsync<ValidationException>(() => add("H3", null));
        await Run(async sp => { await sp.GetRequiredService<ShareCase.Handler>().ShareAsync(CoreHarness.Operator, _caseA, new ShareCase.Request("Police B"), CancellationToken.None); return 0; });

        var own = await Run(sp => sp.GetRequiredService<ListIntelligence.Handler>().Handle(_prosecutorA, _caseA, CancellationToken.None));
        var other = await Run(sp => sp.GetRequiredService<ListIntelligence.Handler>().Handle(_investigatorB, _caseA, CancellationToken.None));

        Assert.Equal("B2 · H0", h0.Grading);
        Assert.Equal("B2 · H2", h2.Grading);
        Assert.Equal(["I-1", "I-2"], own.Items.Select(i => i.Label));
        Assert.Equal("I-1", Assert.Single(other.Items).Label);
        Assert.Contains("originator", own.Items[1].HandlingMeaning, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ListIntelligence.Handler>().Handle(_caseworkerA, _caseA, CancellationToken.None)));
    }

    [Theory]
    [InlineData("D", "2", "H0", "sourceReliability")]
    [InlineData("A", "5", "H0", "informationAccuracy")]
    [InlineData("A", "1", "H4", "handlingCode")]
    public async Task AddIntelligence_BadGrading_IsRefusedNamingTheField(string source, string accuracy, string handling, string field) =>
        Assert.Equal(field, (await Assert.ThrowsAsync<ValidationException>(() => Run(sp => sp.GetRequiredService<AddIntelligence.Handler>().Handle(_investigatorA, _caseA,
            new AddIntelligence.Request("Text.", source, accuracy, handling), CancellationToken.None)))).Field);

    private Task<int> TamperAsync(Guid itemId, Func<EvidenceFile, FieldCipher, (int Version, byte[] Data)> change) => Run(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var file = await db.EvidenceFiles.IgnoreQueryFilters().FirstAsync(f => f.EvidenceItemId == itemId && f.Variant == EvidenceFileVariant.Original);
        var (version, data) = change(file, db.Cipher);
        db.Entry(file).Property(f => f.Data).CurrentValue = data;
        db.Entry(file).Property(f => f.KeyVersion).CurrentValue = version;
        await db.SaveChangesAsync();
        return 0;
    });

    private Task<bool> AuditedAsync(string action, Guid id) => Run(sp =>
        sp.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.Action == action && a.EntityId == id.ToString()));
}
