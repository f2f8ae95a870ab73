using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Inspections;
using Lantern.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Inspections;

/// <summary>The labour inspection handlers over real SQLite, with the clock at 2026-11-23.</summary>
public sealed class InspectionHandlerTests : IAsyncLifetime
{
    private const string Password = "Lantern test passphrase 2026";
    private static readonly CancellationToken None = CancellationToken.None;

    private CoreHarness _core = null!;
    private OrganisationId _labour;
    private OrganisationId _police;
    private Actor _admin = null!;
    private Actor _inspectorFaisalabad = null!;
    private Actor _inspectorKasur = null!;
    private Actor _investigatorOther = null!;
    private Actor _adminOther = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        (_labour, _police) = await Run(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var labour = await add.Handle(CoreHarness.Operator, "Labour Department Punjab", "LocalGovernmentOrganisation", "PK", "Faisalabad", None);
            var police = await add.Handle(CoreHarness.Operator, "FIA AHTC Lahore", "LawEnforcement", "PK", "Lahore", None);
            return (new OrganisationId(labour.Id), new OrganisationId(police.Id));
        });
        _admin = await UserAsync("admin.labour", "Labour Department Punjab", "administrator", Role.Administrator, _labour);
        _inspectorFaisalabad = await UserAsync("inspector.fsd", "Labour Department Punjab", "labour-inspector", Role.LabourInspector, _labour);
        _inspectorKasur = await UserAsync("inspector.ksr", "Labour Department Punjab", "labour-inspector", Role.LabourInspector, _labour);
        _investigatorOther = await UserAsync("investigator.lhr", "FIA AHTC Lahore", "investigator", Role.Investigator, _police);
        _adminOther = await UserAsync("admin.lhr", "FIA AHTC Lahore", "administrator", Role.Administrator, _police);
        await Run(sp => sp.GetRequiredService<SetUserDistricts.Handler>().Handle(CoreHarness.Operator, "inspector.fsd", ["Faisalabad"], None));
        await Run(sp => sp.GetRequiredService<SetUserDistricts.Handler>().Handle(CoreHarness.Operator, "inspector.ksr", ["Kasur"], None));
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private async Task<Actor> UserAsync(string username, string organisation, string role, Role parsed, OrganisationId organisationId)
    {
        var user = await Run(sp => sp.GetRequiredService<AddUser.Handler>().Handle(CoreHarness.Operator, new AddUser.Request(username, organisation, role, Password), None));
        return new Actor(new UserId(user.Id), username, organisationId, parsed, "test");
    }

    private async Task<Guid> WorkplaceAsync(Actor actor, string district, string kind = "brick-kiln", string name = "Al-Madina Bricks") =>
        (await Run(sp => sp.GetRequiredService<AddWorkplace.Handler>().Handle(actor,
            new WorkplaceInput(kind, name, "Punjab", district, "Chak 204 RB", 31.38, 73.21, "Muhammad Aslam", "Munshi Bashir", "PLD-BK-1234"), None))).Id;

    private async Task<Guid> RecordAsync(Actor actor, RecordInspection.Request request) =>
        (await Run(sp => sp.GetRequiredService<RecordInspection.Handler>().Handle(actor, request, None))).Id;

    private static RecordInspection.Request Visit(Guid workplace, string date = "2026-11-20", int men = 10, int women = 6, int boys = 2, int girls = 1,
        int? released = null, string? order = null, string? fir = null, string? station = null, string? followUp = null, IReadOnlyList<IndicatorInput>? indicators = null, long? peshgi = null) =>
        new(workplace, date, false, null, null, men, women, boys, girls, null, boys + girls == 0 ? null : Enumerable.Range(0, boys + girls).Select(i => 10 + i).ToList(),
            indicators ?? [new IndicatorInput("debt-bondage", "Peshgi of 150,000 per family."), new IndicatorInput("retention-of-identity-documents", "CNICs kept by the munshi.")],
            peshgi, null, "Families work off advances taken in spring.", released, order, released is > 0, fir, station, null, followUp);

    [Fact]
    public async Task OpenCase_FromInspection_CarriesIndicatorsLocationAndFindingsOverAndKeepsTheLink()
    {
        var workplace = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad");
        var inspection = await RecordAsync(_inspectorFaisalabad, Visit(workplace, peshgi: 450_000));
        var opened = await Run(sp => sp.GetRequiredService<OpenCaseFromInspection.Handler>().Handle(_inspectorFaisalabad, inspection,
            new OpenCaseFromInspection.Request(null, [new PersonSection { FirstName = "Rafiq", SecondName = "Masih", Gender = "Masculine" }, new PersonSection { FirstName = "Sana", AgeWhenTrafficked = 12 }]), None));

        var @case = await Run(sp => sp.GetRequiredService<GetCase.Handler>().Handle(_inspectorFaisalabad, new CaseId(opened.CaseId), None));
        Assert.Equal(2, @case.People.Count);
        Assert.All(@case.People, p =>
        {
            Assert.Equal(TraffickingStatus.PossibleVictimOfTrafficking, p.TraffickingStatus);
            Assert.Contains(ExploitationForm.BondedLabour, p.ExploitationForms);
            Assert.Equal(ForcedLabourIndustry.C_Manufacturing, p.Industry);
            Assert.Contains(MethodOfControl.DebtBondage, p.MethodsOfControl);
            Assert.Contains(MethodOfControl.WithholdsDocuments, p.MethodsOfControl);
        });
        Assert.Contains(ExploitationForm.ChildLabour, @case.People.Single(p => p.AgeWhenTrafficked == 12).ExploitationForms);
        var exploitation = Assert.Single(@case.Events);
        Assert.Equal(EventType.Exploitation, exploitation.Type);
        Assert.Equal("Faisalabad", exploitation.City);
        Assert.Equal("Punjab", exploitation.State);
        Assert.Equal(2, exploitation.ParticipantIds.Count);
        var note = Assert.Single(@case.Notes).Text;
        Assert.Contains("debt-bondage: Peshgi of 150,000 per family.", note, StringComparison.Ordinal);
        Assert.Contains("PKR 450,000", note, StringComparison.Ordinal);
        Assert.Contains("Families work off advances taken in spring.", note, StringComparison.Ordinal);
        var view = await Run(sp => sp.GetRequiredService<GetInspection.Handler>().Handle(_inspectorFaisalabad, inspection, None));
        Assert.Equal(opened.CaseId, view.CaseId);
        await Assert.ThrowsAsync<ConflictException>(() => Run(sp => sp.GetRequiredService<OpenCaseFromInspection.Handler>().Handle(_inspectorFaisalabad, inspection,
            new OpenCaseFromInspection.Request("SECOND", [new PersonSection { FirstName = "Rafiq" }]), None)));
    }

    [Fact]
    public async Task Record_BlsaRelease_KeepsWorkersReleasedOrderAndVigilanceCommittee()
    {
        var workplace = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad");
        var id = await RecordAsync(_inspectorFaisalabad, Visit(workplace, released: 14, order: "DC-FSD/BLSA/2026/31", fir: "FIR 412/26", station: "PS Saddar Jaranwala"));

        var view = await Run(sp => sp.GetRequiredService<GetInspection.Handler>().Handle(_inspectorFaisalabad, id, None));
        Assert.Equal(14, view.WorkersReleased);
        Assert.Equal("DC-FSD/BLSA/2026/31", view.ReleaseOrderReference);
        Assert.True(view.VigilanceCommitteeReferral);
        Assert.Equal("FIR 412/26", view.FirNumber);
        Assert.Equal(["inspector.fsd"], view.Inspectors);
        Assert.Equal([10, 11, 12], view.ChildAges);
    }

    [Theory]
    [InlineData("childrenFound")]
    [InlineData("releaseOrderReference")]
    [InlineData("peshgiAmount")]
    [InlineData("followUpDue")]
    [InlineData("policeStation")]
    [InlineData("inspectedOn")]
    [InlineData("indicators[0].indicator")]
    public async Task Record_InvalidInput_FailsNamingTheFieldAndStoresNothing(string field)
    {
        var workplace = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad");
        var valid = Visit(workplace);
        var request = field switch
        {
            "childrenFound" => valid with { Men = null, Women = null, Boys = null, Girls = null, WorkersFound = 3, ChildrenFound = 5, ChildAges = null },
            "releaseOrderReference" => valid with { WorkersReleased = 4 },
            "peshgiAmount" => valid with { Indicators = [new IndicatorInput("isolation", null)], PeshgiAmount = 100_000 },
            "followUpDue" => valid with { FollowUpDue = "2026-11-01" },
            "policeStation" => valid with { FirNumber = "FIR 1/26" },
            "inspectedOn" => valid with { InspectedOn = "2026-12-24" },
            _ => valid with { Indicators = [new IndicatorInput("bad-weather", null)] },
        };
        var e = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync(_inspectorFaisalabad, request));
        Assert.Equal(field, e.Field);
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListInspections.Handler>().Handle(_admin, new ListInspections.Request(), None)));
    }

    [Fact]
    public async Task Statistics_ByDistrictAndSector_MatchHandComputedCounts()
    {
        var kilnFsd = await WorkplaceAsync(_admin, "Faisalabad");
        var loomsFsd = await WorkplaceAsync(_admin, "Faisalabad", "textile-workshop", "Noor Power Looms");
        var kilnKasur = await WorkplaceAsync(_admin, "Kasur", name: "Pattoki Bricks");
        await RecordAsync(_admin, Visit(kilnFsd, "2026-03-01", released: 7, order: "R-1"));                  // children, 7 released
        await RecordAsync(_admin, Visit(kilnFsd, "2026-06-01", boys: 0, girls: 0, fir: "FIR 9/26", station: "PS Jaranwala")); // no children, FIR
        await RecordAsync(_admin, Visit(loomsFsd, "2026-07-01", boys: 1, girls: 0));                          // children
        await RecordAsync(_admin, Visit(kilnKasur, "2026-08-01", released: 5, order: "R-2", fir: "FIR 10/26", station: "PS Pattoki")); // children, 5 released, FIR
        await RecordAsync(_admin, Visit(kilnKasur, "2025-12-01", released: 9, order: "R-0"));                 // outside the period

        var byDistrict = await Run(sp => sp.GetRequiredService<InspectionStatistics.Handler>().Handle(_admin, new InspectionStatistics.Request("2026-01-01", "2026-12-31", "district"), None));
        Assert.False(byDistrict.Suppressed);
        var fsd = byDistrict.Rows.Single(r => r.Group == "Faisalabad");
        Assert.Equal((3, 2, 7, 1), (fsd.Inspections.Value, fsd.WorkplacesWithChildren.Value, fsd.WorkersReleased.Value, fsd.Firs.Value));
        var kasur = byDistrict.Rows.Single(r => r.Group == "Kasur");
        Assert.Equal((1, 1, 5, 1), (kasur.Inspections.Value, kasur.WorkplacesWithChildren.Value, kasur.WorkersReleased.Value, kasur.Firs.Value));
        Assert.Equal((4, 3, 12, 2), (byDistrict.Total.Inspections.Value, byDistrict.Total.WorkplacesWithChildren.Value, byDistrict.Total.WorkersReleased.Value, byDistrict.Total.Firs.Value));

        var bySector = await Run(sp => sp.GetRequiredService<InspectionStatistics.Handler>().Handle(_admin, new InspectionStatistics.Request("2026-01-01", "2026-12-31", "sector"), None));
        var kilns = bySector.Rows.Single(r => r.Group == "brick-kiln");
        Assert.Equal((3, 2, 12, 2), (kilns.Inspections.Value, kilns.WorkplacesWithChildren.Value, kilns.WorkersReleased.Value, kilns.Firs.Value));
        Assert.Equal(1, bySector.Rows.Single(r => r.Group == "textile-workshop").Inspections.Value);

        var published = await Run(sp => sp.GetRequiredService<InspectionStatistics.Handler>().Handle(_admin, new InspectionStatistics.Request("2026-01-01", "2026-12-31", "district", Public: true), None));
        Assert.True(published.Suppressed);
        Assert.Equal("<5", published.Rows.Single(r => r.Group == "Kasur").Inspections.Text);
        Assert.StartsWith("district,inspections,workplaces_with_children,workers_released,firs\n", InspectionStatistics.ToCsv(published), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueFollowUps_PastDueAndNotVisited_ListedUntilTheNextInspectionOfTheWorkplace()
    {
        var workplace = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad");
        var first = await RecordAsync(_inspectorFaisalabad, Visit(workplace, "2026-09-01", followUp: "2026-10-01"));
        await RecordAsync(_inspectorFaisalabad, Visit(workplace, "2026-11-01", followUp: "2026-12-15")); // not yet due

        var overdue = await Run(sp => sp.GetRequiredService<ListOverdueFollowUps.Handler>().Handle(_inspectorFaisalabad, None));
        Assert.Empty(overdue); // the second visit made the first one's follow-up

        var other = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad", name: "Rehmat Kiln");
        var late = await RecordAsync(_inspectorFaisalabad, Visit(other, "2026-09-10", followUp: "2026-10-10"));
        overdue = await Run(sp => sp.GetRequiredService<ListOverdueFollowUps.Handler>().Handle(_inspectorFaisalabad, None));
        var row = Assert.Single(overdue);
        Assert.Equal(late, row.InspectionId);
        Assert.Equal(44, row.DaysOverdue); // 2026-10-10 to 2026-11-23
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListOverdueFollowUps.Handler>().Handle(_inspectorKasur, None)));
        Assert.NotEqual(first, late);

        await RecordAsync(_inspectorFaisalabad, Visit(other, "2026-11-22"));
        Assert.Equal(0, await Run(sp => sp.GetRequiredService<ListOverdueFollowUps.Handler>().CountAsync(_inspectorFaisalabad, None)));
    }

    [Fact]
    public async Task Visibility_LabourInspector_SeesTheirDistrictAndItsInspectionCasesOnly()
    {
        var fsdWorkplace = await WorkplaceAsync(_inspectorFaisalabad, "Faisalabad");
        var fsdInspection = await RecordAsync(_inspectorFaisalabad, Visit(fsdWorkplace));
        var opened = await Run(sp => sp.GetRequiredService<OpenCaseFromInspection.Handler>().Handle(_admin, fsdInspection,
            new OpenCaseFromInspection.Request(null, [new PersonSection { FirstName = "Rafiq", SecondName = "Masih" }]), None));
        var otherCase = await Run(sp => sp.GetRequiredService<CreateCase.Handler>().Handle(_admin, new CreateCase.Request("LD-OTHER-1", null, null, "Not from an inspection."), None));

        // The Faisalabad inspector sees the Faisalabad workplace, its inspection, and the case opened from it (not assigned to them).
        Assert.Single(await Run(sp => sp.GetRequiredService<ListWorkplaces.Handler>().Handle(_inspectorFaisalabad, new ListWorkplaces.Request(), None)));
        var seen = await Run(sp => sp.GetRequiredService<GetCase.Handler>().Handle(_inspectorFaisalabad, new CaseId(opened.CaseId), None));
        Assert.Equal(opened.CaseId, seen.Id);
        // ...but not another case of the same organisation.
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetCase.Handler>().Handle(_inspectorFaisalabad, new CaseId(otherCase.Id), None)));
        var search = await Run(sp => sp.GetRequiredService<SearchCases.Handler>().Handle(_inspectorFaisalabad, new SearchCases.Request(PageSize: 50), None));
        Assert.Equal([opened.CaseId], search.Items.Select(c => c.Id).ToList());

        // The Kasur inspector of the same organisation sees none of it; denied looks like not found.
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListWorkplaces.Handler>().Handle(_inspectorKasur, new ListWorkplaces.Request(), None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetInspection.Handler>().Handle(_inspectorKasur, fsdInspection, None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetCase.Handler>().Handle(_inspectorKasur, new CaseId(opened.CaseId), None)));
        var e = await Assert.ThrowsAsync<ValidationException>(() => WorkplaceAsync(_inspectorKasur, "Faisalabad"));
        Assert.Equal("district", e.Field);

        // Another organisation sees nothing: its administrator finds nothing, its investigator may not look at all.
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetWorkplace.Handler>().Handle(_adminOther, fsdWorkplace, None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetInspection.Handler>().Handle(_adminOther, fsdInspection, None)));
        Assert.Empty(await Run(sp => sp.GetRequiredService<ListInspections.Handler>().Handle(_adminOther, new ListInspections.Request(), None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<GetWorkplace.Handler>().Handle(_investigatorOther, fsdWorkplace, None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ListInspections.Handler>().Handle(_investigatorOther, new ListInspections.Request(), None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Run(sp => sp.GetRequiredService<GetCase.Handler>().Handle(_investigatorOther, new CaseId(opened.CaseId), None)));

        // The administrator sees every district of the organisation.
        Assert.Single(await Run(sp => sp.GetRequiredService<ListInspections.Handler>().Handle(_admin, new ListInspections.Request(), None)));
    }

    [Fact]
    public async Task Workplace_OwnerAndOperator_AreEncryptedAtRest()
    {
        await WorkplaceAsync(_admin, "Faisalabad");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_core.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT OwnerName || '|' || OperatorName FROM workplaces";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain("Aslam", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Bashir", stored, StringComparison.Ordinal);
    }
}
