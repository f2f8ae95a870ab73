using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Prosecutions;

/// <summary>Intent methods for prosecution tests: a fresh case of organisation A with a victim and an accused.</summary>
internal static class ProsecutionScenario
{
    public const string VictimFirst = "Samina";
    public const string VictimLast = "Kanwal";

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Imports a case of organisation A; returns the case, the victim and the accused participant ids.</summary>
    public static async Task<(Guid Case, Guid Victim, Guid Accused)> CaseAsync(LanternServer server)
    {
        var json = $$"""
            { "format": "lantern-case/1", "case": { "reference": "PRO-{{Unique()}}", "cas_Status": "Active", "summary": "Recruited for work abroad." },
              "persons": [ { "key": "v", "role": "victim", "prs_FirstName": "{{VictimFirst}}", "prs_SecondName": "{{VictimLast}}", "prs_Gender": "Feminine" },
                           { "key": "s", "role": "suspect", "prs_FirstName": "Naveed", "prs_SecondName": "Iqbal", "prs_Gender": "Masculine" } ] }
            """;
        var id = await server.ImportAsync(json);
        var view = await server.AsOperatorAsync((sp, actor) => sp.GetRequiredService<GetCase.Handler>().Handle(actor, new CaseId(id), CancellationToken.None));
        return (id, view.People.Single(p => p.Role == "victim").ParticipantId, view.People.Single(p => p.Role == "suspect").ParticipantId);
    }
}
