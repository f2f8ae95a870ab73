using System.Diagnostics;
using System.Text.RegularExpressions;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Demo;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lantern.Core.Tests.Features.Demo;

/// <summary>Seeds one database once (about 2,100 cases) and shares it across the tests of <see cref="DemoSeederTests"/>.</summary>
public sealed class DemoSeedFixture : IAsyncLifetime
{
    public CoreHarness Harness { get; private set; } = null!;
    public SeedDemoData.Response Seeded { get; private set; } = null!;
    public TimeSpan SeedDuration { get; private set; }
    public DateTime Now => Harness.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The system actor; its organisation is not one the seeder creates, which a system actor does not need.</summary>
    public Actor System { get; } = CoreHarness.Operator;

    public async Task InitializeAsync()
    {
        Harness = await CoreHarness.CreateAsync();
        var stopwatch = Stopwatch.StartNew();
        Seeded = await Harness.RunAsync(sp => sp.GetRequiredService<SeedDemoData.Handler>().Handle(System, CancellationToken.None));
        SeedDuration = stopwatch.Elapsed;
    }

    internal Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => Harness.RunAsync(sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        db.ScopeTo(System);
        return query(db);
    });

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

public sealed partial class DemoSeederTests(DemoSeedFixture fixture, ITestOutputHelper output) : IClassFixture<DemoSeedFixture>
{
    private static readonly string[] OrganisationNames =
        ["FIA AHTC Lahore", "FIA AHTC Karachi", "Punjab Labour Department, Faisalabad", "Aman Shelter Islamabad"];

