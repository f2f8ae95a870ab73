using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Referrals;

/// <summary>Test-data builders and intent methods for the referral mechanism, over a running <see cref="LanternServer"/>.</summary>
internal static class ReferralScenario
{
    public static string Unique() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>A case document whose victim is an adult woman (so no child safeguards apply).</summary>
    public static string AdultVictimCase(string reference, string firstName, string phone) =>
        CaseDocuments.Victim(reference, firstName, "Akhtar", "35202-" + Random.Shared.Next(1000000, 9999999) + "-1", phone)
            .Replace("\"2010-05\"", "\"1994-02\"", StringComparison.Ordinal)
            .Replace("\"vic_AgeWhenTrafficked\": 15", "\"vic_AgeWhenTrafficked\": 29", StringComparison.Ordinal);

    public static async Task<(Guid CaseId, Guid ParticipantId, Guid PersonId)> ImportVictimAsync(LanternServer server, string document, string organisation = LanternServer.OrganisationA)
    {
        var caseId = await server.ImportAsync(document, organisation);
        var view = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new CaseId(caseId), CancellationToken.None));
        var victim = view.People.First(p => p.Role == "victim");
        return (caseId, victim.ParticipantId, victim.PersonId);
    }

    public static async Task<Guid> AddServiceAsync(LanternServer server, Guid organisation, string type = "Shelter", bool children = true, bool women = true, bool men = false, int? responseHours = null) =>
        (await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<ManageServices.AddHandler>().Handle(actor,
            new ServiceInput(type, $"Test {type} {Unique()}", "Islamabad Capital Territory", "Islamabad", 20, 5, ["ur", "en"], children, women, men, responseHours,
                "Intake desk", "+92 51 1234567", "intake@example.org", "A service for tests."),
            CancellationToken.None, new OrganisationId(organisation)))).Id;

    public static Task<HttpResponseMessage> RecordConsentAsync(LanternServer server, Persona persona, Guid participantId, string serviceType, string[] categories, string? guardian = null) =>
        PostAsync(server, persona, $"/api/v1/victims/{participantId}/consents", new
        {
            language = "ur",
            grants = new[] { new { serviceType, categories } },
            guardianName = guardian,
            guardianRelation = guardian is null ? null : "Mother",
        });

    public static async Task<Guid> CreateReferralAsync(LanternServer server, Persona persona, Guid participantId, Guid serviceId, string[] categories)
    {
        using var response = await PostAsync(server, persona, "/api/v1/referrals", new
        {
            participantId,
            serviceId,
            reason = "AdditionalServicesRequired",
            needs = "Safe accommodation and counselling.",
            medicalNeeds = "Follow-up for an injured hand.",
            categories,
        });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CreateReferral.Response>(Json.Options))!.Id;
    }

    public static async Task<HttpResponseMessage> PostAsync(LanternServer server, Persona persona, string path, object? body = null)
    {
        using var client = server.Client(persona);
        return body is null
            ? await client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
    }

    public static async Task<HttpResponseMessage> PutAsync(LanternServer server, Persona persona, string path, object body)
    {
        using var client = server.Client(persona);
        return await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
    }

    public static async Task<HttpResponseMessage> GetAsync(LanternServer server, Persona persona, string path)
    {
        using var client = server.Client(persona);
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    public static async Task<ReferralView> GetReferralAsync(LanternServer server, Persona persona, Guid id)
    {
        using var response = await GetAsync(server, persona, $"/api/v1/referrals/{id}");
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ReferralView>(Json.Options))!;
    }

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Moves a referral's deadline into the past, as if its service had not answered in time.</summary>
    public static Task MakeOverdueAsync(LanternServer server, Guid referralId) => server.AsOperatorAsync(async (sp, actor) =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        db.ScopeTo(actor);
        var id = new ReferralId(referralId);
        return await db.Referrals.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineAt, DateTime.UtcNow.AddHours(-5)));
    });

    /// <summary>A caseworker of a third organisation, involved in nothing: an HTTP client with their token.</summary>
    public static async Task<HttpClient> OutsiderAsync(LanternServer server)
    {
        var unique = Unique().ToLowerInvariant();
        var token = await server.AsOperatorAsync(async (sp, actor) =>
        {
            var organisation = $"Test Legal Aid {unique}";
            await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, organisation, "LegalService", "PK", "Karachi", CancellationToken.None);
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request("outsider." + unique, organisation, "caseworker", LanternServer.Password), CancellationToken.None);
            var (value, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, "outsider." + unique, "tests", 1, CancellationToken.None);
            return value;
        });
        var client = new HttpClient { BaseAddress = new Uri(server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
