using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Demo;

internal sealed partial class DemoSeeder
{
    private static readonly string[] UrbanAreas =
    [
        "Islampura", "Rehmanpura", "Madina Town", "Gulshan Colony", "Farooq Colony", "Ghaziabad", "Muslim Town",
        "Iqbal Town", "Shadbagh", "Samanabad", "Faisal Colony", "Railway Colony", "Ghulam Muhammadabad", "Nishatabad",
    ];

    private static readonly string[] CanalColonyDistricts = ["Faisalabad", "Toba Tek Singh", "Jhang", "Sargodha", "Sahiwal", "Okara", "Chiniot"];

    private static readonly Dictionary<string, string> LandlineCodes = new(StringComparer.Ordinal)
    {
        ["Lahore"] = "42",
        ["Karachi"] = "21",
        ["Islamabad"] = "51",
        ["Rawalpindi"] = "51",
        ["Faisalabad"] = "41",
        ["Multan"] = "61",
        ["Peshawar"] = "91",
        ["Quetta"] = "81",
        ["Gujranwala"] = "55",
        ["Sialkot"] = "52",
        ["Hyderabad"] = "22",
    };

    // Mobile network prefixes after +92 3: Jazz 00-09 and 20-24, Zong 10-18, Ufone 30-36, Telenor 40-49.
    private static readonly int[] MobilePrefixes = [.. Enumerable.Range(0, 10), .. Enumerable.Range(10, 9), .. Enumerable.Range(20, 5), .. Enumerable.Range(30, 7), .. Enumerable.Range(40, 10)];

    private void AddSuspects(Draft d, Func<PersonId, Person> recurring)
    {
        var parts = d.Profile.Suspects;
        var abroadCountry = AbroadCountry(d.Scenario, d.Destination);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i > 0 && !Chance(part.Presence))
            {
                continue;
            }
            var roles = new List<RoleInProcess> { part.Roles[0] };
            roles.AddRange(part.Roles.Skip(1).Where(_ => Chance(0.6)));
            var recruits = ActsAtSource(part);

            var member = part.Networked && Chance(0.3) ? PickMember(d, i) : null;
            if (member is not null)
            {
                member.Uses++;
                if (recruits)
                {
                    d.Source ??= member.Home;
                }
                else if (!part.Abroad)
                {
                    d.Site = member.Home;
                }
                if (member.RecordedBy != d.OrganisationId && Chance(0.3))
                {
                    // Recorded again by another agency under another spelling: a duplicate that record linkage should find.
                    var copy = member.Sketch.Copy();
                    copy.Aliases.Clear();
                    RespellOneToken(copy);
                    var duplicate = NewPerson(d.OrganisationId, d.CreatedAt, copy);
                    d.Suspects.Add(new SuspectDraft(duplicate, i, roles, Details(part, member.Home, d), copy.FullName));
                }
                else
                {
                    var female = member.Sketch.Gender == Gender.Feminine;
                    var mention = member.Sketch.Aliases.Count > 0 && Chance(0.5)
                        ? $"a {(female ? "woman" : "man")} calling {(female ? "herself" : "himself")} '{Pick(member.Sketch.Aliases)}' (identified as {member.Sketch.FullName})"
                        : member.Sketch.FullName;
                    d.Suspects.Add(new SuspectDraft(recurring(member.Id), i, roles, Details(part, member.Home, d), mention));
                }
                continue;
            }

            var home = recruits ? d.Source ??= Pick(SourcesOf(d.Scenario)) : d.Site!;
            var sketch = SuspectSketch(part, home, abroadCountry, d.Plan.OpenedOn.AddYears(-Between(24, 62)).AddDays(-Between(0, 364)));
            if (Chance(0.1) && sketch.First is not null)
            {
                sketch.Aliases.Add(Nickname(sketch, part));
            }
            var person = NewPerson(d.OrganisationId, d.CreatedAt, sketch);
            d.Suspects.Add(new SuspectDraft(person, i, roles, Details(part, home, d), sketch.First is null ? UnnamedMention(part) : sketch.FullName));

