using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Duplicates;

/// <summary>The duplicates queue over real SQLite: linking from the database, decisions, identities, and what another organisation sees.</summary>
public sealed class DuplicateHandlerTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CoreHarness _core = null!;
    private Actor _investigatorLahore = null!;
    private Actor _investigatorKarachi = null!;
    private Actor _analystLahore = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var (lahore, karachi) = await Run(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var l = await add.Handle(CoreHarness.Operator, "Police Lahore", "LawEnforcement", "PK", "Lahore", None);
            var k = await add.Handle(CoreHarness.Operator, "Police Karachi", "LawEnforcement", "PK", "Karachi", None);
            return (new OrganisationId(l.Id), new OrganisationId(k.Id));
        });
        _investigatorLahore = new Actor(UserId.New(), "inv.lahore", lahore, Role.Investigator, "test");
        _investigatorKarachi = new Actor(UserId.New(), "inv.karachi", karachi, Role.Investigator, "test");
        _analystLahore = new Actor(UserId.New(), "analyst.lahore", lahore, Role.Analyst, "test");
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private static readonly TestPerson Aslam = new("Muhammad", "Aslam", "1980-03-12", "35202-1234567-1", "+923001234567", "Lahore");
    private static readonly TestPerson AslamButt = new("Mohd", "Aslam", "1980-03-12", "35202-1234576-1", "+923331112222", "Lahore", Alias: "Aslam Butt");
    private static readonly TestPerson MAslam = new("M. Aslam", null, "1980-03", null, "+923001234567", "Lahore");

    private Task<Guid> ImportAsync(string organisation, string reference, IEnumerable<TestPerson> persons) => Run(async sp =>
    {
        var imported = await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator,
            new ImportCases.Request([new ImportCases.Source(reference + ".json", DuplicateBuilders.CaseJson(reference, persons))], organisation), None);
        return imported.Cases[0].Id;
    });

    private Task<LinkDatabase.Response> LinkAsync() => Run(sp => sp.GetRequiredService<LinkDatabase.Handler>().Handle(CoreHarness.Operator, null, None));

    private Task<DuplicateList> ListAsync(Actor actor, string? status = null) => Run(sp => sp.GetRequiredService<ListDuplicates.Handler>().Handle(actor, new ListDuplicates.Request(status), None));

    /// <summary>Muhammad Aslam in a Lahore case, Mohd Aslam (CNIC mistyped, new phone) in a Karachi case, among 60 others. Returns the Lahore case.</summary>
    private async Task<Guid> SeedAslamsAsync()
    {
        var lahore = await ImportAsync("Police Lahore", "LHR-1", [Aslam, .. DuplicateBuilders.Crowd(30, 1)]);
        await ImportAsync("Police Karachi", "KHI-1", [AslamButt, .. DuplicateBuilders.Crowd(30, 2)]);
        return lahore;
    }

    private static DuplicatePairView Between(DuplicateList list, string a, string b) =>
        list.Pairs.Single(p => !p.Restricted && new[] { p.Left!.Name, p.Right!.Name }.Order().SequenceEqual(new[] { a, b }.Order()));

    [Fact]
    public async Task LinkDatabase_SamePersonAcrossOrganisations_ProposesPairWithExplanation()
    {
        await SeedAslamsAsync();

        var run = await LinkAsync();

        Assert.Equal(62, run.Persons);
        var pair = Between(await ListAsync(CoreHarness.Operator), "Muhammad Aslam", "Mohd Aslam");
        Assert.Equal(DuplicateStatus.Open, pair.Status);
        Assert.True(pair.Probability >= 0.5, $"probability {pair.Probability}");
        Assert.Equal(PersonLinkingVersion, pair.AlgorithmVersion);
        var explanation = pair.Explanation!;
        Assert.Equal(pair.Probability!.Value, explanation.Probability, 6);
        var cnic = explanation.Fields.Single(f => f.Field == "cnic");
        Assert.Equal("one typing slip", cnic.Level);
        Assert.True(cnic.Weight > 0);
        Assert.Equal("exact", explanation.Fields.Single(f => f.Field == "birth_date").Level);
        Assert.Contains(explanation.Fields, f => f.TermFrequencyAdjustment != 0);
    }

    private const string PersonLinkingVersion = "lantern-linkage/1";

    [Fact]
    public async Task ConfirmThenUndo_ThreeRecords_IdentityRebuiltFromRemainingLinks()
    {
        await SeedAslamsAsync();
        await ImportAsync("Police Lahore", "LHR-2", [MAslam]);
        await LinkAsync();
        var list = await ListAsync(CoreHarness.Operator);
        var ab = Between(list, "Muhammad Aslam", "Mohd Aslam");
        var ac = Between(list, "Muhammad Aslam", "M. Aslam");

        await Run(sp => sp.GetRequiredService<ConfirmDuplicate.Handler>().Handle(CoreHarness.Operator, ab.Id, new ConfirmDuplicate.Request(null), None));
        await Run(sp => sp.GetRequiredService<ConfirmDuplicate.Handler>().Handle(CoreHarness.Operator, ac.Id, new ConfirmDuplicate.Request("Same phone."), None));
        var aslam = ab.Left!.Name == "Muhammad Aslam" ? ab.Left : ab.Right!;
        var butt = ab.Left!.Name == "Muhammad Aslam" ? ab.Right! : ab.Left;
        var merged = await Run(sp => sp.GetRequiredService<GetPersonIdentity.Handler>().Handle(CoreHarness.Operator, new PersonId(butt.PersonId), None));
        Assert.Equal(3, merged.Records.Count);
        Assert.Equal(["Police Karachi", "Police Lahore", "Police Lahore"], merged.Records.Select(r => r.HeldBy).Order());
        Assert.Equal(2, merged.Links.Count);

        var undone = await Run(sp => sp.GetRequiredService<UndoDuplicate.Handler>().Handle(CoreHarness.Operator, ab.Id, new UndoDuplicate.Request("Different fathers."), None));

        Assert.Equal(DuplicateStatus.Undone, undone.Status);
        Assert.Equal("Different fathers.", undone.Decision!.Reason);
        var alone = await Run(sp => sp.GetRequiredService<GetPersonIdentity.Handler>().Handle(CoreHarness.Operator, new PersonId(butt.PersonId), None));
        Assert.Null(alone.IdentityId);
        var rest = await Run(sp => sp.GetRequiredService<GetPersonIdentity.Handler>().Handle(CoreHarness.Operator, new PersonId(aslam.PersonId), None));
        Assert.Equal(merged.IdentityId, rest.IdentityId);
        Assert.Equal(["M. Aslam", "Muhammad Aslam"], rest.Records.Select(r => r.Name!).Order());
    }

    [Fact]
    public async Task Reject_PairFoundAgain_StaysRejectedAndIsNotProposed()
    {
        await SeedAslamsAsync();
        await LinkAsync();
        var pair = Between(await ListAsync(CoreHarness.Operator), "Muhammad Aslam", "Mohd Aslam");
        await Run(sp => sp.GetRequiredService<RejectDuplicate.Handler>().Handle(CoreHarness.Operator, pair.Id, new RejectDuplicate.Request("Brothers: different fathers' names."), None));

        var again = await LinkAsync();

        Assert.True(again.SkippedDecided >= 1);
        var open = await ListAsync(CoreHarness.Operator, "open");
        Assert.DoesNotContain(open.Pairs, p => p.Id == pair.Id || (p.Left!.PersonId == pair.Left!.PersonId && p.Right!.PersonId == pair.Right!.PersonId));
        Assert.Equal(DuplicateStatus.Rejected, Assert.Single((await ListAsync(CoreHarness.Operator, "rejected")).Pairs).Status);
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedAndNothingChanges()
    {
        await SeedAslamsAsync();
        await LinkAsync();
        var pair = Between(await ListAsync(CoreHarness.Operator), "Muhammad Aslam", "Mohd Aslam");

        var e = await Assert.ThrowsAsync<ValidationException>(() => Run(sp => sp.GetRequiredService<RejectDuplicate.Handler>().Handle(CoreHarness.Operator, pair.Id, new RejectDuplicate.Request("  "), None)));

        Assert.Equal("reason", e.Field);
        Assert.Equal(DuplicateStatus.Open, (await Run(sp => sp.GetRequiredService<GetDuplicate.Handler>().Handle(CoreHarness.Operator, pair.Id, None))).Status);
    }

    [Fact]
    public async Task LinkPendingPersons_NewRecordSharingPhone_ProposedIncrementally()
    {
        await SeedAslamsAsync();
        await LinkAsync();
        await ImportAsync("Police Lahore", "LHR-3", [MAslam]);

        var run = await Run(sp => sp.GetRequiredService<LinkPendingPersons.Handler>().Handle(CoreHarness.Operator, None));

        Assert.False(run.FullRun);
        Assert.Equal(1, run.Persons);
        Assert.True(run.Proposed > 0, $"compared {run.Compared}");
        var pair = Between(await ListAsync(CoreHarness.Operator), "Muhammad Aslam", "M. Aslam");
        Assert.Equal("incremental", pair.Explanation!.Method);
        Assert.Equal("exact", pair.Explanation.Fields.Single(f => f.Field == "phone").Level);
        var idle = await Run(sp => sp.GetRequiredService<LinkPendingPersons.Handler>().Handle(CoreHarness.Operator, None));
        Assert.Equal(0, idle.Persons);
    }

    [Fact]
    public async Task LinkPendingPersons_NoFullRunYet_MakesOne()
    {
        await SeedAslamsAsync();

        var run = await Run(sp => sp.GetRequiredService<LinkPendingPersons.Handler>().Handle(CoreHarness.Operator, None));

        Assert.True(run.FullRun);
        Between(await ListAsync(CoreHarness.Operator), "Muhammad Aslam", "Mohd Aslam");
    }

    [Fact]
    public async Task List_OtherOrganisationsRecord_ShowsOnlyWhomToContact()
    {
        await SeedAslamsAsync();
        await LinkAsync();

        var karachi = await ListAsync(_investigatorKarachi);

        var restricted = Assert.Single(karachi.Pairs, p => p.Restricted);
        Assert.Equal("Mohd Aslam", restricted.Known!.Name);
        Assert.Equal("Police Lahore", restricted.HeldBy);
        Assert.Contains("contact Police Lahore", restricted.Notice, StringComparison.Ordinal);
        Assert.Null(restricted.Probability);
        Assert.Null(restricted.Explanation);
        Assert.Null(restricted.Left);
        Assert.Null(restricted.Right);
        var text = System.Text.Json.JsonSerializer.Serialize(karachi);
        Assert.DoesNotContain("Muhammad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LHR-1", text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConflictException>(() => Run(sp => sp.GetRequiredService<ConfirmDuplicate.Handler>().Handle(_investigatorKarachi, restricted.Id, new ConfirmDuplicate.Request(null), None)));
    }

    [Fact]
    public async Task List_CaseSharedWithReviewer_ShowsWholePair()
    {
        var lahore = await SeedAslamsAsync();
        await LinkAsync();
        await Run(async sp =>
        {
            await sp.GetRequiredService<ShareCase.Handler>().ShareAsync(CoreHarness.Operator, new CaseId(lahore), new ShareCase.Request("Police Karachi"), None);
            return 0;
        });

        var karachi = await ListAsync(_investigatorKarachi);

        var pair = Between(karachi, "Muhammad Aslam", "Mohd Aslam");
        Assert.NotNull(pair.Explanation);
        var confirmed = await Run(sp => sp.GetRequiredService<ConfirmDuplicate.Handler>().Handle(_investigatorKarachi, pair.Id, new ConfirmDuplicate.Request(null), None));
        Assert.Equal(DuplicateStatus.Confirmed, confirmed.Status);
    }

    [Fact]
    public async Task List_Analyst_IsForbidden()
    {
        await SeedAslamsAsync();
        await LinkAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => ListAsync(_analystLahore));
    }

    [Fact]
    public async Task LinkDatabase_AsUser_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<LinkDatabase.Handler>().Handle(_investigatorLahore, null, None)));
}
