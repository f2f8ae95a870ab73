using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Demo;

/// <summary>A case to be generated: its organisation, the day it was opened and its reference.</summary>
internal sealed record CasePlan(string OrganisationCode, DateOnly OpenedOn, string Reference);

/// <summary>
/// Generates the synthetic demo data set: recurring people (recruiters, agents, re-trafficked victims), then
/// cases one by one. Everything is drawn from one <see cref="Random"/> seeded with <see cref="Seed"/> and called in
/// a fixed order, so every run tells the same cases about the same (invented) people; only ids and the
/// clamping of dates to the clock's today can differ. Call <see cref="CreateNetwork"/>, then
/// <see cref="PlanCases"/>, then <see cref="CreateCase"/> for each plan in order.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Synthetic demo data must be reproducible; nothing here is a secret.")]
internal sealed partial class DemoSeeder
{
    public const int Seed = 2018;
    public static readonly DateOnly FirstDay = new(2021, 1, 1);
    public static readonly DateOnly LastDay = new(2026, 11, 15);

    private static readonly TimeSpan PakistanOffset = TimeSpan.FromHours(5);
    private static readonly CountryCode Pk = CountryCode.Parse("PK", "country");
    private static readonly string[] OrganisationOrder = ["LHR", "KHI", "FSD", "ISB"];

    private readonly Random _random = new(Seed);
    private readonly DemoNames _names = DemoNames.Instance;
    private readonly IReadOnlyDictionary<string, OrganisationId> _organisations;
    private readonly IReadOnlyList<DemoOfficer> _officers;
    private readonly Action<Person> _index;
    private readonly DateTime _now;
    private readonly DateOnly _lastDay;
    private readonly List<DemoName> _maleWithoutMuhammad;
    private readonly List<NetworkMember> _network = [];

    public DemoSeeder(IReadOnlyDictionary<string, OrganisationId> organisations, IReadOnlyList<DemoOfficer> officers, Action<Person> index, DateTime now)
    {
        _organisations = organisations;
        _officers = officers;
        _index = index;
        _now = now;
        var today = DateOnly.FromDateTime(now + PakistanOffset);
        _lastDay = today < LastDay ? today : LastDay;
        _maleWithoutMuhammad = _names.Male.Where(n => !IsMuhammad(n.Latin)).ToList();
    }

    /// <summary>The ids of the recurring people, for reloading them in each batch.</summary>
    public IReadOnlyList<PersonId> RecurringPersonIds => _network.Select(m => m.Id).ToList();

    /// <summary>Creates the people who recur across cases. Save them before the first case.</summary>
    public IReadOnlyList<Person> CreateNetwork()
    {
        var persons = new List<Person>();
        foreach (var profile in DemoCatalogue.Profiles)
        {
            for (var part = 0; part < profile.Suspects.Length; part++)
            {
                if (!profile.Suspects[part].Networked)
                {
                    continue;
                }
                var members = Between(4, 7);
                for (var i = 0; i < members; i++)
                {
                    var from = FirstDay.AddDays(Between(0, 1100));
                    var home = ActsAtSource(profile.Suspects[part]) ? Pick(SourcesOf(profile.Scenario)) : Pick(SitesOf(profile.Scenario));
                    var organisation = PickOrganisation(profile.OrganisationWeights);
                    var sketch = SuspectSketch(profile.Suspects[part], home, AbroadCountry(profile.Scenario, null), from.AddYears(-Between(28, 55)));
                    AddRecurringAliases(sketch, profile.Suspects[part]);
                    var person = NewPerson(organisation, At(from), sketch);
                    persons.Add(person);
                    _network.Add(new NetworkMember(person.Id, profile.Scenario, part, home, organisation, sketch, from, from.AddDays(Between(700, 2000)), null, null));
                }
            }
        }

        // People trafficked again after an earlier case: the same person as a victim in two cases.
        for (var i = 0; i < 16; i++)
        {
            var group = i % 2 == 0 ? VictimGroup.Woman : VictimGroup.Man;
            var home = Pick(DemoPlaces.PoorRuralSources);
            var born = new DateOnly(Between(1978, 2000), Between(1, 12), Between(1, 28));
            var organisation = PickOrganisation([1, 1, 1, 1]);
            var sketch = VictimSketch(group, born, home, NewFamily(home), FamilyRole.None, urduShare: 0.4);
            var from = FirstDay.AddDays(Between(0, 600));
            var person = NewPerson(organisation, At(from), sketch);
            persons.Add(person);
            _network.Add(new NetworkMember(person.Id, null, -1, home, organisation, sketch, from, LastDay, group, born));
        }
        return persons;
    }

