using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Evidence;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Evidence;

/// <summary>The people the evidence tests need beyond the standard personas, in the roles that matter for exhibits.</summary>
public enum EvidencePersona { InvestigatorA, ProsecutorA, CaseworkerA, AnalystA, InvestigatorB, CaseworkerB, AdministratorA, Anonymous }

/// <summary>Test-data builders and intent methods for the evidence register, over a running <see cref="LanternServer"/>.</summary>
internal static class EvidenceScenario
{
    private static readonly ConcurrentDictionary<(string Server, EvidencePersona Persona), Task<string>> Tokens = new();

    public static async Task<HttpClient> ClientAsync(LanternServer server, EvidencePersona persona)
    {
        var standard = persona switch
        {
            EvidencePersona.InvestigatorA => Persona.InvestigatorA,
            EvidencePersona.AnalystA => Persona.AnalystA,
            EvidencePersona.CaseworkerB => Persona.CaseworkerB,
            EvidencePersona.AdministratorA => Persona.AdministratorA,
            EvidencePersona.Anonymous => Persona.Anonymous,
            _ => (Persona?)null,
        };
        if (standard is { } p)
        {
            return server.Client(p);
        }
        var token = await Tokens.GetOrAdd((server.Address, persona), key => CreateUserAsync(server, key.Persona));
        var client = new HttpClient { BaseAddress = new Uri(server.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<string> CreateUserAsync(LanternServer server, EvidencePersona persona)
    {
        var (organisation, role) = persona switch
        {
            EvidencePersona.ProsecutorA => (LanternServer.OrganisationA, "prosecutor"),
            EvidencePersona.CaseworkerA => (LanternServer.OrganisationA, "caseworker"),
            EvidencePersona.InvestigatorB => (LanternServer.OrganisationB, "investigator"),
            _ => throw new ArgumentOutOfRangeException(nameof(persona)),
        };
        var username = "test.evidence." + persona.ToString().ToLowerInvariant();
        return server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(username, organisation, role, LanternServer.Password), CancellationToken.None);
            var (value, _) = await sp.GetRequiredService<AccessTokens>().CreateAsync(actor, username, "tests", 1, CancellationToken.None);
            return value;
        });
    }

    /// <summary>A new case of organisation A, shared with no one.</summary>
    public static Task<Guid> CaseOfAAsync(LanternServer server) => server.ImportAsync(
        $$"""{ "format": "lantern-case/1", "case": { "reference": "EVD-{{Guid.NewGuid().ToString("N")[..8]}}", "cas_Status": "Active", "summary": "Raid on a brick kiln." }, "persons": [] }""");

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, byte[] content, string fileName, string title = "Photo of the kiln", string? kind = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Taken at the kiln gate."), "description" },
            { new StringContent("2026-11-20"), "collectedOn" },
            { new StringContent("Imran Qureshi"), "collectedBy" },
            { new StringContent("Kasur"), "collectedWhere" },
        };
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/api/v1/cases/{caseId}/evidence", UriKind.Relative), form);
    }

    /// <summary>Flips one byte of the stored ciphertext of an exhibit's original, as someone with database access might.</summary>
    public static async Task TamperAsync(LanternServer server, Guid itemId)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var file = await db.EvidenceFiles.IgnoreQueryFilters().FirstAsync(f => f.EvidenceItemId == itemId && f.Variant == EvidenceFileVariant.Original);
        var data = file.Data.ToArray();
        data[^20] ^= 0x40;
        db.Entry(file).Property(f => f.Data).CurrentValue = data;
        await db.SaveChangesAsync();
    }

    public static async Task<bool> AuditedAsync(LanternServer server, string action, Guid id)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(a => a.Action == action && a.EntityId == id.ToString());
    }
}
