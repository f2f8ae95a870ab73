using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Duplicates;
using Lantern.Core.Features.Statistics;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Statistics;

/// <summary>
/// GLOTIP breakdowns over real SQLite against counts worked out by hand from a fixed small data set:
/// <code>
/// 2024  Police Lahore   L1 (opened 2024-03-01; exploitation 2023-06, Punjab/Kasur, naming nobody)
///         Asma   F  born 2010-05-01, PK, SexualExploitation          -> 13 at exploitation: girl
///         Bilal  M  age when trafficked 16 (born 1990: ignored), AF, BondedLabour -> boy
///         Nargis F  age 30, PK, ForcedLabour + BondedLabour           -> woman
///         Tariq  M  suspect (not a victim)
///       Police Lahore   L2 (opened 2024-07-01; no events)
///         Asma again (same person), ForcedCriminality                 -> still one victim in 2024
///         Imran  M  age 40, PK, no form                               -> man, form unknown
///       Shelter Karachi K1 (opened 2024-02-01; exploitation 2024-01, Sindh/Karachi, naming nobody)
///         Asma B F  born 2010-05-01, PK, SexualExploitation: a separate record confirmed as Asma's duplicate
///         Zara   sex not specified, age 20, BD, ForcedMarriage        -> unknown
///         Hina   F  no age, no birth date, no citizenship, SexualExploitation -> unknown
///       Shelter Karachi K2 (opened 2024-04-01; exploitation 2023-12 Sindh/Hyderabad and transit 2024-03 Punjab/Lahore, naming Omar)
///         Omar   M  born 2006-03-01, AF, ForcedBegging                -> 17 at exploitation (18 at opening): boy
/// 2023  Police Lahore   L0 (opened 2023-11-01; no events)
///         Asma again                                                  -> girl (13 at the opening date)
/// </code>
/// </summary>
public sealed class CountVictimsTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CoreHarness _core = null!;
    private Actor _adminLahore = null!;
    private Actor _analystLahore = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        var lahore = await Run(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var l = await add.Handle(CoreHarness.Operator, "Police Lahore", "LawEnforcement", "PK", "Lahore", None);
            await add.Handle(CoreHarness.Operator, "Shelter Karachi", "NGO", "PK", "Karachi", None);
            return new OrganisationId(l.Id);
        });
        _adminLahore = new Actor(UserId.New(), "admin.lahore", lahore, Role.Administrator, "test");
        _analystLahore = new Actor(UserId.New(), "analyst.lahore", lahore, Role.Analyst, "test");

        var exploitedKasur = Event("Exploitation", "2023-06", "Punjab", "Kasur");
        var l1 = await ImportAsync("Police Lahore", "L1", "2024-03-01",
            [
                Victim("asma", "Asma", "Feminine", birth: "2010-05-01", citizenship: "PK", forms: ["SexualExploitation"]),
                Victim("bilal", "Bilal", "Masculine", birth: "1990-01-01", age: 16, citizenship: "AF", forms: ["BondedLabour"]),
                Victim("nargis", "Nargis", "Feminine", age: 30, citizenship: "PK", forms: ["ForcedLabour", "BondedLabour"]),
                new Dictionary<string, object?> { ["key"] = "tariq", ["role"] = "suspect", ["prs_FirstName"] = "Tariq", ["prs_Gender"] = "Masculine" },
            ], [exploitedKasur]);
        var l2 = await ImportAsync("Police Lahore", "L2", "2024-07-01", [Victim("imran", "Imran", "Masculine", age: 40, citizenship: "PK")], []);
        var k1 = await ImportAsync("Shelter Karachi", "K1", "2024-02-01",
            [
                Victim("asmab", "Asma B", "Feminine", birth: "2010-05-01", citizenship: "PK", forms: ["SexualExploitation"]),
                Victim("zara", "Zara", "NonSpecifiedUnknown", age: 20, citizenship: "BD", forms: ["ForcedMarriage"]),
                Victim("hina", "Hina", "Feminine", forms: ["SexualExploitation"]),
            ], [Event("Exploitation", "2024-01", "Sindh", "Karachi")]);
        await ImportAsync("Shelter Karachi", "K2", "2024-04-01",
            [Victim("omar", "Omar", "Masculine", birth: "2006-03-01", citizenship: "AF", forms: ["ForcedBegging"])],
            [Event("Transit", "2024-03", "Punjab", "Lahore", "omar"), Event("Exploitation", "2023-12", "Sindh", "Hyderabad", "omar")]);
        var l0 = await ImportAsync("Police Lahore", "L0", "2023-11-01", [], []);

        await Run(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ScopeTo(CoreHarness.Operator);
            var asma = await db.Participants.Where(p => p.CaseId == l1).Include(p => p.Person).ToListAsync(None);
            var asmaPerson = asma.Single(p => p.Person.FirstName == "Asma").Person;
            foreach (var (caseId, forms) in new[] { (l2, new[] { ExploitationForm.ForcedCriminality }), (l0, Array.Empty<ExploitationForm>()) })
            {
                var @case = await db.Cases.Include(c => c.Participants).SingleAsync(c => c.Id == caseId, None);
                var participant = @case.AddParticipant(asmaPerson, CaseRole.Victim, DateTime.UtcNow);
                participant.SetVictimContext(VictimContext.Empty with { ExploitationForms = forms });
            }
            var asmaB = (await db.Participants.Where(p => p.CaseId == k1).Include(p => p.Person).ToListAsync(None)).Single(p => p.Person.FirstName == "Asma B").Person;
            var identity = SequentialGuid.Next();
            db.PersonIdentityMembers.AddRange(new PersonIdentityMember(asmaPerson.Id, identity, DateTime.UtcNow), new PersonIdentityMember(asmaB.Id, identity, DateTime.UtcNow));
            await db.SaveChangesAsync(None);
            return 0;
        });
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => _core.RunAsync(work);

    private static Dictionary<string, object?> Victim(string key, string name, string gender, string? birth = null, int? age = null, string? citizenship = null, string[]? forms = null) => new()
    {
        ["key"] = key,
        ["role"] = "victim",
        ["prs_FirstName"] = name,
        ["prs_Gender"] = gender,
        ["prs_Birthdate"] = birth,
        ["prs_Citizenship"] = citizenship is null ? null : new[] { citizenship },
        ["vic_AgeWhenTrafficked"] = age,
        ["vic_TypeOfExploitation"] = forms,
    };

    private static Dictionary<string, object?> Event(string type, string date, string state, string city, params string[] persons) => new()
    {
        ["hte_Type"] = type,
        ["hte_Date"] = date,
        ["hte_Country"] = "PK",
        ["hte_State"] = state,
        ["hte_City"] = city,
        ["persons"] = persons,
    };

    private Task<CaseId> ImportAsync(string organisation, string reference, string openedOn, IEnumerable<Dictionary<string, object?>> persons, IEnumerable<Dictionary<string, object?>> events) => Run(async sp =>
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["format"] = "lantern-case/1",
            ["case"] = new Dictionary<string, string> { ["reference"] = reference, ["cas_Status"] = "Active", ["openedOn"] = openedOn },
            ["persons"] = persons.Select(p => p.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)).ToList(),
            ["events"] = events.ToList(),
        });
        var imported = await sp.GetRequiredService<ImportCases.Handler>().Handle(CoreHarness.Operator, new ImportCases.Request([new ImportCases.Source(reference + ".json", json)], organisation), None);
        return new CaseId(imported.Cases[0].Id);
    });

    private Task<CountVictims.Response> Count(Actor actor, int year, string by, string? organisation = null, bool @public = false) =>
        Run(sp => sp.GetRequiredService<CountVictims.Handler>().Handle(actor, new CountVictims.Request(year, by, organisation, @public), None));

    private static Dictionary<string, string> Rows(CountVictims.Response r) => r.Rows.ToDictionary(x => x.Group, x => x.Text);

    [Fact]
    public async Task Handle_BySexAge_CountsEachGroupOncePerVictim()
    {
        var r = await Count(CoreHarness.Operator, 2024, "sex-age");

        Assert.Equal(["women", "men", "girls", "boys", "unknown"], r.Rows.Select(x => x.Group));
        Assert.Equal([1, 1, 1, 2, 2], r.Rows.Select(x => x.Value!.Value));
        Assert.Equal(7, r.Total.Value);
        Assert.False(r.Suppressed);
    }

    [Fact]
    public async Task Handle_VictimInSeveralCasesAndMergedRecords_CountsOncePerYear()
    {
        var y2024 = await Count(CoreHarness.Operator, 2024, "organisation");
        var y2023 = await Count(CoreHarness.Operator, 2023, "sex-age");

        // Asma is named by L1, L2 (Lahore) and, as Asma B, by K1 (Karachi): once per organisation, once in the total.
        Assert.Equal("4", Rows(y2024)["Police Lahore"]);
        Assert.Equal("4", Rows(y2024)["Shelter Karachi"]);
        Assert.Equal(7, y2024.Total.Value);
        Assert.Equal(1, y2023.Total.Value);
        Assert.Equal("1", Rows(y2023)["girls"]);
    }

    [Fact]
    public async Task HandleAll_PeriodAcrossNewYear_CountsEachVictimOncePerPeriod()
    {
        Task<IReadOnlyList<CountVictims.Response>> Over(string from, string to) => Run(sp => sp.GetRequiredService<CountVictims.Handler>()
            .HandleAll(CoreHarness.Operator, ReportingPeriod.Of(null, from, to), null, @public: false, None));

        var acrossNewYear = await Over("2023-11-01", "2024-12-31");
        var spring = await Over("2024-03-01", "2024-06-30");
        var wholeYear = await Over("2024-01-01", "2024-12-31");

        // Asma is named in L0 (November 2023) and in 2024: one victim per year, but once in a period holding both.
        Assert.Equal(7, acrossNewYear.Single(r => r.By == "sex-age").Total.Value);
        // L1 (1 March: Asma, Bilal, Nargis) and K2 (1 April: Omar); L2 (1 July) and K1 (1 February) fall outside.
        Assert.Equal(4, spring.Single(r => r.By == "sex-age").Total.Value);
        Assert.Equal((await Count(CoreHarness.Operator, 2024, "sex-age")).Rows, wholeYear.Single(r => r.By == "sex-age").Rows);
    }

    [Fact]
    public async Task Handle_ByExploitation_CountsEveryFormOfEachVictim()
    {
        var rows = Rows(await Count(CoreHarness.Operator, 2024, "exploitation"));

        Assert.Equal("1", rows["ForcedLabour"]);
        Assert.Equal("2", rows["SexualExploitation"]);
        Assert.Equal("1", rows["ForcedMarriage"]);
        Assert.Equal("1", rows["ForcedBegging"]);
        Assert.Equal("1", rows["ForcedCriminality"]);
        Assert.Equal("2", rows["BondedLabour"]);
        Assert.Equal("1", rows["unknown"]);
        Assert.Equal("0", rows["OrganRemoval"]);
    }

    [Fact]
    public async Task Handle_ByCitizenship_UsesIsoCodesAndUnknown()
    {
        var r = await Count(CoreHarness.Operator, 2024, "citizenship");

        Assert.Equal(["PK", "AF", "BD", "unknown"], r.Rows.Select(x => x.Group));
        Assert.Equal([3, 2, 1, 1], r.Rows.Select(x => x.Value!.Value));
    }

    [Fact]
    public async Task Handle_ByProvinceAndDistrict_TakesThePlaceOfExploitation()
    {
        var provinces = Rows(await Count(CoreHarness.Operator, 2024, "province"));
        var districts = Rows(await Count(CoreHarness.Operator, 2024, "district"));

        Assert.Equal(new Dictionary<string, string> { ["Sindh"] = "4", ["Punjab"] = "2", ["unknown"] = "1" }, provinces);
        Assert.Equal(new Dictionary<string, string> { ["Karachi"] = "3", ["Kasur"] = "2", ["Hyderabad"] = "1", ["unknown"] = "1" }, districts);
    }

    [Fact]
    public async Task Handle_OneOrganisation_CountsOnlyItsCases()
    {
        var r = await Count(CoreHarness.Operator, 2024, "sex-age", "Shelter Karachi");

        Assert.Equal([0, 0, 1, 1, 2], r.Rows.Select(x => x.Value!.Value));
    }

    [Fact]
    public async Task Handle_Public_ShowsSmallCountsAsLessThanFive()
    {
        var r = await Count(CoreHarness.Operator, 2024, "citizenship", @public: true);

        Assert.True(r.Suppressed);
        Assert.Equal(["<5", "<5", "<5", "<5"], r.Rows.Select(x => x.Text));
        Assert.All(r.Rows, x => Assert.Null(x.Value));
        Assert.Equal("7", r.Total.Text);
    }

    [Fact]
    public async Task Handle_AnalystWithoutExactFigures_GetsSuppressedFiguresOfOwnCasesOnly()
    {
        var r = await Count(_analystLahore, 2024, "sex-age");

        // Lahore's cases only: Nargis (woman), Imran (man), Asma (girl), Bilal (boy).
        Assert.True(r.Suppressed);
        Assert.Equal(["<5", "<5", "<5", "<5", "0"], r.Rows.Select(x => x.Text));
        Assert.Equal("<5", r.Total.Text);
    }

    [Fact]
    public async Task Handle_AdministratorWithExactFigures_GetsExactFigures()
    {
        var r = await Count(_adminLahore, 2024, "sex-age");

        Assert.False(r.Suppressed);
        Assert.Equal([1, 1, 1, 1, 0], r.Rows.Select(x => x.Value!.Value));
    }

    [Fact]
    public async Task Handle_BadBreakdownYearOrOrganisation_IsRefusedNamingTheField()
    {
        Assert.Equal("by", (await Assert.ThrowsAsync<ValidationException>(() => Count(CoreHarness.Operator, 2024, "gender"))).Field);
        Assert.Equal("year", (await Assert.ThrowsAsync<ValidationException>(() => Count(CoreHarness.Operator, 24, "sex-age"))).Field);
        Assert.Equal("organisation", (await Assert.ThrowsAsync<ValidationException>(() => Count(CoreHarness.Operator, 2024, "sex-age", "Nobody"))).Field);
    }

    [Fact]
    public async Task Handle_UserWithoutStatisticsPermission_IsForbidden()
    {
        var caseworker = _adminLahore with { Role = Role.Caseworker };

        await Assert.ThrowsAsync<ForbiddenException>(() => Count(caseworker, 2024, "sex-age"));
    }

    [Fact]
    public async Task CountOffenders_SuspectOfTheYear_IsCountedBySexAndCitizenship()
    {
        var r = await Run(sp => sp.GetRequiredService<CountOffenders.Handler>().Handle(CoreHarness.Operator, new CountOffenders.Request(2024), None));

        var suspects = r.Tables.Single(t => t.Name == "suspects");
        Assert.Equal(["unknown"], suspects.Columns);
        Assert.Equal("1", suspects.Rows.Single(x => x.Group == "male").Cells.Single().Text);
        Assert.Equal(1, suspects.Total.Value);
        Assert.Equal(0, r.Tables.Single(t => t.Name == "convicted").Total.Value);
    }

    [Fact]
    public void CountOffenders_Tabulate_SuppressesTheTwoWayTable()
    {
        var offenders = Enumerable.Range(0, 9).Select(i => new CountOffenders.Offender(Guid.NewGuid(), "male", "PK"))
            .Concat(Enumerable.Range(0, 7).Select(i => new CountOffenders.Offender(Guid.NewGuid(), "female", "PK")))
            .Append(new CountOffenders.Offender(Guid.NewGuid(), "male", "AF")).ToList();

        var t = CountOffenders.Tabulate("suspects", offenders, suppressed: true);

        // male/AF = 1 is small; its row and column need a second hidden entry each.
        Assert.Equal(["PK", "AF", "unknown"], t.Columns);
        var male = t.Rows.Single(x => x.Group == "male");
        Assert.Equal("<5", male.Cells[1].Text);
        Assert.True(male.Cells.Concat([male.Total]).Count(c => c.Value is null) >= 2);
        Assert.True(t.ColumnTotals[1].Value is null);
        Assert.Equal("17", t.Total.Text);
    }

    private Task<ImportPopulation.Response> ImportPopulationAsync(params string[][] rows) =>
        Run(sp => sp.GetRequiredService<ImportPopulation.Handler>().Handle(CoreHarness.Operator, new ImportPopulation.Request([["area", "year", "population", "source"], .. rows]), None));

    [Fact]
    public async Task RateVictims_PopulationLoaded_GivesVictimsPer100000()
    {
        await ImportPopulationAsync(["PK", "2024", "1000000", "Synthetic test figure"], ["Sindh", "2024", "500000", "Synthetic test figure"]);

        var exact = await Run(sp => sp.GetRequiredService<RateVictims.Handler>().Handle(CoreHarness.Operator, new RateVictims.Request(2024), None));
        var published = await Run(sp => sp.GetRequiredService<RateVictims.Handler>().Handle(CoreHarness.Operator, new RateVictims.Request(2024, Public: true), None));

        // 7 victims in 1,000,000 people; 4 exploited in Sindh among 500,000.
        Assert.Equal("0.70", exact.Rates.Single(x => x.Area == "PK").Per100000);
        Assert.Equal("0.80", exact.Rates.Single(x => x.Area == "Sindh").Per100000);
        Assert.Equal("<5", published.Rates.Single(x => x.Area == "Sindh").Per100000);
        Assert.Equal("0.70", published.Rates.Single(x => x.Area == "PK").Per100000);
    }

    [Fact]
    public async Task ImportPopulation_SameAreaAndYearAgain_ReplacesTheFigure()
    {
        await ImportPopulationAsync(["PK", "2024", "1000000", "first"]);

        var again = await ImportPopulationAsync(["PK", "2024", "2000000", "second"]);

        Assert.Equal(new ImportPopulation.Response(0, 1), again);
        var rate = await Run(sp => sp.GetRequiredService<RateVictims.Handler>().Handle(CoreHarness.Operator, new RateVictims.Request(2024), None));
        Assert.Equal("0.35", rate.Rates.Single().Per100000);
    }

    [Fact]
    public async Task ImportPopulation_OneBadRow_SavesNothingAndNamesTheField()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => ImportPopulationAsync(["PK", "2024", "1000000", "ok"], ["Punjab", "2024", "-5", "bad"]));

        Assert.Equal("population", error.Field);
        var rate = await Run(sp => sp.GetRequiredService<RateVictims.Handler>().Handle(CoreHarness.Operator, new RateVictims.Request(2024), None));
        Assert.Empty(rate.Rates);
    }

    [Fact]
    public async Task ImportPopulation_Analyst_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(sp => sp.GetRequiredService<ImportPopulation.Handler>().Handle(_analystLahore,
            new ImportPopulation.Request([["area", "year", "population", "source"]]), None)));
}