    /// <summary>Decides how many cases each organisation opens on which day, in date order, with their references.</summary>
    public IReadOnlyList<CasePlan> PlanCases()
    {
        var drafts = new List<(DateOnly Day, int Organisation, int Draw)>();
        foreach (var (year, perYear) in DemoCatalogue.CasesPerYear.OrderBy(p => p.Key))
        {
            var start = new DateOnly(year, 1, 1);
            var end = year == LastDay.Year ? LastDay : new DateOnly(year, 12, 31);
            var span = end.DayNumber - start.DayNumber;
            for (var o = 0; o < OrganisationOrder.Length; o++)
            {
                var share = DemoCatalogue.Organisations.Single(x => x.Code == OrganisationOrder[o]).Share;
                var count = (int)Math.Round(perYear * share * (0.95 + (0.1 * _random.NextDouble())));
                for (var i = 0; i < count; i++)
                {
                    var day = start.AddDays(Between(0, span));
                    drafts.Add((day > _lastDay ? _lastDay : day, o, drafts.Count));
                }
            }
        }
        var sequence = new Dictionary<(int, int), int>();
        var plans = new List<CasePlan>();
        foreach (var (day, o, _) in drafts.OrderBy(d => d.Day).ThenBy(d => d.Organisation).ThenBy(d => d.Draw))
        {
            var key = (o, day.Year);
            var number = sequence.GetValueOrDefault(key) + 1;
            sequence[key] = number;
            var organisation = DemoCatalogue.Organisations.Single(x => x.Code == OrganisationOrder[o]);
            plans.Add(new CasePlan(organisation.Code, day, string.Create(CultureInfo.InvariantCulture, $"{organisation.ReferencePrefix}-{day.Year}-{number:D4}")));
        }
        return plans;
    }

    /// <summary>
    /// Builds one case with its people, events and notes. <paramref name="recurring"/> returns the tracked
    /// instance of a recurring person (they are saved once and reloaded in every batch).
    /// </summary>
    public Case CreateCase(CasePlan plan, Func<PersonId, Person> recurring)
    {
        var organisation = DemoCatalogue.Organisations.Single(o => o.Code == plan.OrganisationCode);
        var createdAt = At(plan.OpenedOn);
        var primaryGroup = (VictimGroup)PickWeighted(DemoCatalogue.GlotipShares);
        var profile = PickScenario(organisation.Code, primaryGroup);
        var d = new Draft(organisation, _organisations[organisation.Code], plan, profile, createdAt)
        {
            Destination = PickDestination(profile.Scenario),
        };
        d.RecruitedOn = plan.OpenedOn.AddMonths(-Between(profile.LagMinMonths, profile.LagMaxMonths)).AddDays(-Between(0, 27));
        d.Site = PickSite(d);
        AddSuspects(d, recurring);
        d.Source ??= Pick(SourcesOf(profile.Scenario));
        AddVictims(d, primaryGroup, recurring);
        AddOthers(d);
        var story = Tell(d);
        DecideStatus(d);

        var summary = Truncate(string.Join(' ', story.Summary, Intake(d), Outcome(d)), Case.MaxSummaryLength);
        var @case = new Case(d.OrganisationId, plan.Reference, d.Status, plan.OpenedOn, summary, createdAt);

        var victimIds = new List<Guid>();
        foreach (var v in d.Victims)
        {
            var participant = @case.AddParticipant(v.Person, CaseRole.Victim, createdAt);
            participant.SetVictimContext(VictimContextFor(d, v));
            victimIds.Add(participant.Id);
        }
        var suspectIds = new Dictionary<int, List<Guid>>();
        foreach (var s in d.Suspects)
        {
            var participant = @case.AddParticipant(s.Person, CaseRole.Suspect, createdAt);
            participant.SetSuspectContext(s.Roles, s.Details);
            if (!suspectIds.TryGetValue(s.Part, out var ids))
            {
                ids = [];
                suspectIds[s.Part] = ids;
            }
            ids.Add(participant.Id);
        }
        foreach (var (person, role) in d.Others)
        {
            @case.AddParticipant(person, role, createdAt);
        }
        foreach (var e in story.Events)
        {
            var people = victimIds.Concat(e.SuspectParts.SelectMany(p => suspectIds.GetValueOrDefault(p) ?? []));
            @case.AddEvent(e.Type, Approximate(e.Day), CountryCode.Parse(e.Country, "country"), e.State, e.City, e.Description, people, createdAt);
        }

        AssignAndShare(d, @case);
        var lastActivity = AddNotes(d, @case);
        if (d.Status is CaseStatus.Closed or CaseStatus.ClosedReferred)
        {
            var closedAt = Min(lastActivity.AddDays(Between(1, 60)), _now);
            @case.Update(d.Status, plan.OpenedOn, summary, d.ClosureReason, closedAt);
            if (d.ShareWith is { } target)
            {
                @case.ShareWith(_organisations[target], closedAt);
            }
        }
        return @case;
    }

