using Lantern.Core.Auditing;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Networks;

/// <summary>Cases for the network tests: each test makes its own, with numbers no other test uses.</summary>
internal static class NetworkScenario
{
    private static int _next = 1000;

    /// <summary>A fresh, unused Pakistani mobile number.</summary>
    public static string NewPhone() => "+92345" + Interlocked.Increment(ref _next).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewCnic() => "35202-" + Interlocked.Increment(ref _next).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + "-1";

    /// <summary>A case with one victim and one suspect; returns the case and the two person ids.</summary>
    public static async Task<(Guid Case, Guid Victim, Guid Suspect)> CaseAsync(LanternServer server, string organisation, string suspectPhone, string? victimPhone = null, string? suspectName = null)
    {
        var reference = "NET-" + Guid.NewGuid().ToString("N")[..8];
        var json = $$"""
            {
              "format": "lantern-case/1",
              "case": { "reference": "{{reference}}", "cas_Status": "Active", "openedOn": "2026-02-01", "summary": "Recruitment for work abroad." },
              "persons": [
                { "key": "p1", "role": "victim", "prs_FirstName": "Nasreen", "prs_SecondName": "Akhtar", "prs_MobilePhone": "{{victimPhone ?? NewPhone()}}" },
                { "key": "p2", "role": "suspect", "prs_FirstName": "{{suspectName ?? "Tariq"}}", "prs_SecondName": "Mehmood",
                  "identityDocuments": [{ "type": "CNIC", "number": "{{NewCnic()}}", "issuingCountry": "PK" }], "prs_MobilePhone": "{{suspectPhone}}" }
              ],
              "events": [ { "hte_Type": "Recruitment", "hte_Date": "2025-10", "hte_Country": "PK", "hte_State": "Punjab", "hte_City": "Gujranwala", "persons": ["p1", "p2"] } ]
            }
            """;
        var id = await server.ImportAsync(json, organisation);
        var view = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new Core.Common.CaseId(id), CancellationToken.None));
        return (id, view.People.First(p => p.Role == "victim").PersonId, view.People.First(p => p.Role == "suspect").PersonId);
    }

    public static async Task<List<AuditEntry>> AuditAsync(LanternServer server, string action)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Sequence).ToListAsync();
    }
}
