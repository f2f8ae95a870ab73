using System.Net;
using System.Net.Http.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lantern.Integration.Tests.Infrastructure.Persona;

namespace Lantern.Integration.Tests.Features.Referrals;

/// <summary>Every persona against every referral operation and page, on SQLite and PostgreSQL.</summary>
public abstract class ReferralPersonaMatrixTests(ServerFixture fixture)
{
    private const int Ok = 200, Created = 201, Unauthorized = 401, Forbidden = 403, NotFound = 404;
    private static readonly Persona[] Personas = [InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous];
    private static readonly string[] Identity = ["Identity"];

    public static TheoryData<Persona, string, int> Matrix()
    {
        // operation -> expected status for: InvestigatorA, CaseworkerB, AnalystA, AuditorA, AdministratorA, DisabledA, Anonymous
        var table = new (string Operation, int[] Expected)[]
        {
            ("search services", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("add a service", [Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("referral board", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("overdue referrals", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("protection record of the victim of case A", [Ok, NotFound, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("record consent for the victim of case A", [Created, NotFound, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("draft a referral of the victim of case A", [Created, NotFound, Forbidden, Forbidden, Created, Unauthorized, Unauthorized]),
            ("read a referral sent by A to B", [Ok, Ok, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("accept a referral sent by A to B", [Forbidden, Ok, Forbidden, Forbidden, Forbidden, Unauthorized, Unauthorized]),
            ("withdraw a referral sent by A to B", [Ok, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
            ("send a draft of A without consent", [Forbidden, Forbidden, Forbidden, Forbidden, Ok, Unauthorized, Unauthorized]),
        };
        var data = new TheoryData<Persona, string, int>();
        foreach (var (operation, expected) in table)
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                data.Add(Personas[i], operation, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_ForPersona_GetsExactlyTheExpectedStatus(Persona persona, string operation, int expected)
    {
        var server = fixture.Server;
        using var client = server.Client(persona);
        var victimA = await VictimOfCaseAAsync();
        using var response = operation switch
        {
            "search services" => await client.GetAsync(Uri("/api/v1/services?type=Shelter")),
            "add a service" => await client.PostAsJsonAsync(Uri("/api/v1/services"), new { type = "LegalAid", name = "Matrix legal aid", province = "Punjab", district = "Lahore", acceptsWomen = true }),
            "referral board" => await client.GetAsync(Uri("/api/v1/referrals")),
            "overdue referrals" => await client.GetAsync(Uri("/api/v1/referrals/overdue")),
            "protection record of the victim of case A" => await client.GetAsync(Uri($"/api/v1/victims/{victimA}/protection")),
            "record consent for the victim of case A" => await client.PostAsJsonAsync(Uri($"/api/v1/victims/{victimA}/consents"),
                new { language = "ur", grants = new[] { new { serviceType = "Shelter", categories = Identity } }, guardianName = "Nasim Bibi", guardianRelation = "Mother" }),
            "draft a referral of the victim of case A" => await client.PostAsJsonAsync(Uri("/api/v1/referrals"),
                new { participantId = victimA, serviceId = await ReferralScenario.AddServiceAsync(server, server.OrganisationBId), categories = Identity }),
            "read a referral sent by A to B" => await client.GetAsync(Uri($"/api/v1/referrals/{await SentReferralAsync()}")),
            "accept a referral sent by A to B" => await client.PostAsync(Uri($"/api/v1/referrals/{await SentReferralAsync()}/accept"), null),
            "withdraw a referral sent by A to B" => await client.PostAsJsonAsync(Uri($"/api/v1/referrals/{await SentReferralAsync()}/withdraw"), new { reason = "Matrix" }),
            "send a draft of A without consent" => await client.PostAsJsonAsync(Uri($"/api/v1/referrals/{await DraftReferralAsync()}/send-without-consent"), new { reason = "Risk to life." }),
            _ => throw new ArgumentException("Unknown operation " + operation, nameof(operation)),
        };
        Assert.True(expected == (int)response.StatusCode, $"{persona} / {operation}: expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<Persona, string, string> PageMatrix()
    {
        var table = new (string Page, string[] Expected)[]
        {
            ("/referrals", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/referrals/new", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/referrals/new?victim={victimA}", ["200", "/not-found", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/referrals/{sent}", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/services", ["200", "200", "/forbidden", "/forbidden", "200", "/login", "/login"]),
            ("/services/new", ["/forbidden", "/forbidden", "/forbidden", "/forbidden", "200", "/login", "/login"]),
        };
        var data = new TheoryData<Persona, string, string>();
        foreach (var (page, expected) in table)
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                data.Add(Personas[i], page, expected[i]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_ForPersona_IsShownOnlyWhenAllowed(Persona persona, string page, string expected)
    {
        using var client = fixture.Server.Client(persona);
        var path = page.Replace("{victimA}", (await VictimOfCaseAAsync()).ToString(), StringComparison.Ordinal);
        if (path.Contains("{sent}", StringComparison.Ordinal))
        {
            path = path.Replace("{sent}", (await SentReferralAsync()).ToString(), StringComparison.Ordinal);
        }
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var raw = new HttpClient(handler) { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        using var response = await raw.GetAsync(Uri(path));
        var outcome = response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString.Split('?')[0] ?? ((int)response.StatusCode).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expected == outcome, $"{persona} {page}: expected {expected}, got {outcome}");
    }

    private async Task<Guid> VictimOfCaseAAsync()
    {
        var view = await fixture.Server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new CaseId(fixture.CaseA), CancellationToken.None));
        return view.People.First(p => p.Role == "victim").ParticipantId;
    }

    /// <summary>A draft of organisation A (made as the local operator, who acts for A) of a new adult victim, to a shelter of B.</summary>
    private async Task<Guid> DraftReferralAsync()
    {
        var server = fixture.Server;
        var (_, victim, _) = await ReferralScenario.ImportVictimAsync(server, ReferralScenario.AdultVictimCase("MTX-REF-" + ReferralScenario.Unique(), "Sumaira", "+923004445566"));
        var service = await ReferralScenario.AddServiceAsync(server, server.OrganisationBId);
        return await server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<RecordConsent.Handler>().Handle(actor, victim, new RecordConsent.Request("ur", null, [new RecordConsent.Grant("Shelter", null, Identity)]), CancellationToken.None);
            return (await sp.GetRequiredService<CreateReferral.Handler>().Handle(actor, new CreateReferral.Request(victim, service, null, "Shelter.", null, Identity), CancellationToken.None)).Id;
        });
    }

    private async Task<Guid> SentReferralAsync()
    {
        var id = await DraftReferralAsync();
        await fixture.Server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<SendReferral.Handler>().Handle(actor, new ReferralId(id), new SendReferral.Request(), CancellationToken.None));
        return id;
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

[Collection(SqliteServerGroup.Name)]
public sealed class ReferralPersonaMatrixSqliteTests(SqliteServerFixture fixture) : ReferralPersonaMatrixTests(fixture);

[Collection(PostgresServerGroup.Name)]
public sealed class ReferralPersonaMatrixPostgresTests(PostgresServerFixture fixture) : ReferralPersonaMatrixTests(fixture);