    private ScenarioProfile PickScenario(string organisationCode, VictimGroup group)
    {
        var o = Array.IndexOf(OrganisationOrder, organisationCode);
        var weights = DemoCatalogue.Profiles.Select(p => p.OrganisationWeights[o] * p.GroupWeights[(int)group]).ToArray();
        return DemoCatalogue.Profiles[PickWeighted(weights)];
    }

    private ForeignPlace? PickDestination(Scenario scenario) => scenario switch
    {
        Scenario.GulfDomesticWork or Scenario.GulfLabour => Pick(DemoPlaces.Gulf),
        Scenario.SexualExploitationGulf => Pick(DemoPlaces.Gulf.Where(p => p.City != "Makkah").ToList()),
        Scenario.EuropeOverland => Pick(DemoPlaces.EuropeDestinations),
        Scenario.EuropeViaLibya => Chance(0.6) ? Pick(DemoPlaces.LibyaTransit) : Pick(DemoPlaces.EuropeDestinations.Where(p => p.Country == "IT").ToList()),
        Scenario.ForcedMarriageAbroad => Chance(0.6) ? new ForeignPlace("CN", "Hebei") : new ForeignPlace("AE", "Dubai"),
        Scenario.ForcedBeggingAbroad => Chance(0.85) ? Pick(DemoPlaces.Gulf.Where(p => p.Country == "SA").ToList()) : new ForeignPlace("IQ", "Karbala"),
        Scenario.ForcedCriminality => Chance(0.35) ? Pick(DemoPlaces.Gulf.Where(p => p.City != "Makkah").ToList()) : null,
        _ => null,
    };

    private static IReadOnlyList<District> SourcesOf(Scenario scenario) => scenario switch
    {
        Scenario.BrickKiln or Scenario.PowerLooms => DemoPlaces.KilnSources,
        Scenario.FarmBondage => DemoPlaces.FarmBondageSites,
        Scenario.FishingBoats => DemoPlaces.FishingSources,
        Scenario.Construction or Scenario.DomesticServitude => DemoPlaces.PoorRuralSources,
        Scenario.GulfDomesticWork or Scenario.SexualExploitationGulf => DemoPlaces.CitySources,
        Scenario.GulfLabour => DemoPlaces.GulfLabourSources,
        Scenario.EuropeOverland or Scenario.EuropeViaLibya => DemoPlaces.EuropeSources,
        Scenario.SexualExploitation => DemoPlaces.PoorRuralSources.Concat(DemoPlaces.CitySources).ToList(),
        Scenario.ForcedMarriage or Scenario.ForcedMarriageAbroad => DemoPlaces.ForcedMarriageSources,
        Scenario.ForcedBegging or Scenario.ForcedBeggingAbroad => DemoPlaces.BeggingSources,
        Scenario.OrganRemoval => DemoPlaces.OrganSources,
        Scenario.ForcedCriminality => DemoPlaces.PoorRuralSources.Concat(DemoPlaces.AfghanHosts).ToList(),
    };