    [Fact]
    public async Task Handle_EmptyDatabase_SeedsAtLeast2000CasesOverSixYears()
    {
        output.WriteLine($"Seeding took {fixture.SeedDuration.TotalSeconds:0.0} s for {fixture.Seeded.Cases} cases and {fixture.Seeded.Persons} persons.");
        var cases = await fixture.QueryAsync(db => db.Cases.Select(c => new { c.Reference, c.OpenedYear, c.OpenedOn }).ToListAsync());

        Assert.False(fixture.Seeded.AlreadySeeded);
        Assert.True(cases.Count >= 2000, $"{cases.Count} cases");
        Assert.Equal(cases.Count, fixture.Seeded.Cases);
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], cases.Select(c => c.OpenedYear).Distinct().Order());
        Assert.All(cases, c => Assert.Matches(ReferenceShape(), c.Reference));
        Assert.All(cases, c => Assert.True(c.OpenedOn <= DateOnly.FromDateTime(fixture.Now), c.Reference));
    }

    [Fact]
    public async Task Handle_EmptyDatabase_CreatesTheFourDemoOrganisationsWithCases()
    {
        var organisations = await fixture.QueryAsync(db => db.Organisations
            .Select(o => new { o.Name, o.Type, o.Country, Cases = db.Cases.Count(c => c.OrganisationId == o.Id) }).ToListAsync());

        Assert.Equal(OrganisationNames.Order(), organisations.Select(o => o.Name).Order());
        Assert.All(organisations, o => Assert.True(o.Cases >= 200, $"{o.Name}: {o.Cases} cases"));
        Assert.All(organisations, o => Assert.Equal("PK", o.Country));
        Assert.Contains(organisations, o => o.Name == "Aman Shelter Islamabad" && o.Type == OrganisationType.NGO);
        Assert.Contains(organisations, o => o.Name == "Punjab Labour Department, Faisalabad" && o.Type == OrganisationType.LocalGovernmentOrganisation);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_VictimsFollowGlotipSharesBySexAndAge()
    {
        var victims = await fixture.QueryAsync(db => db.Participants.Where(p => p.Role == CaseRole.Victim)
            .Select(p => new { p.Person.Gender, p.AgeWhenTrafficked }).ToListAsync());
        var counted = victims.Where(v => v.Gender is Gender.Feminine or Gender.Masculine && v.AgeWhenTrafficked is not null).ToList();
        double Share(Gender gender, bool child) =>
            counted.Count(v => v.Gender == gender && v.AgeWhenTrafficked < 18 == child) / (double)counted.Count;

        var (women, girls, men, boys) = (Share(Gender.Feminine, false), Share(Gender.Feminine, true), Share(Gender.Masculine, false), Share(Gender.Masculine, true));
        output.WriteLine($"{victims.Count} victims: women {women:P0}, girls {girls:P0}, men {men:P0}, boys {boys:P0}");

        Assert.InRange(women, 0.31, 0.47);
        Assert.InRange(girls, 0.12, 0.24);
        Assert.InRange(men, 0.23, 0.37);
        Assert.InRange(boys, 0.08, 0.19);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_LinksRecurringPeopleToSeveralCases()
    {
        var links = await fixture.QueryAsync(db => db.Participants
            .GroupBy(p => p.PersonId)
            .Select(g => new { Person = g.Key, Cases = g.Select(p => p.CaseId).Distinct().Count(), Suspect = g.Any(p => p.Role == CaseRole.Suspect), Victim = g.Any(p => p.Role == CaseRole.Victim) })
            .Where(x => x.Cases >= 2).ToListAsync());
        var recurringIds = links.Select(l => l.Person).ToList();
        var withAliases = await fixture.QueryAsync(db => db.Persons.Where(p => recurringIds.Contains(p.Id) && p.Aliases.Any()).CountAsync());

        Assert.True(links.Count(l => l.Suspect) >= 20, $"{links.Count(l => l.Suspect)} recurring suspects");
        Assert.Contains(links, l => l.Victim);
        Assert.Contains(links, l => l.Cases >= 3);
        Assert.True(withAliases >= 10, $"{withAliases} recurring people with aliases");
    }

    [Fact]
    public async Task Handle_EmptyDatabase_RoutesRunThroughIranTurkeyLibyaTheGulfAndEurope()
    {
        var events = await fixture.QueryAsync(db => db.Events.GroupBy(e => new { e.Type, e.Country }).Select(g => new { g.Key.Type, g.Key.Country, Count = g.Count() }).ToListAsync());
        bool Has(EventType type, string country) => events.Any(e => e.Type == type && e.Country == country);

        Assert.True(Has(EventType.Recruitment, "PK"));
        Assert.True(Has(EventType.Transit, "IR"));
        Assert.True(Has(EventType.Transit, "TR"));
        Assert.True(Has(EventType.Transit, "LY"));
        Assert.True(Has(EventType.Exploitation, "AE"));
        Assert.True(Has(EventType.Exploitation, "SA"));
        Assert.True(Has(EventType.Exploitation, "PK"));
        Assert.All(["IT", "GR", "ES"], country => Assert.True(Has(EventType.Exploitation, country), country));
        Assert.DoesNotContain(events, e => e.Type == EventType.Recruitment && e.Country != "PK");
    }

    [Fact]
    public async Task Handle_EmptyDatabase_CoversTheMainFormsOfExploitation()
    {
        var victims = await fixture.QueryAsync(db => db.Participants.Where(p => p.Role == CaseRole.Victim)
            .Select(p => new { p.ExploitationCodes, p.Industry, p.ControlCodes, p.RelationshipToTrafficker }).ToListAsync());
        bool Has(ExploitationForm form) => victims.Any(v => v.ExploitationCodes.Contains(CaseParticipant.Code(form), StringComparison.Ordinal));

        Assert.All(
            [ExploitationForm.BondedLabour, ExploitationForm.Servitude, ExploitationForm.ForcedBegging, ExploitationForm.SexualExploitation,
             ExploitationForm.ForcedMarriage, ExploitationForm.OrganRemoval, ExploitationForm.ForcedCriminality, ExploitationForm.ForcedLabour, ExploitationForm.ChildLabour],
            form => Assert.True(Has(form), form.ToString()));
        Assert.Contains(victims, v => v.ExploitationCodes.Contains(",BondedLabour,", StringComparison.Ordinal) && v.Industry == ForcedLabourIndustry.C_Manufacturing);
        Assert.Contains(victims, v => v.ExploitationCodes.Contains(",Servitude,", StringComparison.Ordinal) && v.Industry == ForcedLabourIndustry.T_ActivitiesOfHouseholdsAsEmployers);
        Assert.Contains(victims, v => v.Industry == ForcedLabourIndustry.A_AgricultureForestryAndFishing);
        Assert.Contains(victims, v => v.Industry == ForcedLabourIndustry.F_Construction);
        Assert.All(victims, v => Assert.NotEqual("", v.ControlCodes));
        Assert.Equal(3, victims.Select(v => v.RelationshipToTrafficker).OfType<RelationshipToTrafficker>().Distinct().Count());
    }

    [Fact]
    public async Task Handle_EmptyDatabase_VictimAgesAndStatusesAreConsistent()
    {
        var victims = await fixture.QueryAsync(async db =>
        {
            var participants = await db.Participants.Where(p => p.Role == CaseRole.Victim)
                .Select(p => new { p.PersonId, p.Case.OpenedYear, p.AgeWhenTrafficked, p.TraffickingStatus, p.StatusDecidedBy }).ToListAsync();
            var births = await db.Persons.ToDictionaryAsync(p => p.Id, p => p.ParsedBirthDate);
            return participants.Select(p => (p.OpenedYear, p.AgeWhenTrafficked, BirthYear: births[p.PersonId]?.Year, p.TraffickingStatus, p.StatusDecidedBy)).ToList();
        });

        // Recruitment precedes opening by up to six years; the age is taken at recruitment.
        Assert.All(victims, v => Assert.InRange(v.OpenedYear - v.BirthYear!.Value - v.AgeWhenTrafficked!.Value, 0, 7));
        Assert.All(victims, v => Assert.True(v.TraffickingStatus == TraffickingStatus.PossibleVictimOfTrafficking || v.StatusDecidedBy is not null));
        Assert.Equal(3, victims.Select(v => v.TraffickingStatus).Distinct().Count());
        Assert.Contains(victims, v => v.StatusDecidedBy == StatusDecisionMaker.CourtOrProsecution);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_IdentityDetailsHavePakistaniShapes()
    {
        var persons = await fixture.QueryAsync(db => db.Persons.Include(p => p.Documents).Include(p => p.SearchKeys).ToListAsync());
        var documents = persons.SelectMany(p => p.Documents).ToList();

        Assert.All(documents.Where(d => d.Type is DocumentType.CNIC or DocumentType.BForm or DocumentType.NICOP), d => Assert.Matches(CnicShape(), d.Number));
        Assert.All(documents.Where(d => d.Type == DocumentType.Passport), d => Assert.Matches(PassportShape(), d.Number));
        Assert.Contains(documents, d => d.Type == DocumentType.BForm);
        Assert.Contains(documents, d => d.Type == DocumentType.Passport);
        Assert.All(persons.Select(p => p.MobilePhone).OfType<string>().Where(m => m.StartsWith("+92", StringComparison.Ordinal)), m => Assert.Matches(PakistaniMobileShape(), m));
        Assert.Contains(persons, p => p.NameInOriginalScript is { } urdu && urdu.Any(c => c is >= '\u0600' and <= '\u06FF'));
        Assert.Contains(persons, p => p.CitizenshipCodes.Contains("AF"));
        Assert.All(persons.Where(p => p.FirstName is not null), p => Assert.NotEmpty(p.SearchKeys));
    }

    [Fact]
    public async Task Handle_EmptyDatabase_MixesStatusesAndGivesClosedCasesAReason()
    {
        var cases = await fixture.QueryAsync(db => db.Cases.Include(c => c.Notes).Include(c => c.Shares).ToListAsync());

        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.True(cases.Count(c => c.Status == s) >= 100, s.ToString()));
        Assert.All(cases.Where(c => c.Status is CaseStatus.Closed or CaseStatus.ClosedReferred), c => Assert.False(string.IsNullOrWhiteSpace(c.ClosureReason), c.Reference));
        Assert.All(cases, c => Assert.InRange(c.Notes.Count, 0, 3));
        Assert.All(cases, c => Assert.InRange(c.Summary?.Length ?? 0, 150, Case.MaxSummaryLength));
        Assert.All(cases, c => Assert.True(c.UpdatedAt <= fixture.Now, c.Reference));
        Assert.Contains(cases, c => c.Shares.Count > 0);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_CreatesDemoAccountsWhosePasswordsPassPolicyAndVerify()
    {
        var accounts = fixture.Seeded.Accounts;
        var users = await fixture.QueryAsync(db => db.Users.ToListAsync());

        Assert.InRange(accounts.Count, 8, 10);
        Assert.Equal(accounts.Select(a => a.Username).Order(), users.Select(u => u.Username).Order());
        Assert.All(Enum.GetValues<Role>(), role => Assert.Contains(users, u => u.Role == role));
        Assert.All(users, u => Assert.True(u.IsDemo && !u.RequiresSecondFactor, u.Username));
        Assert.Equal(accounts.Count, accounts.Select(a => a.Password).Distinct().Count());
        Assert.All(accounts, a => PasswordPolicy.Validate(a.Password));
        var verified = await Task.WhenAll(accounts.Select(a => Task.Run(() => PasswordHasher.Verify(a.Password, users.Single(u => u.Username == a.Username).PasswordHash))));
        Assert.All(verified, Assert.True);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_AssignsCasesToDemoOfficers()
    {
        var assigned = await fixture.QueryAsync(db => db.Users
            .Select(u => new { u.Username, Cases = db.Cases.Count(c => c.Assignments.Any(a => a.UserId == u.Id)) }).ToListAsync());

        Assert.All(["demo.investigator.lhr", "demo.investigator.khi", "demo.prosecutor.lhr", "demo.inspector.fsd", "demo.caseworker.isb"],
            username => Assert.True(assigned.Single(a => a.Username == username).Cases >= 20, username));
        Assert.Equal(0, assigned.Single(a => a.Username == "demo.analyst").Cases);
    }

    [Fact]
    public async Task Handle_EmptyDatabase_RecordsOneAuditEntry()
    {
        var entries = await fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "demo.seed").ToListAsync());

        var entry = Assert.Single(entries);
        Assert.Equal($"{fixture.Seeded.Cases} cases", entry.Detail);
        Assert.Equal(fixture.System.Username, entry.ActorName);
    }

    [Fact]
    public async Task Handle_SecondCall_ReturnsAlreadySeededAndAddsNothing()
    {
        var before = await CountsAsync();

        var response = await fixture.Harness.RunAsync(sp => sp.GetRequiredService<SeedDemoData.Handler>().Handle(fixture.System, CancellationToken.None));

        Assert.True(response.AlreadySeeded);
        Assert.Empty(response.Accounts);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Handle_ActorIsNotTheSystem_ThrowsForbidden()
    {
        var before = await CountsAsync();
        var administrator = new Actor(UserId.New(), "someone", new OrganisationId(Guid.NewGuid()), Role.Administrator, "127.0.0.1");

        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.Harness.RunAsync(sp => sp.GetRequiredService<SeedDemoData.Handler>().Handle(administrator, CancellationToken.None)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public void CreateCase_SameSeed_TellsTheSameCasesEveryRun()
    {
        static List<string> Tell()
        {
            var organisations = DemoCatalogue.Organisations.ToDictionary(o => o.Code, _ => OrganisationId.New());
            var seeder = new DemoSeeder(organisations, [], _ => { }, new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));
            var network = seeder.CreateNetwork().ToDictionary(p => p.Id);
            return seeder.PlanCases().Take(400).Select(plan =>
            {
                var c = seeder.CreateCase(plan, id => network[id]);
                return string.Join('|', c.Reference, c.Status, c.OpenedOn, c.Summary, c.ClosureReason,
                    string.Join(',', c.Participants.Select(p => $"{p.Role}:{p.Person.DisplayName}:{p.Person.BirthDate}:{p.AgeWhenTrafficked}")),
                    string.Join(',', c.Events.Select(e => $"{e.Type}:{e.Country}:{e.City}:{e.Date}")),
                    string.Join(',', c.Notes.Select(n => n.Text)));
            }).ToList();
        }

        Assert.Equal(Tell(), Tell());
    }

    [Fact]
    public void Generate_CalledTwice_GivesDifferentReadablePasswords()
    {
        var first = DemoPasswords.Generate();
        var second = DemoPasswords.Generate();

        Assert.NotEqual(first, second);
        Assert.Matches(PasswordShape(), first);
        Assert.True(first.Length >= PasswordPolicy.MinimumLength);
    }

    private Task<(int Cases, int Persons, int Users, int Organisations, int Audit)> CountsAsync() =>
        fixture.QueryAsync(async db => (await db.Cases.CountAsync(), await db.Persons.CountAsync(), await db.Users.CountAsync(),
            await db.Organisations.CountAsync(), await db.AuditEntries.CountAsync()));

    [GeneratedRegex(@"^(AHTC-LHR|AHTC-KHI|PLD-FSD|ASI-ISB)-20(2[1-6])-\d{4}$")]
    private static partial Regex ReferenceShape();

    [GeneratedRegex(@"^\d{5}-\d{7}-\d$")]
    private static partial Regex CnicShape();

    [GeneratedRegex(@"^[A-Z]{2}\d{7}$")]
    private static partial Regex PassportShape();

    [GeneratedRegex(@"^\+923\d{9}$")]
    private static partial Regex PakistaniMobileShape();

    [GeneratedRegex(@"^[a-z]+-[a-z]+-[a-z]+-\d{4}$")]
    private static partial Regex PasswordShape();
}
