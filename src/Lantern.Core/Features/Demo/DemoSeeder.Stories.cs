using System.Globalization;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Demo;

internal sealed partial class DemoSeeder
{
    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.Ordinal)
    {
        ["AE"] = "the UAE",
        ["SA"] = "Saudi Arabia",
        ["OM"] = "Oman",
        ["QA"] = "Qatar",
        ["GR"] = "Greece",
        ["IT"] = "Italy",
        ["ES"] = "Spain",
        ["LY"] = "Libya",
        ["CN"] = "China",
        ["IQ"] = "Iraq",
        ["TR"] = "Turkey",
        ["IR"] = "Iran",
    };

    private static readonly Dictionary<string, (string Currency, int Min, int Max, int Step)> Wages = new(StringComparer.Ordinal)
    {
        ["AE"] = ("AED", 1000, 2500, 100),
        ["SA"] = ("SAR", 1000, 2500, 100),
        ["OM"] = ("OMR", 100, 250, 10),
        ["QA"] = ("QAR", 1000, 2500, 100),
    };

    private Story Tell(Draft d)
    {
        var v = d.Victims[0];
        var t = new Telling(d);
        var source = d.Source!;
        var site = d.Site!;
        var events = new List<EventDraft>();
        var rec = d.RecruitedOn;
        string summary;

        switch (d.Scenario)
        {
            case Scenario.BrickKiln:
                {
                    var amount = Amount(80_000, 600_000, 5_000);
                    var children = d.Victims.Any(x => x.Group is VictimGroup.Girl or VictimGroup.Boy);
                    summary = Chance(0.5)
                        ? $"{t.Victim}{t.Others} took an advance (peshgi) of {Pkr(amount)} from {t.Suspect(1, "a jamadar (labour contractor)")}{t.In(source)} and {t.Were} moved to a brick kiln near {site.Name} run by {t.Suspect(0, "the kiln owner")}. Deductions for food, tools and 'broken bricks' kept the debt growing, the wages went to the contractor, and the family could not leave the kiln while the debt stood{(children ? "; the children moulded bricks alongside their parents" : "")}."
                        : $"{t.Victim}{t.Others} had worked for {Between(2, 9)} years at a brick kiln near {site.Name} owned by {t.Suspect(0, "a local landowner")} against a family debt of {Pkr(amount)} that had passed down from one generation to the next. Only the kiln's munshi kept a record of the debt, {v.First} was beaten when {t.He} asked to move to another kiln, and the family's CNICs were kept at the kiln office.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Advance of {Pkr(amount)} agreed with the contractor.", 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(3, 30)), site, "Moulding bricks at a kiln; debt entered in the kiln's peshgi register.", 0, 2));
                    break;
                }
            case Scenario.FarmBondage:
                {
                    var amount = Amount(50_000, 400_000, 5_000);
                    summary = $"{t.Victim}{t.Others} worked as {(d.Victims.Count > 1 ? "tenant labourers (haris)" : "a tenant labourer (hari)")} on land in {site.Name} owned by {t.Suspect(0, "a landlord")}, and owed {Pkr(amount)} in advances that {t.Their} share of each harvest never cleared. The kamdar took the wages at harvest, armed guards stopped {t.Them} from leaving, and {v.First} was beaten after an attempt to escape.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Advance of {Pkr(amount)} taken for {Pick(["a wedding", "medical costs", "seed and fertiliser", "a funeral"])}.", 0, 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(10, 60)), site, "Unpaid work on the landlord's fields; movement restricted by armed guards.", 0, 1));
                    break;
                }
            case Scenario.PowerLooms:
                {
                    var amount = Amount(30_000, 200_000, 5_000);
                    summary = $"{t.Victim}{t.Others} worked twelve-hour shifts on power looms in a small unit in {site.Name} run by {t.Suspect(0, "the unit owner")}. The contractor, {t.Suspect(1, "a local middleman")}, had given the family {Pkr(amount)} and took the wages against it; {v.First} was beaten for mistakes and was not allowed to leave the unit during the week.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Family given {Pkr(amount)} against future wages.", 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(3, 20)), site, "Twelve-hour shifts at a power-loom unit; wages kept by the contractor.", 0));
                    break;
                }
            case Scenario.FishingBoats:
                {
                    var amount = Amount(20_000, 150_000, 5_000);
                    summary = $"{t.Victim}{t.Others} {t.Was} hired by {t.Suspect(1, "a crew contractor")} to work on a fishing boat operating from Ibrahim Hyderi, Karachi, against an advance of {Pkr(amount)}. At sea the crew worked up to eighteen hours a day for weeks at a time; the boat owner, {t.Suspect(0, "a boat owner")}, deducted food and fuel from their share and would not let them ashore until the advance was repaid.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Advance of {Pkr(amount)} paid to the family by the contractor.", 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(5, 30)), DemoPlaces.Get("Karachi"), "Fishing trips of three to six weeks; crew share withheld.", 0));
                    break;
                }
            case Scenario.Construction:
                {
                    var wage = Amount(25_000, 40_000, 1_000);
                    summary = $"{t.Victim}{t.Others} {t.Was} brought to a construction site in {site.Name} by {t.Suspect(0, "a contractor")}, who promised {Pkr(wage)} a month. Wages were held back for months 'against the travel advance', CNICs were kept by the contractor and the workers slept at the site under guard.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Promised {Pkr(wage)} a month on a building site.", 0, 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(2, 15)), site, "Unpaid work on a construction site; CNICs held by the contractor.", 0));
                    break;
                }
            case Scenario.DomesticServitude:
                {
                    var advance = Amount(20_000, 150_000, 5_000);
                    var wage = Amount(5_000, 15_000, 500);
                    var injury = Pick(["; a neighbour called the police helpline 15 after hearing screams", "; injuries were recorded at the district hospital", "", $"; {t.He} was locked in a storeroom as punishment"]);
                    var terms = v.Group is VictimGroup.Girl or VictimGroup.Boy
                        ? $"who paid {t.His} parents {Pkr(advance)} in advance and {Pkr(wage)} a month after that"
                        : $"who kept {t.His} first {Between(3, 8)} months' wages of {Pkr(wage)} a month as a 'placement fee'";
                    summary = $"{t.Victim} was placed as a live-in domestic worker with a family in {site.Name} by {t.Suspect(1, "a local agent")}, {terms}. {v.First} worked from dawn until late at night, was not allowed to go out or call home, and was beaten by the employer, {t.Suspect(0, "the employer")}{injury}.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, v.Group is VictimGroup.Girl or VictimGroup.Boy ? $"Agent paid the parents {Pkr(advance)} in advance." : "Placed with a household by an agent.", 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(1, 10)), site, "Live-in domestic work without rest; beaten by the employer.", 0));
                    break;
                }
            case Scenario.GulfDomesticWork:
                {
                    var dest = d.Destination!;
                    var fee = Amount(150_000, 500_000, 10_000);
                    var escape = Pick([
                        $"{Capitalised(t.He)} escaped to the Pakistani mission and was repatriated with help from the Community Welfare Attaché.",
                    $"{Capitalised(t.His)} family complained to FIA after {t.He} sent voice messages describing the abuse.",
                    $"The sponsor sent {t.Him} back to Pakistan without {t.His} wages."]);
                    summary = $"{t.Victim} was recruited by {t.Suspect(0, "an unlicensed agent")}{t.In(source)} for a job as a housemaid in {dest.City} at {Wage(dest.Country)} a month and paid {Pkr(fee)} for the visa and ticket. On arrival the sponsor's family took {t.His} passport; {t.He} worked without a day off, was not paid for {Between(3, 14)} months and was not allowed to leave the house. {escape}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Paid {Pkr(fee)} to the agent for a housemaid visa.", 0));
                    events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(20, 60)), dest, "Domestic work in the sponsor's house; passport confiscated, wages unpaid.", 1));
                    break;
                }
            case Scenario.GulfLabour:
                {
                    var dest = d.Destination!;
                    var (job, industry) = Pick<(string, ForcedLabourIndustry)>([
                        ("driver", ForcedLabourIndustry.H_TransportationAndStorage), ("electrician", ForcedLabourIndustry.F_Construction),
                    ("mason", ForcedLabourIndustry.F_Construction), ("security guard", ForcedLabourIndustry.N_AdministrativeAndSupportServiceActivities),
                    ("farm worker", ForcedLabourIndustry.A_AgricultureForestryAndFishing), ("warehouse worker", ForcedLabourIndustry.H_TransportationAndStorage)]);
                    d.Industry = industry;
                    var fee = Amount(400_000, 1_200_000, 50_000);
                    summary = $"{t.Victim}{t.Others} paid {t.Suspect(0, "a visa agent")} {Pkr(fee)}{(d.Victims.Count > 1 ? " each" : "")} for a work visa to {CountryNames[dest.Country]} as a {job} at {Wage(dest.Country)} a month. The visa was a 'free visa' with no real employer: in {dest.City} the workers were housed in a labour camp, their passports were taken and they worked for a fraction of the promised pay until the 'visa cost' was repaid; those who complained were threatened with being reported to the police as absconders.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Paid {Pkr(fee)} for a {job}'s visa.", 0, 1));
                    events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(20, 90)), dest, $"Work as a {job} for a fraction of the promised wage; passport held by the camp supervisor.", 2));
                    break;
                }
            case Scenario.EuropeOverland:
                {
                    var dest = d.Destination!;
                    var fee = Amount(1_500_000, 3_500_000, 100_000);
                    var iran = Pick(DemoPlaces.IranTransit);
                    d.Deported = Chance(0.25);
                    var ending = d.Deported
                        ? $"Iranian border guards caught the group; {v.First} was deported through Taftan and interviewed by FIA."
                        : Chance(0.5)
                            ? $"In Istanbul the group was held in a house until their families paid a further {Pkr(Amount(300_000, 1_000_000, 50_000))}; {v.First} reached {dest.City} and worked on farms for an agent who kept {t.His} wages against the 'remaining fee'."
                            : $"{v.First} reached {dest.City}, where {t.He} worked {Pick(["picking strawberries", "in greenhouses", "on olive farms", "on construction sites"])} for {Between(3, 14)} months without pay to clear the 'remaining fee'.";
                    summary = $"{t.Victim}{t.Others} paid {t.Suspect(0, "a local agent")} {Pkr(fee)} to be taken to {CountryNames[dest.Country]}. {t.SuspectCapitalised(1, "A smuggler")} took the group by road from Quetta to the Iranian border near Taftan; they crossed Iran on foot and in pickups to {iran.City} and on towards Turkey. {ending}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Paid {Pkr(fee)} for passage to {CountryNames[dest.Country]}.", 0));
                    events.Add(Domestic(EventType.Transit, rec.AddDays(Between(7, 20)), DemoPlaces.Get("Quetta"), "Taken by road to the border near Taftan.", 1));
                    events.Add(Abroad(EventType.Transit, rec.AddDays(Between(21, 35)), iran, "Crossed Iran on foot and in pickups.", 1));
                    if (!d.Deported)
                    {
                        events.Add(Abroad(EventType.Transit, rec.AddDays(Between(36, 50)), Pick(DemoPlaces.TurkeyTransit), "Held in a safe house; families asked for more money.", 2));
                        events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(51, 58)), dest, "Unpaid farm or building work to clear the 'remaining fee'.", 2));
                    }
                    break;
                }
            case Scenario.EuropeViaLibya:
                {
                    var dest = d.Destination!;
                    var fee = Amount(2_000_000, 4_000_000, 100_000);
                    var airport = Pick(["Lahore", "Islamabad", "Sialkot", "Karachi"]);
                    var benghazi = DemoPlaces.LibyaTransit[0];
                    string ending;
                    if (dest.Country == "LY")
                    {
                        d.Deported = Chance(0.3);
                        ending = d.Deported
                            ? $"{v.First} was deported from Libya and returned through {airport}."
                            : $"{v.First} was made to work without pay on building sites in {dest.City} for {Between(2, 9)} months before escaping and being repatriated.";
                    }
                    else
                    {
                        ending = $"After the family paid, {v.First} was put on a boat from Zuwara and landed in Italy; {t.He} was later found working without pay on farms near {dest.City}.";
                    }
                    summary = $"{t.Victim}{t.Others} paid {t.Suspect(0, "a travel agent")} {Pkr(fee)} for a 'package' to Italy. The group flew from {airport} to Dubai and on to Benghazi, where {t.Suspect(1, "a facilitator known only as 'Haji'")} held them in a warehouse and demanded a further {Pkr(Amount(500_000, 1_500_000, 50_000))} from their families, sending videos of beatings. {ending}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Paid {Pkr(fee)} for a 'package' to Italy.", 0));
                    events.Add(Abroad(EventType.Transit, rec.AddDays(Between(10, 20)), new ForeignPlace("AE", "Dubai"), "Flight via Dubai on a visit visa.", 0));
                    events.Add(Abroad(EventType.Transit, rec.AddDays(Between(21, 25)), benghazi, "Held in a warehouse; ransom demanded from the families.", 1));
                    if (dest.Country == "LY" && !d.Deported)
                    {
                        events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(26, 40)), dest, "Unpaid work on building sites under guard.", 1));
                    }
                    else if (dest.Country != "LY")
                    {
                        events.Add(Abroad(EventType.Transit, rec.AddDays(Between(26, 40)), Pick(DemoPlaces.ItalyLandings), "Landed after a boat crossing from Zuwara.", 1));
                        events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(41, 55)), dest, "Unpaid farm work to clear the 'remaining fee'.", 1));
                    }
                    break;
                }
            case Scenario.SexualExploitation:
                {
                    var job = v.Person.Gender == Gender.TransgenderFeminine ? "dancer at wedding functions"
                        : v.Person.Gender == Gender.Masculine ? "hotel helper"
                        : Pick(["beautician", "domestic worker", "receptionist", "model", "saleswoman"]);
                    var discovery = Pick([
                        $"{v.First} escaped and called the police helpline 15.",
                    $"A raid on the house found {Between(2, 7)} more women and girls.",
                    $"{v.First}'s mother traced {t.Him} through a cousin and went to the police."]);
                    summary = $"{t.Victim} was approached{t.In(source)} by {t.Suspect(1, "a woman from the neighbourhood")} with an offer of work as a {job} in {site.Name}. Instead {t.He} was taken to a house run by {t.Suspect(0, "a brothel operator")} and forced into prostitution; {t.His} phone was taken, {t.He} was given drugs and was told that the police would arrest {t.Him} if {t.He} left. {discovery}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Offered work as a {job}.", 1));
                    if (d.Suspects.Any(s => s.Part == 2))
                    {
                        events.Add(Domestic(EventType.Transit, rec.AddDays(Between(1, 3)), site, "Driven to the house at night.", 2));
                    }
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(2, 10)), site, "Forced into prostitution in a rented house.", 0));
                    break;
                }
            case Scenario.SexualExploitationGulf:
                {
                    var dest = d.Destination!;
                    var job = Pick(["beautician", "nanny", "salon worker", "hotel housekeeper"]);
                    var currency = Wages[dest.Country].Currency;
                    summary = $"{t.Victim} was offered a job as a {job} in {dest.City} by {t.Suspect(0, "a recruiter")}, who arranged a visit visa. In {dest.City} {t.His} passport was taken and {t.He} was forced into prostitution in a flat run by {t.Suspect(1, "a woman known as 'Madam'")}, who said {t.He} owed {currency} {Amount(5_000, 30_000, 1_000).ToString("N0", CultureInfo.InvariantCulture)} for travel and rent. {Pick([$"{Capitalised(t.He)} escaped to the Pakistani mission and was repatriated.", $"A raid by the local police freed {t.Him}; {t.He} was deported and interviewed by FIA on arrival."])}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Offered a job as a {job} on a visit visa.", 0));
                    events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(15, 45)), dest, "Forced into prostitution in a flat; passport confiscated.", 1));
                    break;
                }
            case Scenario.ForcedMarriage:
                {
                    var relative = d.Suspects.FirstOrDefault(s => s.Part == 0)?.Person;
                    var relation = relative?.Gender == Gender.Feminine ? Pick(["mother", "aunt", "stepmother"]) : Pick(["father", "uncle", "brother", "stepfather"]);
                    var discovery = Pick(["A teacher reported her absence from school.", "She ran away to her mother's sister, who brought her to the police.", "A women's rights worker heard of the case and contacted the shelter.", "She called the women's helpline."]);
                    d.Vani = Chance(0.3);
                    summary = d.Vani
                        ? $"{t.Victim} was given in marriage to {t.Suspect(1, "a man from another family")} to settle a dispute between two families (vani), on the decision of a local jirga in {source.Name}; {t.Suspect(0, "a relative")}, her {relation}, agreed to the settlement. She was taken to her husband's house in {site.Name}, was not allowed to see her family and was beaten when she refused. {discovery}"
                        : $"{t.Victim} was married against her will to {t.Suspect(1, "an older man")}, {Between(15, 40)} years older than her, after {t.Suspect(0, "a relative")}, her {relation}, accepted a bride price of {Pkr(Amount(200_000, 1_000_000, 50_000))}. She was kept at her husband's house in {site.Name}, was not allowed to visit her family and was beaten when she refused. {discovery}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, d.Vani ? "Given in marriage on a jirga's decision." : "Marriage arranged for a bride price.", 0, 2));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(1, 30)), site, "Confined in the husband's house.", 1));
                    break;
                }
            case Scenario.ForcedMarriageAbroad:
                {
                    var dest = d.Destination!;
                    summary = $"{t.Victim} was married to a foreign national through {t.Suspect(0, "a marriage broker")}, who told her family that the groom was a businessman and paid them {Pkr(Amount(200_000, 800_000, 50_000))}. After the nikah she was taken to {CountryNames[dest.Country]}, where she was isolated, {Pick(["forced into unpaid work", "sexually abused", "pressed to have a child for the husband's family"])}, and was not allowed to contact her family. {Pick(["She reached the Pakistani embassy with the help of another Pakistani woman and was repatriated.", "Her parents complained to FIA after she managed to send a message home."])}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, "Marriage arranged through a broker; money paid to the family.", 0));
                    events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(20, 90)), dest, "Isolated in the husband's home abroad.", 1));
                    break;
                }
            case Scenario.ForcedBegging:
                {
                    var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
                    summary = child
                        ? $"{t.Victim}{t.Others} {t.Were} brought to {site.Name} by {t.Suspect(1, "a relative")}, who promised {t.His} parents work and schooling. {t.SuspectCapitalised(0, "The ring's leader")} made the children beg at traffic signals for up to fourteen hours a day, took all the money and beat them when they brought back less than {Pkr(Amount(500, 2_000, 100))}."
                        : $"{t.Victim}{t.Others} {t.Were} brought to {site.Name} by {t.Suspect(1, "an acquaintance")} and made to beg outside a shrine for {t.Suspect(0, "the ring's leader")}, who kept the takings and gave them one meal a day.";
                    events.Add(Domestic(EventType.Recruitment, rec, source, "Promised work and schooling in the city.", 1));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(1, 10)), site, "Begging at traffic signals and shrines; takings taken by the ring.", 0));
                    break;
                }
            case Scenario.ForcedBeggingAbroad:
                {
                    var dest = d.Destination!;
                    var saudi = dest.Country == "SA";
                    var airport = Airport(d.Organisation.City);
                    summary = $"{t.Victim}{t.Others} travelled to {CountryNames[dest.Country]} on {(saudi ? "an Umrah visa" : "a pilgrimage (ziarat) visa")} arranged by {t.Suspect(0, "an agent")}, who paid for the travel and kept {(d.Victims.Count > 1 ? "the passports" : $"{t.His} passport")}. In {dest.City} {t.They} {t.Were} made to beg outside mosques and markets and hand the money to {t.Suspect(1, "a handler")}. {Pick([$"{(saudi ? "Saudi" : "Iraqi")} authorities detained {t.Them} and deported {t.Them}; FIA interviewed {t.Them} on arrival at {airport}.", $"{v.First} was deported after {Between(1, 6)} months and handed over to FIA at {airport}."])}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, "Travel on a pilgrimage visa paid by the agent.", 0));
                    events.Add(Abroad(EventType.Exploitation, rec.AddDays(Between(5, 30)), dest, "Begging outside mosques and markets.", 1));
                    break;
                }
            case Scenario.OrganRemoval:
                {
                    var job = v.Person.Gender == Gender.Masculine
                        ? Pick(["daily-wage labourer", "brick-kiln worker", "rickshaw driver", "farm labourer"])
                        : Pick(["domestic worker", "brick-kiln worker", "farm labourer"]);
                    var promised = Amount(300_000, 800_000, 50_000);
                    var paid = Amount(promised / 5, promised * 3 / 5, 10_000);
                    var surgeon = d.Suspects.Any(s => s.Part == 1) ? $" The operation was done by {t.Suspect(1, "a surgeon")}." : "";
                    summary = $"{t.Victim}, a {job} in debt of {Pkr(Amount(100_000, 500_000, 10_000))}, was introduced by {t.Suspect(0, "a tout")} to a private clinic in {site.Name} with the promise of {Pkr(promised)} for a kidney. {Capitalised(t.He)} was kept in a rented room until the operation, was paid {Pkr(paid)}, and was discharged after three days without follow-up care.{surgeon} {Pick([$"A raid by FIA on the clinic found {Between(2, 6)} people waiting for surgery.", $"{v.First} was admitted to hospital with complications and told the doctors what had happened.", $"{v.First}'s brother reported the tout after another relative was approached."])}";
                    events.Add(Domestic(EventType.Recruitment, rec, source, $"Promised {Pkr(promised)} for a kidney.", 0));
                    events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(5, 40)), site, "Kidney removed at a private clinic.", 1, 2));
                    break;
                }
            case Scenario.ForcedCriminality:
                {
                    var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
                    if (d.Destination is { } dest)
                    {
                        var airport = Airport(d.Organisation.City);
                        summary = $"{t.Victim} was forced by {t.Suspect(0, "a drug dealer")} to carry heroin capsules on a flight from {airport} to {dest.City} to repay a debt of {Pkr(Amount(50_000, 400_000, 10_000))}; {t.His} family was threatened when {t.He} refused. {v.First} was stopped at {airport} by the Anti-Narcotics Force and told investigators that {t.He} had been coerced.";
                        events.Add(Domestic(EventType.Recruitment, rec, source, "Drawn into a debt, then told to carry drugs.", 1));
                        events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(5, 40)), DemoPlaces.Get(d.Organisation.City), "Made to carry drugs on a flight; stopped at the airport.", 0));
                    }
                    else
                    {
                        summary = child
                            ? $"{t.Victim}{t.Others} {t.Were} recruited{t.In(source)} by {t.Suspect(1, "a recruiter")} and handed over to {t.Suspect(0, "a gang leader")}, who ran a pickpocketing and street-theft ring in {site.Name}. The children were given drugs, beaten, and told that their families would be harmed if they stopped; all the money went to the ring."
                            : $"{t.Victim}{t.Others} {t.Were} drawn into debt by {t.Suspect(0, "a gang leader")} in {site.Name}, who then forced {t.Them} to sell drugs under threats to {t.Their} families.";
                        events.Add(Domestic(EventType.Recruitment, rec, source, "Recruited with promises of work and money.", 1));
                        events.Add(Domestic(EventType.Exploitation, rec.AddDays(Between(3, 20)), site, "Forced into street crime for the gang.", 0));
                    }
                    break;
                }
            default:
                throw new InvalidOperationException($"No story for {d.Scenario}.");
        }
        var opened = d.Plan.OpenedOn;
        return new Story(summary, events.Select(e => e.Day > opened ? e with { Day = opened } : e).ToList());
    }

    private string Wage((string Currency, int Min, int Max, int Step) w) =>
        string.Create(CultureInfo.InvariantCulture, $"{w.Currency} {Amount(w.Min, w.Max, w.Step):N0}");

    private string Wage(string country) => Wage(Wages[country]);

    private static string Airport(string city) => city switch
    {
        "Lahore" => "Allama Iqbal International Airport, Lahore",
        "Karachi" => "Jinnah International Airport, Karachi",
        _ => "Islamabad International Airport",
    };

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static EventDraft Domestic(EventType type, DateOnly day, District place, string description, params int[] parts) =>
        new(type, day, "PK", place.Province, place.Name, description, parts);

    private static EventDraft Abroad(EventType type, DateOnly day, ForeignPlace place, string description, params int[] parts) =>
        new(type, day, place.Country, null, place.City, description, parts);

    private string Intake(Draft d)
    {
        var v = d.Victims[0];
        var o = d.Organisation;
        return o.Type switch
        {
            OrganisationType.LawEnforcement when d.Scenario == Scenario.ForcedCriminality && d.Destination is not null =>
                $"The Anti-Narcotics Force referred the case to FIA AHTC {o.City} as possible trafficking.",
            OrganisationType.LawEnforcement => d.ComplainantRelation switch
            {
                "self" => $"FIA AHTC {o.City} registered the case on {v.First}'s own complaint.",
                { } relation => $"FIA AHTC {o.City} registered the case on a complaint by {v.First}'s {relation}.",
                null when d.Destination is not null => Pick([
                    $"The case reached FIA AHTC {o.City} through the Bureau of Emigration & Overseas Employment.",
                    $"FIA immigration staff at {Airport(o.City)} referred the case to AHTC {o.City} on {v.First}'s return.",
                    $"The Pakistani mission in {CountryNames.GetValueOrDefault(d.Destination.Country, d.Destination.Country)} reported the case to FIA."]),
                null => Pick([
                    $"FIA AHTC {o.City} opened an inquiry on information from the district police.",
                    $"FIA AHTC {o.City} opened an inquiry after a report on social media.",
                    $"Aman Shelter Islamabad referred the case to FIA AHTC {o.City}."]),
            },
            OrganisationType.LocalGovernmentOrganisation => $"Inspectors of the Punjab Labour Department found {(d.Victims.Count > 1 ? "the workers" : v.First)} during a {Pick(["routine inspection", "complaint-based inspection", "joint raid with the district police"])} in {d.Site!.Name}.",
            _ => $"Aman Shelter Islamabad took in {v.First} after a referral from {Pick<string>(v.Group is VictimGroup.Girl or VictimGroup.Boy ? ["the police", "the Child Protection Unit", "a hospital social worker", "the shelter's helpline"] : ["the police", "a hospital social worker", "the shelter's helpline", "FIA", "a women's rights group"])}.",
        };
    }

    private string Outcome(Draft d)
    {
        var v = d.Victims[0];
        var t = new Telling(d);
        return (d.Status, d.Organisation.Type) switch
        {
            (CaseStatus.Active, OrganisationType.LawEnforcement) => Pick(["Investigation is under way.", "Statements are being recorded; investigation is under way.", "Investigation continues."]),
            (CaseStatus.Active, OrganisationType.LocalGovernmentOrganisation) => "Proceedings before the District Vigilance Committee are pending.",
            (CaseStatus.Active, _) => $"{v.First} is staying at the shelter and receiving counselling and legal aid.",
            (CaseStatus.FollowUp, OrganisationType.LawEnforcement) => d.TrialPending
                ? $"Challan submitted; the trial is pending before the Sessions Court, {d.CourtDistrict}."
                : $"{v.First} has returned home; follow-up continues.",
            (CaseStatus.FollowUp, OrganisationType.LocalGovernmentOrganisation) => "The workers have been released; follow-up visits continue.",
            (CaseStatus.FollowUp, _) => $"{v.First} has returned to {t.His} family; follow-up visits continue.",
            _ => $"Closed: {d.ClosureReason}",
        };
    }

    private void DecideStatus(Draft d)
    {
        var age = _lastDay.DayNumber - d.Plan.OpenedOn.DayNumber;
        double[] weights = age > 730 ? [0.08, 0.14, 0.56, 0.22] : age > 365 ? [0.22, 0.30, 0.32, 0.16] : [0.6, 0.24, 0.1, 0.06];
        d.Status = (CaseStatus)PickWeighted(weights);
        // FIA prosecutes in its own area: at the place of exploitation when that is local, else where the circle sits.
        d.CourtDistrict = d.Site is { } site && AreaOf(d.Organisation.Code).Contains(site) && d.Destination is null ? site.Name : d.Organisation.City;
        if (d.Status == CaseStatus.FollowUp && d.Organisation.Type == OrganisationType.LawEnforcement)
        {
            d.TrialPending = Chance(0.45);
        }
        if (d.Status is not (CaseStatus.Closed or CaseStatus.ClosedReferred))
        {
            return;
        }
        var options = d.Status == CaseStatus.Closed ? ClosureOptions(d) : ReferralOptions(d);
        var chosen = options[PickWeighted(options.Select(o => o.Weight).ToList())];
        d.ClosureReason = chosen.Reason;
        d.Outcome = chosen.Outcome;
        d.ShareWith = chosen.ShareWith;
    }

    private List<Closure> ClosureOptions(Draft d)
    {
        var v = d.Victims[0];
        var t = new Telling(d);
        var migration = d.Scenario is Scenario.EuropeOverland or Scenario.EuropeViaLibya;
        var labour = d.Scenario is Scenario.GulfLabour or Scenario.Construction;
        var bondage = d.Scenario is Scenario.BrickKiln or Scenario.FarmBondage or Scenario.PowerLooms or Scenario.FishingBoats;
        return d.Organisation.Type switch
        {
            OrganisationType.LawEnforcement =>
            [
                new($"The accused was convicted by the Sessions Court, {d.CourtDistrict}, and sentenced to {Between(3, 7)} years' imprisonment and a fine.", CaseOutcome.Conviction, null, d.Deported ? 0.5 : 3),
                new($"The accused were acquitted by the Sessions Court, {d.CourtDistrict}; the victim and witnesses did not support the prosecution.", CaseOutcome.Acquittal, null, 2),
                new("The main accused is abroad and was declared a proclaimed offender; the case was filed as untraced.", CaseOutcome.Untraced, null, d.Destination is null ? 0.8 : 2),
                new(migration
                        ? "The inquiry found migrant smuggling without exploitation; the agent is being prosecuted under the Prevention of Smuggling of Migrants Act 2018."
                        : labour ? "The inquiry found a wage dispute without coercion; the complainant was advised to approach the labour court."
                        : "The inquiry did not establish trafficking.",
                    CaseOutcome.NotTrafficking, null, migration ? d.Deported ? 5 : 2 : labour ? 1.5 : 0.3),
                new($"The complaint was withdrawn; {v.First} returned home and did not want to proceed.", CaseOutcome.Withdrawn, null, 1),
            ],
            OrganisationType.LocalGovernmentOrganisation =>
            [
                new("The workers were released and the bonded debt stands extinguished under the Bonded Labour System (Abolition) Act 1992.", CaseOutcome.Released, null, bondage ? 3 : 0),
                new($"{(d.Scenario == Scenario.DomesticServitude ? "The child was removed from the employer's house and returned to the parents; the employer was fined under the Punjab Domestic Workers Act 2019." : "The workers were removed from the workplace and the employer was fined.")}", CaseOutcome.Released, null, bondage ? 0.5 : 3),
                new($"The employer paid outstanding wages of {Pkr(Amount(20_000, 300_000, 5_000))} after the inspection; no further action.", CaseOutcome.Other, null, 1.5),
                new("The complaint was not substantiated at inspection.", CaseOutcome.NotTrafficking, null, 0.7),
            ],
            _ =>
            [
                new($"{v.First} was reintegrated with {t.His} family; six-month follow-up completed.", CaseOutcome.Reintegrated, null, 3),
                new($"{v.First} left the shelter by choice and declined further services.", CaseOutcome.Other, null, 1),
                new("No contact after three follow-up attempts.", CaseOutcome.Other, null, 1),
                new("The assessment found no indication of trafficking; support continued under the general protection programme.", CaseOutcome.NotTrafficking, null, v.Group is VictimGroup.Woman or VictimGroup.Man ? 0.4 : 0),
            ],
        };
    }

    private static List<Closure> ReferralOptions(Draft d)
    {
        var v = d.Victims[0];
        var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
        var female = v.Group is VictimGroup.Woman or VictimGroup.Girl;
        var punjab = d.Site?.Province != "Sindh";
        var childProtection = punjab ? "the Child Protection and Welfare Bureau, Punjab" : "the Sindh Child Protection Authority";
        switch (d.Organisation.Code)
        {
            case "LHR" or "KHI":
                var other = d.Organisation.Code == "LHR" ? "KHI" : "LHR";
                return
                [
                    new($"{v.First} was referred to Aman Shelter Islamabad for shelter and counselling; FIA file closed.", CaseOutcome.Referred, "ISB", female || child ? 3 : 0.5),
                    new("Referred to the Bureau of Emigration & Overseas Employment for action against the overseas employment promoter's licence.", CaseOutcome.Referred, null, d.Scenario is Scenario.GulfLabour or Scenario.GulfDomesticWork ? 2 : 0),
                    new($"Transferred to FIA AHTC {(other == "LHR" ? "Lahore" : "Karachi")} on jurisdiction.", CaseOutcome.Referred, other, 1),
                    new($"The child was referred to {childProtection}.", CaseOutcome.Referred, null, child ? 2 : 0),
                ];
            case "FSD":
                return
                [
                    new("Referred to FIA AHTC Lahore for criminal investigation of the employer.", CaseOutcome.Referred, "LHR", 2),
                    new($"The released workers were referred to the District Vigilance Committee, {d.Site!.Name}, for rehabilitation.", CaseOutcome.Referred, null, 1.5),
                    new($"The children were referred to {childProtection}.", CaseOutcome.Referred, null, child ? 1 : 0),
                ];
            default:
                return
                [
                    new("Referred to FIA AHTC Lahore for investigation.", CaseOutcome.Referred, "LHR", punjab ? 2 : 0.5),
                    new("Referred to FIA AHTC Karachi for investigation.", CaseOutcome.Referred, "KHI", punjab ? 0.3 : 2),
                    new($"Referred to the Darul Aman, {v.Home.Name}, for longer-term accommodation.", CaseOutcome.Referred, null, v.Group == VictimGroup.Woman ? 1.5 : 0),
                    new($"Referred to {childProtection}.", CaseOutcome.Referred, null, child ? 1.5 : 0),
                ];
        }
    }

    private void AssignAndShare(Draft d, Case @case)
    {
        var open = d.Status is CaseStatus.Active or CaseStatus.FollowUp;
        var lead = d.Organisation.Code switch
        {
            "LHR" or "KHI" => Officer(d.Organisation.Code, Role.Investigator),
            "FSD" => Officer("FSD", Role.LabourInspector),
            _ => Officer("ISB", Role.Caseworker),
        };
        if (lead is not null && Chance(open ? 0.6 : 0.25))
        {
            @case.Assign(lead.Id, d.CreatedAt);
        }
        var prosecutor = Officer("LHR", Role.Prosecutor);
        if (d.Organisation.Code == "LHR" && prosecutor is not null && (d.TrialPending || d.Outcome is CaseOutcome.Conviction or CaseOutcome.Acquittal) && Chance(0.8))
        {
            @case.Assign(prosecutor.Id, d.CreatedAt);
        }
        var v = d.Victims[0];
        if (d.Organisation.Type == OrganisationType.LawEnforcement && d.ShareWith is null && v.Group is not VictimGroup.Man && Chance(0.08))
        {
            // The victim is staying at the shelter, which follows the case.
            d.SharedWithShelter = true;
            @case.ShareWith(_organisations["ISB"], Min(d.CreatedAt.AddDays(Between(1, 10)), _now));
        }
    }

    private DemoOfficer? Officer(string organisation, Role role) =>
        _officers.FirstOrDefault(o => o.OrganisationCode == organisation && o.Role == role);

    private DateTime AddNotes(Draft d, Case @case)
    {
        var count = d.Status switch
        {
            CaseStatus.Active => Between(0, 2),
            CaseStatus.FollowUp => Between(1, 3),
            CaseStatus.Closed => Between(1, 3),
            _ => Between(1, 2),
        };
        var last = @case.UpdatedAt;
        if (count == 0)
        {
            return last;
        }
        var pool = NotePool(d);
        var texts = PickSome(pool, Math.Min(count, pool.Count));
        var span = Math.Max(1, Math.Min(500, (DateOnly.FromDateTime(_now).DayNumber - d.Plan.OpenedOn.DayNumber) - 1));
        var offsets = Enumerable.Range(0, texts.Count).Select(_ => Between(1, span)).Order().ToList();
        // The first entry (the FIR, the intake, the inspection) is written within days of opening.
        offsets[0] = Math.Min(offsets[0], Between(0, 14));
        var author = NoteAuthor(d);
        for (var i = 0; i < texts.Count; i++)
        {
            var at = Min(d.CreatedAt.AddDays(offsets[i]).AddMinutes(Between(0, 300)), _now);
            at = at < last ? last : at;
            @case.AddNote(author, texts[i], at);
            last = at;
        }
        return last;
    }

    private string NoteAuthor(Draft d)
    {
        var role = d.Organisation.Code switch
        {
            "LHR" or "KHI" => Role.Investigator,
            "FSD" => Role.LabourInspector,
            _ => Role.Caseworker,
        };
        return Officer(d.Organisation.Code, role)?.Username ?? d.Organisation.ReferencePrefix;
    }

    private List<string> NotePool(Draft d)
    {
        var v = d.Victims[0];
        var t = new Telling(d);
        var child = v.Group is VictimGroup.Girl or VictimGroup.Boy;
        var site = d.Site!.Name;
        var notes = new List<string>();
        switch (d.Organisation.Type)
        {
            case OrganisationType.LawEnforcement:
                var law = d.Scenario switch
                {
                    Scenario.BrickKiln or Scenario.FarmBondage or Scenario.PowerLooms or Scenario.FishingBoats or Scenario.Construction => " read with section 374 PPC",
                    Scenario.SexualExploitation or Scenario.SexualExploitationGulf => " read with section 371-A PPC",
                    Scenario.ForcedMarriage when d.Vani => " and section 310-A PPC",
                    Scenario.EuropeOverland or Scenario.EuropeViaLibya => " and the Prevention of Smuggling of Migrants Act 2018",
                    Scenario.OrganRemoval => " and the Transplantation of Human Organs and Tissues Act 2010",
                    _ => "",
                };
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"FIR No. {Between(5, 420)}/{d.Plan.OpenedOn.Year % 100:D2} registered at FIA AHTC Circle {d.Organisation.City} under the Prevention of Trafficking in Persons Act 2018{law}."));
                notes.Add($"Statement of {v.First} recorded under section 161 CrPC{(child ? " in the presence of a parent" : "")}.");
                var hospital = d.Destination is null && d.Scenario != Scenario.EuropeOverland ? site : v.Home.Name;
                notes.Add($"{v.First} examined at the District Headquarters Hospital, {hospital}; medico-legal report received.");
                notes.Add("Call data records and bank statements of the accused requested.");
                if (d.Outcome != CaseOutcome.Untraced)
                {
                    notes.Add($"Main accused arrested; physical remand of {Between(3, 14)} days granted by the magistrate.");
                }
                if (d.Destination is not null)
                {
                    notes.Add($"Request sent to the Bureau of Emigration & Overseas Employment for the protector stamp record of {v.First}'s passport.");
                    notes.Add("FIA requested that the accused be placed on the Exit Control List.");
                }
                if (d.Scenario is Scenario.GulfDomesticWork or Scenario.GulfLabour)
                {
                    notes.Add($"Community Welfare Attaché in {d.Destination!.City} asked to recover the unpaid wages.");
                }
                if (d.SharedWithShelter)
                {
                    notes.Add($"{v.First} referred to Aman Shelter Islamabad for accommodation and counselling.");
                }
                if (d.TrialPending || d.Outcome is CaseOutcome.Conviction or CaseOutcome.Acquittal)
                {
                    notes.Add($"Interim challan submitted to the court of the Sessions Judge, {d.CourtDistrict}.");
                    notes.Add("Hearing adjourned; defence counsel absent. Victim's travel costs for the next date arranged.");
                }
                break;
            case OrganisationType.LocalGovernmentOrganisation:
                var workplace = d.Scenario switch
                {
                    Scenario.BrickKiln => "the brick kiln",
                    Scenario.PowerLooms => "the power-loom unit",
                    Scenario.FarmBondage => "the farm",
                    Scenario.DomesticServitude => "the employer's house",
                    _ => "the workplace",
                };
                notes.Add($"Inspection of {workplace} in {site}; peshgi register and wage records seized.");
                notes.Add($"Case placed before the District Vigilance Committee, {site}.");
                notes.Add("Employer served a notice to pay outstanding wages within 15 days.");
                notes.Add(d.Victims.Count == 1 ? "Worker released; release certificate issued." : string.Create(CultureInfo.InvariantCulture, $"{d.Victims.Count} workers released; release certificates issued."));
                notes.Add("Workers registered with the Punjab Employees Social Security Institution.");
                if (d.Victims.Any(x => x.Group is VictimGroup.Girl or VictimGroup.Boy))
                {
                    notes.Add("Children enrolled at the nearest government school under the Punjab Free and Compulsory Education Act 2014.");
                }
                break;
            default:
                notes.Add($"Intake interview with {v.First}; risk assessment: {Pick(["high", "medium", "low"])}.");
                notes.Add("Medical check-up arranged at PIMS, Islamabad.");
                notes.Add($"Psychosocial counselling session {Between(2, 8)} with {v.First}.");
                notes.Add($"Legal aid lawyer briefed; {v.First} {(Chance(0.6) ? "wants" : "does not yet want")} to pursue the case.");
                notes.Add($"Family tracing: contact made with {v.First}'s {Pick(["mother", "father", "sister", "uncle"])} by phone.");
                notes.Add($"{v.First} started {Pick(["tailoring", "beautician", "literacy", "computer"])} classes at the shelter.");
                notes.Add($"Follow-up home visit in {v.Home.Name}: {v.First} {Pick<string>(child ? ["is back at school", "is living with the family and attends a madrassa", "has started school again"] : ["is living with the family", "has found work at a garment factory", "is supported by a local women's group"])}.");
                if (t.Female)
                {
                    notes.Add("Female police officer present at the statement to the investigating officer.");
                }
                break;
        }
        return notes;
    }

    private enum CaseOutcome { None, Conviction, Acquittal, Untraced, NotTrafficking, Withdrawn, Released, Reintegrated, Referred, Other }

    private sealed record Closure(string Reason, CaseOutcome Outcome, string? ShareWith, double Weight);

    private sealed record EventDraft(EventType Type, DateOnly Day, string Country, string? State, string? City, string Description, int[] SuspectParts);

    private sealed record Story(string Summary, IReadOnlyList<EventDraft> Events);

    /// <summary>A case while it is being made up.</summary>
    private sealed class Draft(DemoOrganisation organisation, OrganisationId organisationId, CasePlan plan, ScenarioProfile profile, DateTime createdAt)
    {
        public DemoOrganisation Organisation { get; } = organisation;
        public OrganisationId OrganisationId { get; } = organisationId;
        public CasePlan Plan { get; } = plan;
        public ScenarioProfile Profile { get; } = profile;
        public Scenario Scenario => Profile.Scenario;
        public DateTime CreatedAt { get; } = createdAt;
        public ForeignPlace? Destination { get; init; }
        public DateOnly RecruitedOn { get; set; }
        public District? Source { get; set; }
        public District? Site { get; set; }
        public List<VictimDraft> Victims { get; } = [];
        public List<SuspectDraft> Suspects { get; } = [];
        public List<(Person Person, CaseRole Role)> Others { get; } = [];
        public string? ComplainantRelation { get; set; }
        public bool Family { get; set; }
        public bool Deported { get; set; }
        public bool Vani { get; set; }
        public bool TrialPending { get; set; }
        public bool SharedWithShelter { get; set; }
        public ForcedLabourIndustry? Industry { get; set; }
        public CaseStatus Status { get; set; }
        public string? ClosureReason { get; set; }
        public CaseOutcome Outcome { get; set; }
        public string? ShareWith { get; set; }
        public string CourtDistrict { get; set; } = "";
    }

    /// <summary>Words for telling a case: the primary victim's pronouns, the other victims, the suspects as the text names them.</summary>
    private sealed class Telling(Draft d)
    {
        private readonly VictimDraft _v = d.Victims[0];

        public bool Female => _v.Person.Gender is Gender.Feminine or Gender.TransgenderFeminine;
        public string He => Female ? "she" : "he";
        public string Him => Female ? "her" : "him";
        public string His => Female ? "her" : "his";
        public string Them => d.Victims.Count > 1 ? "them" : Him;
        public string They => d.Victims.Count > 1 ? "they" : He;
        public string Their => d.Victims.Count > 1 ? "their" : His;
        public string Was => d.Victims.Count > 1 ? "were" : "was";
        public string Were => Was;

        public string Victim => $"{_v.FullName} ({_v.Age}) from {_v.Home.Name}";

        /// <summary>" in {place}" unless the victim's home, already named, is that place.</summary>
        public string In(District place) => place == _v.Home ? "" : $" in {place.Name}";

        public string Others
        {
            get
            {
                var others = d.Victims.Skip(1).ToList();
                if (others.Count == 0)
                {
                    return "";
                }
                if (d.Family)
                {
                    var children = others.Count(o => o.Group is VictimGroup.Girl or VictimGroup.Boy);
                    return _v.Group switch
                    {
                        VictimGroup.Man => $" and his wife and {Count(children, "child", "children")}",
                        VictimGroup.Woman => $" and her husband and {Count(children, "child", "children")}",
                        _ => children == 0 ? $", {His} parents" : $", {His} parents and {Count(children, "sibling", "siblings")}",
                    };
                }
                var groups = others.Select(o => o.Group).Distinct().ToList();
                var (one, many) = groups.Count == 1
                    ? groups[0] switch
                    {
                        VictimGroup.Woman => ("woman", "women"),
                        VictimGroup.Man => ("man", "men"),
                        _ => ("child", "children"),
                    }
                    : groups.All(g => g is VictimGroup.Girl or VictimGroup.Boy) ? ("child", "children") : ("person", "people");
                return others.Count == 1 ? $" and one other {one}" : string.Create(CultureInfo.InvariantCulture, $" and {others.Count} other {many}");
            }
        }

        public string Suspect(int part, string fallback)
        {
            var named = d.Suspects.Where(s => s.Part == part).Select(s => s.Mention).ToList();
            return named.Count switch
            {
                0 => fallback,
                1 => named[0],
                _ => $"{named[0]} and {named[1]}",
            };
        }

        private static string Count(int n, string one, string many) => n switch
        {
            1 => $"one {one}",
            2 => $"two {many}",
            3 => $"three {many}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{n} {many}"),
        };

        public string SuspectCapitalised(int part, string fallback) => Capitalised(Suspect(part, fallback));
    }
}
