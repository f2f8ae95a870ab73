using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;
using Lantern.Core.Features.Referrals;
using Lantern.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Statistics;

/// <summary>
/// The fixed vocabulary of measures a National Action Plan indicator may count (docs/decisions/0026-nap-indicators-as-data.md),
/// each with the filters that mean something for it. Facts are read once for every indicator and period of a request
/// (<see cref="LoadAsync"/>, already scoped to the actor) and counted in memory (<see cref="Count"/>); nothing per person
/// leaves this class.
/// </summary>
public static class NapMeasures
{
    /// <param name="Code">The name a definition uses.</param>
    /// <param name="Label">What it counts, in English.</param>
    /// <param name="Filters">The filters that apply to it.</param>
    /// <param name="Public">A public figure (population): never small-cell protected.</param>
    public sealed record Measure(string Code, string Label, IReadOnlyList<string> Filters, bool Public = false);

    private static readonly string[] VictimFilters = ["organisation", "province", "district", "sexAge", "exploitation"];
    private static readonly string[] PlaceFilters = ["organisation", "province", "district"];
    private static readonly string[] OrganisationOnly = ["organisation"];

    public static readonly IReadOnlyList<Measure> All =
    [
        new("victims.identified", "Victims identified (GLOTIP detected victims, each once per period)", VictimFilters),
        new("victims.children", "Victims identified who were under 18 when exploited", VictimFilters),
        new("victims.referred", "Victims referred to services (a referral sent in the period)", OrganisationOnly),
        new("referrals.sent", "Referrals sent to service providers", OrganisationOnly),
        new("referrals.completed", "Referrals sent in the period and since completed", OrganisationOnly),
        new("cases.registered", "Cases registered (opened in the period)", PlaceFilters),
        new("proceedings.fir", "Proceedings begun in the period with an FIR registered", ["organisation", "province"]),
        new("proceedings.challan", "Proceedings begun in the period that reached the challan (final report)", ["organisation", "province"]),
        new("proceedings.convicted", "Proceedings begun in the period that ended in a conviction", ["organisation", "province"]),
        new("persons.prosecuted", "Persons prosecuted (accused in a charge framed in the period)", OrganisationOnly),
        new("persons.convicted", "Persons convicted (on a charge decided in the period)", OrganisationOnly),
        new("inspections.made", "Labour inspections made", PlaceFilters),
        new("workers.released", "Workers released by labour inspections", PlaceFilters),
        new("tips.received", "Tips received by the tip line", OrganisationOnly),
        new("population", "Population (loaded figures: the country's, or the province's when filtered)", ["province"], Public: true),
    ];

