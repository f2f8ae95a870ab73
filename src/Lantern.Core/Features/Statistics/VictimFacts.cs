using Lantern.Core.Common;
using Lantern.Core.Features.People;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>GLOTIP age and sex groups: adults are 18 or over at the time of exploitation; unknown when sex or age is.</summary>
public enum AgeGroup { Women, Men, Girls, Boys, Unknown }

/// <summary>
/// One detected victim in one year: the unit every GLOTIP breakdown counts, and the row the anonymised CTDC release
/// will generalise. It holds no identifier, name or date of birth.
/// </summary>
/// <param name="Year">A year in which a case naming the victim as a victim was opened.</param>
/// <param name="Sex">"female", "male" or "unknown" (transgender feminine counts as female, masculine as male, others unknown).</param>
/// <param name="Age">Age at the time of exploitation, when known.</param>
/// <param name="Group">The GLOTIP group from <paramref name="Sex"/> and <paramref name="Age"/>.</param>
/// <param name="Forms">Forms of exploitation across the year's cases (HTCDS value names plus ForcedCriminality and BondedLabour).</param>
/// <param name="Citizenship">The first citizenship recorded (ISO 3166 alpha-2), or null.</param>
/// <param name="Organisations">The organisations owning the year's cases that name the victim.</param>
/// <param name="Province">Province (HTCDS hte_State) of the place of exploitation, else of any recorded place; null when none.</param>
/// <param name="District">District (HTCDS hte_City) of that same place; null when none.</param>
/// <param name="ExploitationCountry">Country (ISO 3166 alpha-2, HTCDS hte_Country) of the first exploitation event naming the victim; null when none (CTDC release).</param>
/// <param name="Controls">Methods of control across the year's cases (CTDC release).</param>
/// <param name="Industries">Forced-labour industries across the year's cases (CTDC release).</param>
/// <param name="Relationship">Relationship to the trafficker, from the earliest case recording one (CTDC release).</param>
public sealed record VictimFact(int Year, string Sex, int? Age, AgeGroup Group, IReadOnlyList<ExploitationForm> Forms, string? Citizenship,
    IReadOnlyList<string> Organisations, string? Province, string? District,
    // ---- CTDC anonymised release (Features/Reports): what the release needs beyond the GLOTIP counts ----
    string? ExploitationCountry = null, IReadOnlyList<MethodOfControl>? Controls = null, IReadOnlyList<ForcedLabourIndustry>? Industries = null,
    RelationshipToTrafficker? Relationship = null);
// ---- end ----

/// <summary>
/// The victim-facts projection behind GLOTIP statistics (and later the CTDC release). Rules:
/// <list type="bullet">
/// <item>A victim counts once per year in which a case naming them as a victim was opened, however many cases name them.</item>
/// <item>Persons confirmed as duplicates count as one: the resolved identity (Features/Duplicates) is the victim.</item>
/// <item>Age at exploitation: vic_AgeWhenTrafficked when recorded; else whole years from the birth date (earliest
/// possible day of a partial date) to the date of the first exploitation event naming the victim (or naming nobody),
/// else to the date the case was opened.</item>
/// <item>Where a victim's cases in one year disagree, the earliest opened case (then the first recorded) gives sex, age,
/// citizenship and place; forms and organisations are the union.</item>
/// </list>
/// Data minimisation: the query reads only the columns named here; the encrypted birth date is read and decrypted only
/// for victims without an age when trafficked. De-duplication across cases and identities, the age and the union of
/// forms need the rows, so the grouping happens here rather than in SQL; the rows never leave this class.
/// The caller scopes the context (tenant filters) and checks permissions.
/// </summary>
internal static class VictimFacts
{
    private sealed record Row(Guid ParticipantId, PersonId PersonId, CaseId CaseId, int Year, DateOnly? OpenedOn, OrganisationId OrganisationId,
        Gender? Gender, string Citizenships, int? AgeWhenTrafficked, string ExploitationCodes, string? BirthDateStored, Guid? IdentityId,
        string ControlCodes, ForcedLabourIndustry? Industry, RelationshipToTrafficker? Relationship);

    /// <summary>
    /// The organisations a statistic is narrowed to by name (null: none named, every case the actor may see); an
    /// unknown name is an error naming the field.
    /// </summary>
    public static async Task<List<OrganisationId>?> OrganisationIdsAsync(AppDbContext db, string? organisation, CancellationToken ct)
    {
        if (organisation is null)
        {
            return null;
        }
        var ids = await db.Organisations.AsNoTracking().Where(o => o.Name == organisation).Select(o => o.Id).ToListAsync(ct);
        return ids.Count > 0 ? ids : throw new ValidationException("organisation", $"There is no organisation named '{organisation}'.");
    }

