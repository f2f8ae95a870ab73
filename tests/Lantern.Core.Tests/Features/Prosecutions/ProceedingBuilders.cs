using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Lantern.Core.Features.Prosecutions;

namespace Lantern.Core.Tests.Features.Prosecutions;

/// <summary>Test-data builders for the proceeding aggregate: a case with an accused and a victim, and a proceeding at a given stage.</summary>
internal static class ProceedingBuilders
{
    public static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    public static readonly OrganisationId Police = OrganisationId.New();

    public static Case Case()
    {
        var c = new Case(Police, "PRO-" + Guid.NewGuid().ToString("N")[..6], CaseStatus.Active, null, "A summary.", Now);
        c.AddParticipant(Person("Tariq", "Mehmood"), CaseRole.Suspect, Now);
        c.AddParticipant(Person("Nargis", "Akhtar"), CaseRole.Victim, Now);
        return c;
    }

    public static Person Person(string first, string second)
    {
        var person = new Person(Police, Now);
        person.SetIdentity(new PersonDetails(first, null, second, null, [], null, Gender.Feminine, [], [], null, null, null, null, null, null, null, null), Now);
        return person;
    }

    public static CaseParticipant Accused(Case c) => c.Participants.First(p => p.Role == CaseRole.Suspect);

    public static CaseParticipant Victim(Case c) => c.Participants.First(p => p.Role == CaseRole.Victim);

    public static StageDetails Fir(string number = "123/2026") => StageDetails.None with { FirNumber = number, PoliceStation = "AHTC Lahore" };

    public static StageDetails Court() => StageDetails.None with { Court = "Judicial Magistrate Section 30, Lahore", Judge = "Ayesha Malik", CourtCaseNumber = "45/2026" };

    /// <summary>A proceeding that has gone from complaint through each stage up to <paramref name="last"/>, a week apart (skipping inquiry and interim report).</summary>
    public static Proceeding At(Case c, ProceedingStage last, DateOnly? start = null)
    {
        var p = new Proceeding(c.Id, Now);
        var on = start ?? Today.AddDays(-200);
        foreach (var stage in new[] { ProceedingStage.ComplaintReceived, ProceedingStage.FirRegistered, ProceedingStage.Investigation, ProceedingStage.FinalReport, ProceedingStage.Trial, ProceedingStage.Judgment, ProceedingStage.Appeal })
        {
            if (stage > last)
            {
                break;
            }
            p.StartStage(stage, on, stage == ProceedingStage.FirRegistered ? Fir() : stage is ProceedingStage.Trial or ProceedingStage.Appeal ? Court() : StageDetails.None, Today, Now);
            on = on.AddDays(7);
        }
        return p;
    }

    public static OffenceVersion Version(string instrument, string section, DateOnly on) => OffenceCatalogue.Bundled.VersionInForce(instrument, section, on);
}