    public static Measure? Find(string code) => All.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));

    /// <summary>Whether the measures, unit and filters of a definition fit together; the error names the field at fault.</summary>
    internal static void Check(NapIndicatorDefinition d)
    {
        var numerator = Find(d.Numerator) ?? throw new ValidationException("numerator", $"'{d.Numerator}' is not a measure; use one of: {string.Join(", ", All.Select(m => m.Code))}.");
        if (numerator.Public)
        {
            throw new ValidationException("numerator", $"'{d.Numerator}' can only be a denominator.");
        }
        Measure? denominator = null;
        if (d.Denominator is not null)
        {
            denominator = Find(d.Denominator) ?? throw new ValidationException("denominator", $"'{d.Denominator}' is not a measure; use one of: {string.Join(", ", All.Select(m => m.Code))}.");
        }
        switch (d.Unit)
        {
            case IndicatorUnit.Count when denominator is not null:
                throw new ValidationException("denominator", "A count has no denominator; use the unit percentage or rate.");
            case IndicatorUnit.Percentage or IndicatorUnit.Rate when denominator is null:
                throw new ValidationException("denominator", $"A {NapIndicatorDefinition.Name(d.Unit)} needs a denominator.");
            case IndicatorUnit.Rate when d.Per is null:
                throw new ValidationException("per", "A rate needs 'per' (e.g. 100000 for a rate per 100,000).");
            case not IndicatorUnit.Rate when d.Per is not null:
                throw new ValidationException("per", "Only a rate has 'per'.");
        }
        foreach (var filter in d.Filters.Set())
        {
            foreach (var (measure, field) in new[] { (numerator, "numerator"), (denominator, "denominator") })
            {
                if (measure is not null && !measure.Filters.Contains(filter))
                {
                    throw new ValidationException("filters." + filter, $"The {field} '{measure.Code}' cannot be filtered by {filter}; it takes {(measure.Filters.Count == 0 ? "no filter" : string.Join(", ", measure.Filters))}.");
                }
            }
        }
    }

    // ---- Facts: one small record per counted thing, no identifier beyond a resolved identity used to count persons once ----
    internal sealed record ReferralFact(DateOnly SentOn, string Organisation, Guid Victim, bool Completed);

    internal sealed record CaseFact(DateOnly? OpenedOn, int OpenedYear, string Organisation, string? Province, string? District);

    internal sealed record ProceedingFact(DateOnly Began, string Organisation, string? Province, bool Fir, bool Challan, bool Convicted);

    internal sealed record ChargeFact(DateOnly? FramedOn, DateOnly? DecidedOn, bool Convicted, Guid Accused, string Organisation);

    internal sealed record InspectionFact(DateOnly On, string Organisation, string Province, string District, int WorkersReleased);

    internal sealed record TipFact(DateOnly ReceivedOn, string Organisation);

    internal sealed record PopulationFact(string Area, int Year, long Population);

    /// <summary>What the measures count, for a set of periods. Victims are per period: a victim counts once in each.</summary>
    internal sealed record Facts(
        IReadOnlyDictionary<ReportingPeriod, IReadOnlyList<VictimFact>> Victims,
        IReadOnlyList<ReferralFact> Referrals,
        IReadOnlyList<CaseFact> Cases,
        IReadOnlyList<ProceedingFact> Proceedings,
        IReadOnlyList<ChargeFact> Charges,
        IReadOnlyList<InspectionFact> Inspections,
        IReadOnlyList<TipFact> Tips,
        IReadOnlyList<PopulationFact> Population);

    /// <summary>Reads the facts the <paramref name="measures"/> need for the <paramref name="periods"/>. The caller has scoped the context.</summary>
    internal static async Task<Facts> LoadAsync(AppDbContext db, IReadOnlyCollection<string> measures, IReadOnlyCollection<ReportingPeriod> periods, CancellationToken ct)
    {
        bool Needs(string prefix) => measures.Any(m => m.StartsWith(prefix, StringComparison.Ordinal));
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string Name(OrganisationId id) => organisations.GetValueOrDefault(id, "(unknown)");
        var victims = new Dictionary<ReportingPeriod, IReadOnlyList<VictimFact>>();
        if (Needs("victims.identified") || Needs("victims.children"))
        {
            // Calendar years come from one read of every year's facts; other periods need their own (once per period).
            var years = periods.All(p => p.IsCalendarYear) ? (await VictimFacts.LoadAsync(db, null, null, ct)).ToLookup(f => f.Year) : null;
            foreach (var period in periods)
            {
                victims[period] = years is not null ? [.. years[period.From.Year]] : (await VictimFacts.ReadAsync(db, period, null, ct)).Facts;
            }
        }
        // Persons confirmed as duplicates count once, as in the victim facts (Features/Duplicates).
        async Task<Func<PersonId, Guid>> IdentitiesAsync(IEnumerable<PersonId> persons)
        {
            var ids = persons.Distinct().ToList();
            var members = (await db.PersonIdentityMembers.AsNoTracking().Where(m => ids.Contains(m.PersonId)).Select(m => new { m.PersonId, m.IdentityId }).ToListAsync(ct))
                .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First().IdentityId);
            return person => members.TryGetValue(person, out var identity) ? identity : person.Value;
        }
        List<ReferralFact> referrals = [];
        if (Needs("victims.referred") || Needs("referrals."))
        {
            var rows = await db.Referrals.AsNoTracking().Where(r => r.SentAt != null)
                .Select(r => new { r.SentAt, r.SendingOrganisationId, r.PersonId, r.State }).ToListAsync(ct);
            var identity = await IdentitiesAsync(rows.Select(r => r.PersonId));
            referrals = [.. rows.Select(r => new ReferralFact(DateOnly.FromDateTime(r.SentAt!.Value), Name(r.SendingOrganisationId), identity(r.PersonId), r.State == ReferralState.Completed))];
        }
        List<CaseFact> cases = [];
        if (Needs("cases."))
        {
            var rows = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.OpenedOn, c.OpenedYear, c.OrganisationId }).ToListAsync(ct);
            var places = await PlacesAsync(db, rows.Select(r => r.Id).ToList(), ct);
            cases = [.. rows.Select(c => new CaseFact(c.OpenedOn, c.OpenedYear, Name(c.OrganisationId), places.GetValueOrDefault(c.Id).Province, places.GetValueOrDefault(c.Id).District))];
        }
        List<ProceedingFact> proceedings = [];
        if (Needs("proceedings."))
        {
            var rows = await db.Proceedings.AsNoTracking().Include(p => p.Stages).Include(p => p.Charges).AsSplitQuery().ToListAsync(ct);
            var caseIds = rows.Select(p => p.CaseId).Distinct().ToList();
            var owners = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.OrganisationId, ct);
            var places = await PlacesAsync(db, caseIds, ct);
            proceedings = [.. rows.Where(p => p.Stages.Count > 0).Select(p => new ProceedingFact(p.Stages.Min(s => s.StartedOn),
                owners.TryGetValue(p.CaseId, out var o) ? Name(o) : "(unknown)", places.GetValueOrDefault(p.CaseId).Province,
                p.Stage(ProceedingStage.FirRegistered) is not null, p.Stage(ProceedingStage.FinalReport) is not null,
                p.Charges.Any(c => c.Outcome == ChargeOutcome.Convicted)))];
        }
        List<ChargeFact> charges = [];
        if (Needs("persons."))
        {
            var rows = await db.Charges.AsNoTracking().Where(c => c.FramedOn != null || c.DecidedOn != null)
                .Select(c => new { c.FramedOn, c.DecidedOn, c.Outcome, c.AccusedParticipantId, c.Case.OrganisationId }).ToListAsync(ct);
            var accusedIds = rows.Select(r => r.AccusedParticipantId).Distinct().ToList();
            var persons = await db.Participants.AsNoTracking().Where(p => accusedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PersonId, ct);
            var identity = await IdentitiesAsync(persons.Values);
            charges = [.. rows.Select(r => new ChargeFact(r.FramedOn, r.DecidedOn, r.Outcome == ChargeOutcome.Convicted,
                persons.TryGetValue(r.AccusedParticipantId, out var person) ? identity(person) : r.AccusedParticipantId, Name(r.OrganisationId)))];
        }
        List<InspectionFact> inspections = [];
        if (Needs("inspections.") || Needs("workers."))
        {
            var rows = await db.Inspections.AsNoTracking().Select(i => new { i.InspectedOn, i.OrganisationId, i.Province, i.District, i.WorkersReleased }).ToListAsync(ct);
            inspections = [.. rows.Select(i => new InspectionFact(i.InspectedOn, Name(i.OrganisationId), i.Province, i.District, i.WorkersReleased))];
        }
        List<TipFact> tips = [];
        if (Needs("tips."))
        {
            var rows = await db.Tips.AsNoTracking().Select(t => new { t.ReceivedAt, t.OrganisationId }).ToListAsync(ct);
            tips = [.. rows.Select(t => new TipFact(DateOnly.FromDateTime(t.ReceivedAt), Name(t.OrganisationId)))];
        }
        List<PopulationFact> population = [];
        if (Needs("population"))
        {
            population = [.. (await db.PopulationFigures.AsNoTracking().ToListAsync(ct)).Select(f => new PopulationFact(f.Area, f.Year, f.Population))];
        }
        return new Facts(victims, referrals, cases, proceedings, charges, inspections, tips, population);
    }

    /// <summary>A case's place as the statistics take it (ADR 0017): its exploitation event's province and district, else any event's.</summary>
    private static async Task<Dictionary<CaseId, (string? Province, string? District)>> PlacesAsync(AppDbContext db, List<CaseId> caseIds, CancellationToken ct) =>
        (await db.Events.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.State != null).Select(e => new { e.CaseId, e.Type, e.State, e.City }).ToListAsync(ct))
            .GroupBy(e => e.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Type == EventType.Exploitation ? 0 : 1).Select(e => ((string?)e.State, e.City)).First());

    /// <summary>The value of a measure over a period under the filters (already checked to apply to it).</summary>
    internal static long Count(string measure, Facts facts, ReportingPeriod period, IndicatorFilters f)
    {
        bool Org(string organisation) => f.Organisation is null || string.Equals(organisation, f.Organisation, StringComparison.OrdinalIgnoreCase);
        bool Same(string? value, string? filter) => filter is null || string.Equals(value, filter, StringComparison.OrdinalIgnoreCase);
        bool In(DateOnly? day) => day is { } d && period.Contains(d);
        switch (measure)
        {
            case "victims.identified":
            case "victims.children":
                return facts.Victims.GetValueOrDefault(period, []).Count(v =>
                    (measure == "victims.identified" || v.Group is AgeGroup.Girls or AgeGroup.Boys)
                    && (f.Organisation is null || v.Organisations.Any(Org))
                    && Same(v.Province, f.Province) && Same(v.District, f.District)
                    && (f.SexAge.Count == 0 || f.SexAge.Contains(v.Group))
                    && (f.Exploitation.Count == 0 || v.Forms.Any(f.Exploitation.Contains)));
            case "victims.referred":
                return facts.Referrals.Where(r => period.Contains(r.SentOn) && Org(r.Organisation)).Select(r => r.Victim).Distinct().Count();
            case "referrals.sent":
                return facts.Referrals.Count(r => period.Contains(r.SentOn) && Org(r.Organisation));
            case "referrals.completed":
                return facts.Referrals.Count(r => period.Contains(r.SentOn) && Org(r.Organisation) && r.Completed);
            case "cases.registered":
                // As the victim facts: a calendar year by the year opened (a case may know only its year), else by the day.
                return facts.Cases.Count(c => (period.IsCalendarYear ? c.OpenedYear == period.From.Year : In(c.OpenedOn))
                    && Org(c.Organisation) && Same(c.Province, f.Province) && Same(c.District, f.District));
            case "proceedings.fir":
            case "proceedings.challan":
            case "proceedings.convicted":
                return facts.Proceedings.Count(p => period.Contains(p.Began) && Org(p.Organisation) && Same(p.Province, f.Province)
                    && measure switch { "proceedings.fir" => p.Fir, "proceedings.challan" => p.Challan, _ => p.Convicted });
            case "persons.prosecuted":
                return facts.Charges.Where(c => In(c.FramedOn) && Org(c.Organisation)).Select(c => c.Accused).Distinct().Count();
            case "persons.convicted":
                return facts.Charges.Where(c => c.Convicted && In(c.DecidedOn) && Org(c.Organisation)).Select(c => c.Accused).Distinct().Count();
            case "inspections.made":
                return facts.Inspections.Count(i => period.Contains(i.On) && Org(i.Organisation) && Same(i.Province, f.Province) && Same(i.District, f.District));
            case "workers.released":
                return facts.Inspections.Where(i => period.Contains(i.On) && Org(i.Organisation) && Same(i.Province, f.Province) && Same(i.District, f.District))
                    .Sum(i => (long)i.WorkersReleased);
            case "tips.received":
                return facts.Tips.Count(t => period.Contains(t.ReceivedOn) && Org(t.Organisation));
            case "population":
                // The figure of the year the period begins in: the province's when filtered, else the country's (ISO alpha-2).
                return facts.Population.Where(p => p.Year == period.From.Year
                        && (f.Province is null ? p.Area.Length == 2 && p.Area.All(char.IsAsciiLetterUpper) : string.Equals(p.Area, f.Province, StringComparison.OrdinalIgnoreCase)))
                    .Select(p => p.Population).FirstOrDefault();
            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a measure.");
        }
    }
}