    /// <summary>The facts of a year (null: every year); <paramref name="organisations"/> from <see cref="OrganisationIdsAsync"/> narrows to those organisations' cases.</summary>
    public static async Task<List<VictimFact>> LoadAsync(AppDbContext db, int? year, IReadOnlyCollection<OrganisationId>? organisations, CancellationToken ct) =>
        (await ReadAsync(db, db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim && (year == null || p.Case.OpenedYear == year)), null, organisations, placesOnly: true, ct)).Facts;

    /// <summary>What one read of a period's victims gives: the facts, and the victim participations with their cases' events, from which <see cref="VictimRoutes.Compute"/> draws the routes.</summary>
    internal sealed record Reading(List<VictimFact> Facts, List<(Guid Victim, CaseId Case)> Victims, List<VictimRoutes.Place> Events);

    /// <summary>
    /// The facts of a period, read once for every tabulation (the annual report): cases opened in a calendar year as
    /// <see cref="LoadAsync"/>, else cases opened on a day of the period, each victim once per period.
    /// </summary>
    internal static Task<Reading> ReadAsync(AppDbContext db, ReportingPeriod period, IReadOnlyCollection<OrganisationId>? organisations, CancellationToken ct)
    {
        var year = period.From.Year;
        var victims = db.Participants.AsNoTracking().Where(p => p.Role == CaseRole.Victim);
        victims = period.IsCalendarYear
            ? victims.Where(p => p.Case.OpenedYear == year)
            : victims.Where(p => p.Case.OpenedOn != null && p.Case.OpenedOn >= period.From && p.Case.OpenedOn <= period.To);
        return ReadAsync(db, victims, period.IsCalendarYear ? null : year, organisations, placesOnly: false, ct);
    }

    // countAsYear: when given, every participation counts in this year, so a victim counts once over a period that
    // crosses a new year. placesOnly: read only the events holding a date or a place (all the facts use); routes need every event.
    private static async Task<Reading> ReadAsync(AppDbContext db, IQueryable<Features.Cases.CaseParticipant> victims, int? countAsYear, IReadOnlyCollection<OrganisationId>? organisations, bool placesOnly, CancellationToken ct)
    {
        if (organisations is not null)
        {
            victims = victims.Where(p => organisations.Contains(p.Case.OrganisationId));
        }
        var rows = await victims
            .Select(p => new Row(p.Id, p.PersonId, p.CaseId, p.Case.OpenedYear, p.Case.OpenedOn, p.Case.OrganisationId, p.Person.Gender, p.Person.Citizenships,
                p.AgeWhenTrafficked, p.ExploitationCodes, p.AgeWhenTrafficked == null ? p.Person.BirthDate : null,
                db.PersonIdentityMembers.Where(m => m.PersonId == p.PersonId).Select(m => (Guid?)m.IdentityId).FirstOrDefault(),
                p.ControlCodes, p.Industry, p.RelationshipToTrafficker))
            .ToListAsync(ct);
        var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
        var places = await db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && (!placesOnly || e.Date != null || e.Country != null || e.State != null || e.City != null))
            .Select(e => new VictimRoutes.Place(e.CaseId, e.Type, e.Date, e.Country, e.State, e.City, e.People.Select(x => x.ParticipantId).ToList()))
            .ToListAsync(ct);
        var organisationIds = rows.Select(r => r.OrganisationId).Distinct().ToList();
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var personTable = db.Model.FindEntityType(typeof(Person))!.GetTableName()!;
        string? BirthDate(Row r) => r.BirthDateStored is null ? null : db.Cipher.Decrypt(r.BirthDateStored, personTable, r.PersonId.ToString(), nameof(Person.BirthDate));
        var facts = Compute(rows.Select(r => new Participation(r.IdentityId ?? r.PersonId.Value, r.ParticipantId, r.CaseId, countAsYear ?? r.Year, r.OpenedOn,
            organisationNames.GetValueOrDefault(r.OrganisationId, "(unknown)"), r.Gender, r.Citizenships, r.AgeWhenTrafficked, r.ExploitationCodes, BirthDate(r), r.ControlCodes, r.Industry, r.Relationship)).ToList(),
            places.Where(p => p.Date != null || p.Country != null || p.State != null || p.City != null).Select(p => new Event(p.CaseId, p.Type, p.Date, p.State, p.City, p.People, p.Country)).ToList());
        return new Reading(facts, [.. rows.Select(r => (r.ParticipantId, r.CaseId))], places);
    }

    /// <summary>One victim participation, the identity resolved (<paramref name="Victim"/>) and the birth date decrypted.</summary>
    internal sealed record Participation(Guid Victim, Guid ParticipantId, CaseId CaseId, int Year, DateOnly? OpenedOn, string Organisation,
        Gender? Gender, string Citizenships, int? AgeWhenTrafficked, string ExploitationCodes, string? BirthDate,
        string ControlCodes = "", ForcedLabourIndustry? Industry = null, RelationshipToTrafficker? Relationship = null);

    internal sealed record Event(CaseId CaseId, EventType Type, string? Date, string? State, string? City, IReadOnlyList<Guid> People, string? Country = null);

    internal static List<VictimFact> Compute(IReadOnlyList<Participation> participations, IReadOnlyList<Event> events)
    {
        var byCase = events.ToLookup(e => e.CaseId);
        return participations.GroupBy(p => (p.Victim, p.Year)).Select(g =>
        {
            var ordered = g.OrderBy(p => p.OpenedOn ?? DateOnly.MaxValue).ThenBy(p => p.ParticipantId).ToList();
            var own = ordered.ToDictionary(p => p.ParticipantId, p => byCase[p.CaseId].Where(e => e.People.Count == 0 || e.People.Contains(p.ParticipantId))
                .OrderBy(e => e.Date ?? "9999", StringComparer.Ordinal).ToList());
            var sex = ordered.Select(p => Sex(p.Gender)).FirstOrDefault(s => s != "unknown") ?? "unknown";
            var age = ordered.Select(p => Age(p, own[p.ParticipantId])).FirstOrDefault(a => a is not null);
            var place = ordered.SelectMany(p => own[p.ParticipantId].Where(e => e.Type == EventType.Exploitation && e.State is not null))
                .Concat(ordered.SelectMany(p => own[p.ParticipantId].Where(e => e.State is not null)))
                .FirstOrDefault();
            return new VictimFact(g.Key.Year, sex, age, Group(sex, age),
                [.. ordered.SelectMany(p => p.ExploitationCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(Enum.Parse<ExploitationForm>).Distinct().Order()],
                ordered.Select(p => p.Citizenships.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).FirstOrDefault(c => c is not null),
                [.. ordered.Select(p => p.Organisation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                place?.State, place?.City,
                ordered.SelectMany(p => own[p.ParticipantId].Where(e => e.Type == EventType.Exploitation && e.Country is not null)).Select(e => e.Country).FirstOrDefault(),
                [.. ordered.SelectMany(p => p.ControlCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(Enum.Parse<MethodOfControl>).Distinct().Order()],
                [.. ordered.Where(p => p.Industry is not null).Select(p => p.Industry!.Value).Distinct().Order()],
                ordered.Select(p => p.Relationship).FirstOrDefault(r => r is not null));
        }).OrderBy(f => f.Year).ToList();
    }

    public static string Sex(Gender? gender) => gender switch
    {
        Gender.Feminine or Gender.TransgenderFeminine => "female",
        Gender.Masculine or Gender.TransgenderMasculine => "male",
        _ => "unknown",
    };

    public static AgeGroup Group(string sex, int? age) => (sex, age) switch
    {
        (_, null) => AgeGroup.Unknown,
        ("female", >= 18) => AgeGroup.Women,
        ("female", _) => AgeGroup.Girls,
        ("male", >= 18) => AgeGroup.Men,
        ("male", _) => AgeGroup.Boys,
        _ => AgeGroup.Unknown,
    };

    private static int? Age(Participation p, IReadOnlyList<Event> own)
    {
        if (p.AgeWhenTrafficked is { } recorded)
        {
            return recorded;
        }
        if (!PartialDate.TryParse(p.BirthDate, out var birth))
        {
            return null;
        }
        var exploited = own.Where(e => e.Type == EventType.Exploitation && PartialDate.TryParse(e.Date, out _)).Select(e => (DateOnly?)PartialDate.Parse(e.Date!, "date").Earliest).FirstOrDefault()
            ?? p.OpenedOn;
        if (exploited is not { } at)
        {
            return null;
        }
        var born = birth.Earliest;
        var years = at.Year - born.Year - (at < born.AddYears(at.Year - born.Year) ? 1 : 0);
        return years < 0 ? null : years;
    }
}