    private static IReadOnlyList<District> SitesOf(Scenario scenario) => scenario switch
    {
        Scenario.BrickKiln => DemoPlaces.KilnSites,
        Scenario.FarmBondage => DemoPlaces.FarmBondageSites,
        Scenario.PowerLooms => DemoPlaces.LoomSites,
        Scenario.FishingBoats => [DemoPlaces.Get("Karachi")],
        Scenario.EuropeOverland => DemoPlaces.Get("Quetta", "Chagai"),
        Scenario.OrganRemoval => DemoPlaces.OrganSites,
        Scenario.ForcedMarriage => DemoPlaces.ForcedMarriageSources,
        _ => DemoPlaces.BigCities,
    };

    /// <summary>Where a domestic case happened: a site of the scenario inside the organisation's own area when there is one.</summary>
    private District PickSite(Draft d)
    {
        var sites = SitesOf(d.Scenario);
        if (d.Scenario == Scenario.EuropeOverland)
        {
            return Pick(sites);
        }
        var area = AreaOf(d.Organisation.Code);
        var local = sites.Where(area.Contains).ToList();
        return Pick(local.Count > 0 ? local : area);
    }

    private static IReadOnlyList<District> AreaOf(string organisationCode) => organisationCode switch
    {
        "LHR" => DemoPlaces.InProvince("Punjab"),
        "KHI" => DemoPlaces.InProvince("Sindh"),
        "FSD" => DemoPlaces.Get("Faisalabad", "Jhang", "Chiniot", "Toba Tek Singh"),
        _ => DemoPlaces.Get("Islamabad", "Rawalpindi"),
    };

    private static string? AbroadCountry(Scenario? scenario, ForeignPlace? destination) => scenario switch
    {
        Scenario.EuropeOverland => "TR",
        Scenario.EuropeViaLibya => "LY",
        Scenario.GulfDomesticWork or Scenario.GulfLabour or Scenario.SexualExploitationGulf => destination?.Country ?? "AE",
        Scenario.ForcedMarriageAbroad => destination?.Country ?? "CN",
        Scenario.ForcedBeggingAbroad => destination?.Country ?? "SA",
        _ => destination?.Country,
    };

    private OrganisationId PickOrganisation(double[] weights)
    {
        var positive = weights.Select(w => w > 0 ? w : 0).ToArray();
        return _organisations[OrganisationOrder[PickWeighted(positive)]];
    }

    private static bool IsMuhammad(string latin) => latin is "Muhammad" or "Mohammad" or "Mohammed" or "Muhammed" or "Mohd";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private DateTime At(DateOnly day)
    {
        // Office hours in Pakistan (UTC+5), stored as UTC.
        var local = day.ToDateTime(new TimeOnly(Between(9, 16), Between(0, 59)));
        return Min(DateTime.SpecifyKind(local - PakistanOffset, DateTimeKind.Utc), _now);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private PartialDate Approximate(DateOnly day)
    {
        var r = _random.NextDouble();
        var text = r < 0.3
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : r < 0.9 ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture) : day.ToString("yyyy", CultureInfo.InvariantCulture);
        return PartialDate.Parse(text, "date");
    }

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0 && weights[i] > 0)
            {
                return i;
            }
        }
        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }
        throw new InvalidOperationException("No positive weight to pick from.");
    }

    private string PickName(IReadOnlyList<DemoName> pool) => pool[PickWeighted(pool.Select(n => (double)n.Weight).ToList())].Latin;

    /// <summary>Draws <paramref name="count"/> distinct items, returned in their original order.</summary>
    private List<T> PickSome<T>(IReadOnlyList<T> items, int count)
    {
        var indices = Enumerable.Range(0, items.Count).ToList();
        var picked = new List<int>();
        while (picked.Count < count && indices.Count > 0)
        {
            var i = _random.Next(indices.Count);
            picked.Add(indices[i]);
            indices.RemoveAt(i);
        }
        return picked.Order().Select(i => items[i]).ToList();
    }

    private string Digits(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + _random.Next(10));
        }
        return new string(chars);
    }

    private static string Pkr(int amount) => amount >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"PKR {amount / 1_000_000.0:0.#} million")
        : string.Create(CultureInfo.InvariantCulture, $"PKR {amount:N0}");

    private int Amount(int min, int max, int step) => Between(min / step, max / step) * step;

    private sealed record NetworkMember(
        PersonId Id, Scenario? Scenario, int Part, District Home, OrganisationId RecordedBy, Sketch Sketch,
        DateOnly ActiveFrom, DateOnly ActiveTo, VictimGroup? Group, DateOnly? Born)
    {
        public int Uses { get; set; }
    }
}