            // Households that hold a domestic worker are often a couple, both named in the FIR.
            if (d.Scenario == Scenario.DomesticServitude && i == 0 && Chance(0.25))
            {
                var spouse = SuspectSketch(part with { FemaleShare = sketch.Gender == Gender.Feminine ? 0 : 1 }, home, null, d.Plan.OpenedOn.AddYears(-Between(28, 60)));
                spouse.Second = sketch.Second;
                spouse.Urdu = null;
                d.Suspects.Add(new SuspectDraft(NewPerson(d.OrganisationId, d.CreatedAt, spouse), i, roles, Details(part, home, d), spouse.FullName));
            }
        }
    }

    /// <summary>Recruiters, brokers and relatives who sell act where the victim comes from; the others where the victim is exploited.</summary>
    private static bool ActsAtSource(SuspectPart part) =>
        part.Roles[0] is RoleInProcess.RecruiterOrIntermediary or RoleInProcess.BrokerTravelAgent or RoleInProcess.SoldIndividual;

    private NetworkMember? PickMember(Draft d, int part)
    {
        var opened = d.Plan.OpenedOn;
        var candidates = _network.Where(m => m.Scenario == d.Scenario && m.Part == part && m.ActiveFrom <= opened && opened <= m.ActiveTo).ToList();
        return candidates.Count == 0 ? null : Pick(candidates);
    }

    private static string Details(SuspectPart part, District home, Draft d) =>
        part.Abroad && d.Destination is not null ? $"{part.Label}, {d.Destination.City}"
        : part.Abroad ? $"{part.Label}, abroad"
        : $"{part.Label}, {home.Name}";

    private static string UnnamedMention(SuspectPart part) => part.Label switch
    {
        "Sponsor (kafeel)" => "the sponsor, whose name she could not read on the visa",
        "Foreign husband" => "a foreign national whose name appears only on the marriage certificate",
        "Facilitator in Libya" => "a facilitator known only as 'Haji'",
        "Agent in Turkey" => "an agent in Istanbul known only by a phone number",
        "Exploiter abroad" => "a woman known only as 'Madam'",
        _ => $"an unidentified {part.Label.Replace(" abroad", "", StringComparison.Ordinal).ToLowerInvariant()}",
    };

    private void AddVictims(Draft d, VictimGroup primary, Func<PersonId, Person> recurring)
    {
        var scenario = d.Scenario;
        var groups = new List<VictimGroup> { primary };
        var familyCase = false;
        switch (scenario)
        {
            case Scenario.BrickKiln or Scenario.FarmBondage when Chance(scenario == Scenario.BrickKiln ? 0.45 : 0.35):
                familyCase = true;
                groups = [VictimGroup.Man, VictimGroup.Woman];
                for (var k = Between(1, 2); k > 0; k--)
                {
                    groups.Add(Chance(0.5) ? VictimGroup.Boy : VictimGroup.Girl);
                }
                if (!groups.Contains(primary))
                {
                    groups[^1] = primary;
                }
                // The primary victim is the one the case is about; the others are listed after them.
                groups.Remove(primary);
                groups.Insert(0, primary);
                break;
            case Scenario.EuropeOverland or Scenario.EuropeViaLibya when Chance(0.25):
            case Scenario.ForcedBegging when Chance(0.3):
            case Scenario.GulfLabour when Chance(0.2):
                AddCoVictims(groups, d.Profile, Between(1, 2));
                break;
            case Scenario.ForcedCriminality when Chance(0.2):
                AddCoVictims(groups, d.Profile, 1);
                break;
            case Scenario.SexualExploitation when Chance(0.35):
                AddCoVictims(groups, d.Profile, Between(1, 3));
                break;
            default:
                if (Chance(0.1))
                {
                    AddCoVictims(groups, d.Profile, 1);
                }
                break;
        }
        d.Family = familyCase;

        // A family's ages fit together: parents at least 17 years older than their eldest child.
        var ages = groups.Select(g => Between(AgeRange(g, scenario).Min, AgeRange(g, scenario).Max)).ToArray();
        if (familyCase)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                ages[g] = groups[g] is VictimGroup.Boy or VictimGroup.Girl ? Between(5, 16) : ages[g];
            }
            var eldest = groups.Select((g, i) => g is VictimGroup.Boy or VictimGroup.Girl ? ages[i] : 0).Max();
            ages[groups.IndexOf(VictimGroup.Man)] = Between(eldest + 20, Math.Max(eldest + 20, Math.Min(eldest + 32, 58)));
            ages[groups.IndexOf(VictimGroup.Woman)] = Between(eldest + 17, Math.Max(eldest + 17, Math.Min(eldest + 28, 48)));
        }

        var home = d.Source ?? Pick(SourcesOf(scenario));
        var sharedFamily = familyCase ? NewFamily(home) : null;
        var abroad = d.Destination is not null;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var adult = group is VictimGroup.Woman or VictimGroup.Man;
            var member = adult && !familyCase && Chance(0.015) ? PickRetrafficked(d, group) : null;
            if (member is not null)
            {
                member.Uses++;
                d.Victims.Add(new VictimDraft(recurring(member.Id), group, AgeAt(member.Born!.Value, d.RecruitedOn), ShortName(member.Sketch), member.Sketch.FullName, member.Home, null));
                continue;
            }

            var born = d.RecruitedOn.AddYears(-ages[g]).AddDays(-Between(0, 364));
            var afghan = !familyCase && !abroad && Chance(0.03) && scenario is Scenario.ForcedBegging or Scenario.ForcedCriminality or Scenario.DomesticServitude or Scenario.SexualExploitation;
            var victimHome = afghan ? Pick(DemoPlaces.AfghanHosts) : home;
            var family = sharedFamily ?? NewFamily(victimHome);
            var role = !familyCase ? FamilyRole.None : group switch
            {
                VictimGroup.Man => FamilyRole.Father,
                VictimGroup.Woman => FamilyRole.Mother,
                _ => FamilyRole.Child,
            };
            var sketch = VictimSketch(group, born, victimHome, family, role, d.Organisation.Type == OrganisationType.LawEnforcement ? 0.3 : 0.55);
            if (afghan)
            {
                sketch.Citizenship = "AF";
                sketch.Documents.Clear();
                sketch.Urdu = null;
            }
            if (group == VictimGroup.Woman && scenario is Scenario.SexualExploitation or Scenario.ForcedBegging && Chance(0.06))
            {
                sketch.Gender = Gender.TransgenderFeminine;
            }
            if (abroad && !afghan && Chance(adult ? 0.85 : 0.6))
            {
                sketch.Documents.Add(new DocumentDetails(DocumentType.Passport, Passport(), Pk));
            }
            var person = NewPerson(d.OrganisationId, d.CreatedAt, sketch);
            d.Victims.Add(new VictimDraft(person, group, AgeAt(born, d.RecruitedOn), ShortName(sketch), sketch.FullName, victimHome, family));
        }
    }

    private void AddCoVictims(List<VictimGroup> groups, ScenarioProfile profile, int count)
    {
        var weights = DemoCatalogue.GlotipShares.Select((share, g) => share * profile.GroupWeights[g]).ToArray();
        for (var k = 0; k < count; k++)
        {
            groups.Add((VictimGroup)PickWeighted(weights));
        }
    }

    private NetworkMember? PickRetrafficked(Draft d, VictimGroup group)
    {
        if (d.Scenario is not (Scenario.GulfDomesticWork or Scenario.GulfLabour or Scenario.SexualExploitation or Scenario.SexualExploitationGulf
            or Scenario.BrickKiln or Scenario.EuropeOverland or Scenario.EuropeViaLibya or Scenario.OrganRemoval or Scenario.Construction))
        {
            return null;
        }
        var candidates = _network.Where(m => m.Part == -1 && m.Group == group && m.Uses < 2 && m.ActiveFrom <= d.Plan.OpenedOn
            && AgeAt(m.Born!.Value, d.RecruitedOn) >= 18 && d.Victims.All(v => v.Person.Id != m.Id)).ToList();
        return candidates.Count == 0 ? null : Pick(candidates);
    }

    private static (int Min, int Max) AgeRange(VictimGroup group, Scenario scenario) => group switch
    {
        VictimGroup.Girl => scenario switch
        {
            Scenario.ForcedMarriage or Scenario.ForcedMarriageAbroad => (12, 17),
            Scenario.SexualExploitation or Scenario.SexualExploitationGulf => (13, 17),
            Scenario.DomesticServitude => (7, 16),
            Scenario.ForcedBegging or Scenario.ForcedBeggingAbroad => (5, 15),
            _ => (6, 17),
        },
        VictimGroup.Boy => scenario switch
        {
            Scenario.EuropeOverland or Scenario.EuropeViaLibya or Scenario.GulfLabour => (15, 17),
            Scenario.FishingBoats => (12, 17),
            Scenario.ForcedBegging or Scenario.ForcedBeggingAbroad => (5, 15),
            Scenario.ForcedCriminality => (10, 17),
            _ => (7, 17),
        },
        VictimGroup.Woman => scenario switch
        {
            Scenario.SexualExploitation or Scenario.SexualExploitationGulf => (18, 35),
            Scenario.ForcedMarriage or Scenario.ForcedMarriageAbroad => (18, 30),
            Scenario.GulfDomesticWork => (22, 45),
            Scenario.OrganRemoval => (20, 45),
            _ => (18, 50),
        },
        VictimGroup.Man => scenario switch
        {
            Scenario.EuropeOverland or Scenario.EuropeViaLibya => (18, 35),
            Scenario.GulfLabour or Scenario.OrganRemoval => (20, 45),
            _ => (18, 58),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    private static int AgeAt(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    private void AddOthers(Draft d)
    {
        var v = d.Victims[0];
        var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
        var family = v.Family ?? NewFamily(v.Home);
        if (d.Organisation.Type == OrganisationType.LawEnforcement && Chance(0.7))
        {
            // In a family case the family itself complains; otherwise a relative usually goes to FIA.
            var relation = d.Family ? "self"
                : child ? Chance(0.7) ? "father" : "mother"
                : v.Group == VictimGroup.Woman ? Pick<string>(v.Age < 30 ? ["husband", "father", "brother"] : v.Age < 40 ? ["husband", "brother"] : ["husband", "brother", "son"])
                : Pick<string>(v.Age < 30 ? ["father", "brother", "self"] : v.Age < 40 ? ["brother", "self"] : ["brother", "son", "self"]);
            d.ComplainantRelation = relation;
            if (relation != "self")
            {
                d.Others.Add((Relative(d, family, relation, v), CaseRole.Complainant));
            }
        }
        if (child && !d.Family && d.Organisation.Type != OrganisationType.LawEnforcement && Chance(0.6))
        {
            d.Others.Add((Relative(d, family, Chance(0.55) ? "mother" : "father", v), CaseRole.Guardian));
        }
        if (Chance(0.25))
        {
            var home = Chance(0.5) ? d.Site ?? v.Home : v.Home;
            var male = Chance(0.7);
            var sketch = AdultSketch(male, d.Plan.OpenedOn.AddYears(-Between(20, 60)).AddDays(-Between(0, 364)), home, 0.3);
            d.Others.Add((NewPerson(d.OrganisationId, d.CreatedAt, sketch), CaseRole.Witness));
        }
    }

    private Person Relative(Draft d, Family family, string relation, VictimDraft victim)
    {
        var male = relation is "father" or "brother" or "husband" or "son";
        var age = relation switch
        {
            "father" => victim.Age + Between(22, 34),
            "mother" => victim.Age + Between(18, 30),
            "husband" => victim.Age + Between(0, 12),
            "son" => victim.Age - Between(18, 24),
            _ => Math.Max(18, victim.Age + Between(-8, 8)),
        };
        var sketch = AdultSketch(male, d.RecruitedOn.AddYears(-age).AddDays(-Between(0, 364)), family.Home, 0.35);
        switch (relation)
        {
            case "father":
                (sketch.First, sketch.Middle, sketch.Second) = (family.FatherFirst, family.FatherMiddle, family.Surname ?? PickName(_maleWithoutMuhammad));
                break;
            case "mother":
                (sketch.First, sketch.Middle, sketch.Second) = (family.MotherFirst, null, Chance(0.5) ? PickName(_names.FemaleSecond) : family.FatherMiddle ?? family.FatherFirst);
                break;
            case "brother" or "son" when family.Surname is not null:
                sketch.Second = family.Surname;
                break;
        }
        sketch.Urdu = UrduOf(sketch, Chance(0.35));
        if (family.Street is not null)
        {
            (sketch.Street, sketch.City, sketch.State, sketch.MailingCountry) = (family.Street, family.Home.Name, family.Home.Province, "PK");
        }
        return NewPerson(d.OrganisationId, d.CreatedAt, sketch);
    }

    private VictimContext VictimContextFor(Draft d, VictimDraft v)
    {
        var profile = d.Profile;
        var forms = new List<ExploitationForm>(profile.Forms);
        var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
        if (child && profile.Industry is not null && profile.Scenario != Scenario.GulfDomesticWork)
        {
            forms.Add(ExploitationForm.ChildLabour);
        }
        if (profile.Scenario is Scenario.DomesticServitude or Scenario.GulfDomesticWork && v.Group is VictimGroup.Woman or VictimGroup.Girl && Chance(0.1))
        {
            forms.Add(ExploitationForm.SexualExploitation);
        }
        if (profile.Scenario == Scenario.ForcedMarriage && Chance(0.3))
        {
            forms.Add(ExploitationForm.Servitude);
        }
        var controls = PickSome(profile.Controls, Between(2, Math.Min(4, profile.Controls.Length)));
        if (d.Family && child)
        {
            controls.Add(MethodOfControl.UsesChildren);
        }
        var relationship = (RelationshipToTrafficker)PickWeighted(profile.Relationships);
        var (status, decidedBy, decidedByName) = TraffickingStatusFor(d);
        return new VictimContext(status, decidedBy, decidedByName, forms, d.Industry ?? profile.Industry, controls, relationship, v.Age);
    }

    private (TraffickingStatus, StatusDecisionMaker?, string?) TraffickingStatusFor(Draft d)
    {
        var organisation = d.Organisation;
        switch (d.Outcome)
        {
            case CaseOutcome.Conviction:
                return (TraffickingStatus.ActualVictimOfTrafficking, StatusDecisionMaker.CourtOrProsecution, $"Sessions Court, {d.CourtDistrict}");
            case CaseOutcome.NotTrafficking:
                return (TraffickingStatus.NotAVictimOfTrafficking, organisation.DecidedBy, organisation.Name);
        }
        var r = _random.NextDouble();
        var child = d.Victims[0].Group is VictimGroup.Girl or VictimGroup.Boy;
        if (!child && r < d.Profile.NotAVictimShare * 0.5)
        {
            return (TraffickingStatus.NotAVictimOfTrafficking, organisation.DecidedBy, organisation.Name);
        }
        if (r < 0.6 || d.Status is CaseStatus.Closed or CaseStatus.ClosedReferred && r < 0.85)
        {
            return (TraffickingStatus.ActualVictimOfTrafficking, organisation.DecidedBy, organisation.Name);
        }
        return Chance(0.4)
            ? (TraffickingStatus.PossibleVictimOfTrafficking, organisation.DecidedBy, organisation.Name)
            : (TraffickingStatus.PossibleVictimOfTrafficking, null, null);
    }

    private Person NewPerson(OrganisationId organisation, DateTime at, Sketch sketch)
    {
        var person = new Person(organisation, at);
        person.SetIdentity(sketch.ToDetails(), at);
        _index(person);
        return person;
    }

    private Family NewFamily(District home)
    {
        var (fatherFirst, fatherMiddle) = MaleGiven();
        return new Family(Chance(0.7) ? PickName(_names.Second) : null, fatherFirst, fatherMiddle, PickName(_names.Female), home, Chance(0.6) ? Street(home) : null);
    }

    private (string First, string? Middle) MaleGiven()
    {
        if (Chance(0.3))
        {
            var prefix = Chance(0.75) ? "Muhammad" : Pick(["Mohammad", "Muhammed", "Mohd"]);
            return (prefix, PickName(_maleWithoutMuhammad));
        }
        return (PickName(_maleWithoutMuhammad), null);
    }

    private Sketch VictimSketch(VictimGroup group, DateOnly born, District home, Family family, FamilyRole role, double urduShare)
    {
        var female = group is VictimGroup.Woman or VictimGroup.Girl;
        var adult = group is VictimGroup.Woman or VictimGroup.Man;
        var sketch = new Sketch { Gender = female ? Gender.Feminine : Gender.Masculine };
        var fatherGiven = family.FatherMiddle ?? family.FatherFirst;
        switch (role)
        {
            case FamilyRole.Father:
                (sketch.First, sketch.Middle, sketch.Second) = (family.FatherFirst, family.FatherMiddle, family.Surname ?? PickName(_maleWithoutMuhammad));
                break;
            case FamilyRole.Mother:
                (sketch.First, sketch.Second) = (family.MotherFirst, Chance(0.5) ? PickName(_names.FemaleSecond) : fatherGiven);
                break;
            default:
                if (female)
                {
                    sketch.First = PickName(_names.Female);
                    var r = _random.NextDouble();
                    sketch.Second = !adult
                        ? r < 0.5 ? family.Surname ?? fatherGiven : fatherGiven
                        : r < 0.35 ? PickName(_names.FemaleSecond) : r < 0.65 ? fatherGiven : family.Surname ?? PickName(_names.Second);
                }
                else
                {
                    (sketch.First, sketch.Middle) = MaleGiven();
                    sketch.Second = family.Surname is not null && Chance(0.65) ? family.Surname : fatherGiven;
                }
                break;
        }
        if (string.Equals(sketch.Second, sketch.Middle ?? sketch.First, StringComparison.Ordinal))
        {
            sketch.Second = PickName(_names.Second);
        }
        sketch.Born = BirthDate(born, adult ? 0.45 : 0.6);
        sketch.Urdu = UrduOf(sketch, Chance(urduShare));
        if (adult && Chance(0.7))
        {
            sketch.Documents.Add(new DocumentDetails(DocumentType.CNIC, Cnic(home, female), null));
        }
        else if (!adult && Chance(0.45))
        {
            sketch.Documents.Add(new DocumentDetails(DocumentType.BForm, Cnic(family.Home, female), null));
        }
        if (Chance(adult ? 0.55 : 0.05))
        {
            sketch.Mobile = PakistaniMobile();
        }
        if (Chance(0.5))
        {
            (sketch.Street, sketch.City, sketch.State, sketch.MailingCountry) = (family.Street ?? Street(home), home.Name, home.Province, "PK");
            sketch.Postal = Chance(0.6) ? home.PostalCode : null;
        }
        return sketch;
    }

    private Sketch AdultSketch(bool male, DateOnly born, District home, double urduShare)
    {
        var sketch = new Sketch { Gender = male ? Gender.Masculine : Gender.Feminine };
        if (male)
        {
            (sketch.First, sketch.Middle) = MaleGiven();
            sketch.Second = Chance(0.65) ? PickName(_names.Second) : PickName(_maleWithoutMuhammad);
        }
        else
        {
            sketch.First = PickName(_names.Female);
            sketch.Second = Chance(0.4) ? PickName(_names.FemaleSecond) : PickName(_names.Second);
        }
        if (string.Equals(sketch.Second, sketch.Middle ?? sketch.First, StringComparison.Ordinal))
        {
            sketch.Second = PickName(_names.Second);
        }
        sketch.Born = BirthDate(born, 0.45);
        sketch.Urdu = UrduOf(sketch, Chance(urduShare));
        if (Chance(0.8))
        {
            sketch.Documents.Add(new DocumentDetails(DocumentType.CNIC, Cnic(home, !male), null));
        }
        if (Chance(0.85))
        {
            sketch.Mobile = PakistaniMobile();
        }
        return sketch;
    }

    private Sketch SuspectSketch(SuspectPart part, District home, string? abroadCountry, DateOnly born)
    {
        var female = Chance(part.FemaleShare);
        if (part.Abroad && abroadCountry is not null && !part.Networked && Chance(0.5))
        {
            // A foreign national known to the victim only by description: no name, a nationality, sometimes a number.
            return new Sketch
            {
                Gender = female ? Gender.Feminine : Gender.Masculine,
                Citizenship = abroadCountry,
                Mobile = Chance(0.4) ? ForeignMobile(abroadCountry) : null,
            };
        }
        var sketch = AdultSketch(!female, born, home, 0.3);
        if (part.Abroad && abroadCountry is not null)
        {
            sketch.Mobile = ForeignMobile(abroadCountry);
            if (Chance(0.5))
            {
                sketch.Documents.Clear();
                sketch.Documents.Add(new DocumentDetails(DocumentType.NICOP, Cnic(home, female), null));
            }
        }
        else if (Chance(0.1) && LandlineCodes.TryGetValue(home.Name, out var code))
        {
            sketch.Home = $"+92{code}{Digits(7)}";
        }
        if (part.Roles.Contains(RoleInProcess.BrokerTravelAgent) || part.Abroad)
        {
            if (Chance(0.5))
            {
                sketch.Documents.Add(new DocumentDetails(DocumentType.Passport, Passport(), Pk));
            }
            if (Chance(0.25))
            {
                sketch.Email = $"{Ascii(sketch.Middle ?? sketch.First!)}.{Ascii(sketch.Second!)}{Between(1, 99)}@example.com";
            }
        }
        if (!part.Abroad && Chance(0.4))
        {
            (sketch.Street, sketch.City, sketch.State, sketch.MailingCountry) = (Street(home), home.Name, home.Province, "PK");
        }
        return sketch;
    }

    private void AddRecurringAliases(Sketch sketch, SuspectPart part)
    {
        if (Chance(0.7))
        {
            var respelt = sketch.Copy();
            if (RespellOneToken(respelt))
            {
                sketch.Aliases.Add(respelt.FullName);
            }
        }
        if (sketch.Aliases.Count == 0 || Chance(0.6))
        {
            sketch.Aliases.Add(Nickname(sketch, part));
        }
    }

    /// <summary>Replaces one name by a spelling variant (Muhammad -> Mohd, Hussain -> Husain); false if none has variants.</summary>
    private bool RespellOneToken(Sketch sketch)
    {
        var slots = new List<int>();
        if (sketch.First is not null && _names.Variants(sketch.First).Count > 0)
        {
            slots.Add(0);
        }
        if (sketch.Middle is not null && _names.Variants(sketch.Middle).Count > 0)
        {
            slots.Add(1);
        }
        if (sketch.Second is not null && _names.Variants(sketch.Second).Count > 0)
        {
            slots.Add(2);
        }
        if (slots.Count == 0)
        {
            return false;
        }
        switch (Pick(slots))
        {
            case 0:
                sketch.First = Pick(_names.Variants(sketch.First!));
                break;
            case 1:
                sketch.Middle = Pick(_names.Variants(sketch.Middle!));
                break;
            default:
                sketch.Second = Pick(_names.Variants(sketch.Second!));
                break;
        }
        return true;
    }

    private string Nickname(Sketch sketch, SuspectPart part)
    {
        var given = sketch.Middle ?? sketch.First!;
        if (part.Label == "Surgeon")
        {
            return $"Dr. {given}";
        }
        return sketch.Gender == Gender.Feminine
            ? Pick([$"Baji {given}", $"Aunty {given}", $"Madam {given}"])
            : Pick([$"Haji {given}", $"Chacha {given}", $"{given} Agent", $"Malik {given}", $"Chaudhry {given}"]);
    }

    private string? UrduOf(Sketch sketch, bool wanted)
    {
        if (!wanted)
        {
            return null;
        }
        var parts = new[] { sketch.First, sketch.Middle, sketch.Second }.OfType<string>().Select(_names.Urdu).ToList();
        return parts.Count > 0 && parts.All(p => p is not null) ? string.Join(' ', parts) : null;
    }

    private PartialDate BirthDate(DateOnly born, double fullShare)
    {
        var r = _random.NextDouble();
        var text = r < fullShare
            ? born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : r < fullShare + 0.1 ? born.ToString("yyyy-MM", CultureInfo.InvariantCulture) : born.ToString("yyyy", CultureInfo.InvariantCulture);
        return PartialDate.Parse(text, "birthDate");
    }

    /// <summary>A CNIC or B-Form number, 12345-1234567-1: district prefix, seven digits, and a last digit odd for men, even for women.</summary>
    private string Cnic(District home, bool female)
    {
        var last = female ? Pick([2, 4, 6, 8]) : Pick([1, 3, 5, 7, 9]);
        return string.Create(CultureInfo.InvariantCulture, $"{home.CnicPrefix}-{Digits(7)}-{last}");
    }

    private string Passport() => $"{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}{Digits(7)}";

    private string PakistaniMobile() => string.Create(CultureInfo.InvariantCulture, $"+923{Pick(MobilePrefixes):D2}{Digits(7)}");

    private string ForeignMobile(string country) => country switch
    {
        "AE" => $"+9715{Pick(["0", "2", "4", "5", "6", "8"])}{Digits(7)}",
        "SA" => $"+9665{Digits(8)}",
        "OM" => $"+9689{Digits(7)}",
        "QA" => $"+974{Pick(["3", "5", "6", "7"])}{Digits(7)}",
        "TR" => $"+905{Digits(9)}",
        "LY" => $"+2189{Pick(["1", "2"])}{Digits(7)}",
        "CN" => $"+861{Pick(["3", "5", "8"])}{Digits(9)}",
        "IT" => $"+393{Digits(9)}",
        "GR" => $"+3069{Digits(8)}",
        "ES" => $"+346{Digits(8)}",
        "IQ" => $"+9647{Digits(9)}",
        _ => PakistaniMobile(),
    };

    private string Street(District home)
    {
        if (CanalColonyDistricts.Contains(home.Name) && Chance(0.5))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Chak No. {Between(5, 600)} {Pick(["GB", "JB", "RB"])}");
        }
        return Chance(0.6)
            ? string.Create(CultureInfo.InvariantCulture, $"House {Between(1, 900)}, Street {Between(1, 40)}, {Pick(UrbanAreas)}")
            : $"Basti {PickName(_names.Second)}";
    }

    private static string Ascii(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());

    private static string ShortName(Sketch sketch) =>
        sketch.Middle is not null && IsMuhammad(sketch.First ?? "") ? sketch.Middle : sketch.First ?? "";

    private enum FamilyRole { None, Father, Mother, Child }

    /// <summary>A family as the seeder imagines it: a surname (or none), the father's and mother's given names, home and street.</summary>
    private sealed record Family(string? Surname, string FatherFirst, string? FatherMiddle, string MotherFirst, District Home, string? Street);

    private sealed record VictimDraft(Person Person, VictimGroup Group, int Age, string First, string FullName, District Home, Family? Family);

    private sealed record SuspectDraft(Person Person, int Part, IReadOnlyList<RoleInProcess> Roles, string? Details, string Mention);

    /// <summary>A person's identity details while they are being made up; becomes a <see cref="PersonDetails"/>.</summary>
    private sealed class Sketch
    {
        public string? First { get; set; }
        public string? Middle { get; set; }
        public string? Second { get; set; }
        public string? Urdu { get; set; }
        public List<string> Aliases { get; private init; } = [];
        public PartialDate? Born { get; set; }
        public Gender? Gender { get; set; }
        public string Citizenship { get; set; } = "PK";
        public List<DocumentDetails> Documents { get; private init; } = [];
        public string? Mobile { get; set; }
        public string? Home { get; set; }
        public string? Email { get; set; }
        public string? Street { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
        public string? Postal { get; set; }
        public string? MailingCountry { get; set; }

        public string FullName => string.Join(' ', new[] { First, Middle, Second }.OfType<string>());

        public Sketch Copy() => new()
        {
            First = First,
            Middle = Middle,
            Second = Second,
            Urdu = Urdu,
            Aliases = [.. Aliases],
            Born = Born,
            Gender = Gender,
            Citizenship = Citizenship,
            Documents = [.. Documents],
            Mobile = Mobile,
            Home = Home,
            Email = Email,
            Street = Street,
            City = City,
            State = State,
            Postal = Postal,
            MailingCountry = MailingCountry,
        };

        public PersonDetails ToDetails() => new(
            First, Middle, Second, Urdu, [.. Aliases], Born, Gender, [CountryCode.Parse(Citizenship, "citizenship")],
            [.. Documents], Mobile, Home, Email, Street, City, State, Postal,
            MailingCountry is null ? null : CountryCode.Parse(MailingCountry, "mailingCountry"));
    }
}
