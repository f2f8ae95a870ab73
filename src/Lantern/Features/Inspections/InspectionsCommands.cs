using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Inspections;

namespace Lantern.Features.Inspections;

/// <summary>
/// <c>lantern workplaces add|edit|list|show</c>, <c>lantern inspections record|list|show|open-case|follow-ups|stats</c> and
/// <c>lantern users districts</c>. Every command acts as the local operator unless <c>--as USERNAME</c> names a user.
/// </summary>
internal static class InspectionsCommands
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static Guid Id(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, $"'{value}' is not an id.");

    public static Command Workplaces()
    {
        var command = new Command("workplaces", "The labour inspectorate's register of workplaces.");
        command.Subcommands.Add(AddWorkplaceCommand());
        command.Subcommands.Add(EditWorkplaceCommand());
        command.Subcommands.Add(ListWorkplacesCommand());
        command.Subcommands.Add(ShowWorkplace());
        return command;
    }

    public static Command Inspections()
    {
        var command = new Command("inspections", "Labour inspections for child and bonded labour.");
        command.Subcommands.Add(RecordCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(OpenCaseCommand());
        command.Subcommands.Add(FollowUps());
        command.Subcommands.Add(Stats());
        return command;
    }

    /// <summary><c>lantern users districts USERNAME [--set DISTRICT ...] [--clear]</c>: shows or replaces a user's districts.</summary>
    public static Command UserDistricts()
    {
        var username = new Argument<string>("USERNAME") { Description = "Login name." };
        var set = new Option<string[]>("--set") { Description = "A district the user works in (replaces the list); repeat for more." };
        var clear = new Option<bool>("--clear") { Description = "Remove all the user's districts." };
        var command = new Command("districts", "Show or set the districts a user works in: a labour inspector sees the workplaces, inspections and inspection cases of these districts only.")
        {
            username, set, clear, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var handler = services.GetRequiredService<SetUserDistricts.Handler>();
            var districts = parse.GetValue(set) ?? [];
            var result = districts.Length > 0 || parse.GetValue(clear)
                ? await handler.Handle(actor, parse.GetValue(username), districts, ct)
                : await handler.GetAsync(actor, parse.GetValue(username), ct);
            foreach (var d in result.Districts)
            {
                Console.WriteLine(d);
            }
            Console.Error.WriteLine($"{result.Username}: {result.Districts.Count} district(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command AddWorkplaceCommand()
    {
        var kind = new Option<string>("--kind") { Required = true, Description = "brick-kiln, agricultural-estate, carpet-workshop, textile-workshop, domestic-work-placement, factory or other." };
        var name = new Option<string>("--name") { Required = true, Description = "The workplace's name." };
        var province = new Option<string>("--province") { Required = true, Description = "Province." };
        var district = new Option<string>("--district") { Required = true, Description = "District." };
        var place = new Option<string?>("--place") { Description = "Village, mauza or road." };
        var latitude = new Option<double?>("--latitude") { Description = "Latitude (WGS 84)." };
        var longitude = new Option<double?>("--longitude") { Description = "Longitude (WGS 84)." };
        var owner = new Option<string?>("--owner") { Description = "Owner's name (encrypted)." };
        var @operator = new Option<string?>("--operator") { Description = "Operator's or munshi's name (encrypted)." };
        var registration = new Option<string?>("--registration") { Description = "Registration numbers (labour department, EPA, excise)." };
        var status = new Option<string?>("--status") { Description = "operating (default), seasonal, sealed or closed." };
        var organisation = new Option<string?>("--organisation") { Description = "Owning organisation (the local operator only; default: the first)." };
        var command = new Command("add", "Add a workplace to the register; prints its id.")
        {
            kind, name, province, district, place, latitude, longitude, owner, @operator, registration, status, organisation, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            OrganisationId? owning = null;
            if (parse.GetValue(organisation) is { } organisationName)
            {
                var all = await services.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct);
                owning = new OrganisationId(all.FirstOrDefault(o => o.Name == organisationName.Trim())?.Id
                    ?? throw new ValidationException("--organisation", $"There is no organisation named '{organisationName}'."));
            }
            var input = new WorkplaceInput(parse.GetValue(kind), parse.GetValue(name), parse.GetValue(province), parse.GetValue(district), parse.GetValue(place),
                parse.GetValue(latitude), parse.GetValue(longitude), parse.GetValue(owner), parse.GetValue(@operator), parse.GetValue(registration), parse.GetValue(status));
            var added = await services.GetRequiredService<AddWorkplace.Handler>().Handle(actor, input, ct, owning);
            Console.WriteLine(added.Id);
            return 0;
        }, ct));
        return command;
    }

    private static Command EditWorkplaceCommand()
    {
        var id = new Argument<string>("ID") { Description = "Workplace id." };
        var kind = new Option<string?>("--kind") { Description = "brick-kiln, agricultural-estate, carpet-workshop, textile-workshop, domestic-work-placement, factory or other." };
        var name = new Option<string?>("--name") { Description = "The workplace's name." };
        var province = new Option<string?>("--province") { Description = "Province." };
        var district = new Option<string?>("--district") { Description = "District." };
        var place = new Option<string?>("--place") { Description = "Village, mauza or road (an empty value clears it)." };
        var latitude = new Option<double?>("--latitude") { Description = "Latitude (WGS 84)." };
        var longitude = new Option<double?>("--longitude") { Description = "Longitude (WGS 84)." };
        var noCoordinates = new Option<bool>("--no-coordinates") { Description = "Remove the coordinates." };
        var owner = new Option<string?>("--owner") { Description = "Owner's name (encrypted; an empty value clears it)." };
        var @operator = new Option<string?>("--operator") { Description = "Operator's or munshi's name (encrypted; an empty value clears it)." };
        var registration = new Option<string?>("--registration") { Description = "Registration numbers (an empty value clears them)." };
        var status = new Option<string?>("--status") { Description = "operating, seasonal, sealed or closed." };
        var command = new Command("edit", "Change a workplace's details: only the options given change; prints the names of the fields that changed.")
        {
            id, kind, name, province, district, place, latitude, longitude, noCoordinates, owner, @operator, registration, status, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var workplaceId = Id(parse.GetValue(id), "ID");
            var w = await services.GetRequiredService<GetWorkplace.Handler>().Handle(actor, workplaceId, ct);
            if (parse.GetValue(noCoordinates) && (parse.GetValue(latitude) is not null || parse.GetValue(longitude) is not null))
            {
                throw new ValidationException("--no-coordinates", "Give coordinates or --no-coordinates, not both.");
            }
            var clearCoordinates = parse.GetValue(noCoordinates);
            var input = new WorkplaceInput(parse.GetValue(kind) ?? w.Kind, parse.GetValue(name) ?? w.Name, parse.GetValue(province) ?? w.Province,
                parse.GetValue(district) ?? w.District, parse.GetValue(place) ?? w.Place,
                clearCoordinates ? null : parse.GetValue(latitude) ?? w.Latitude, clearCoordinates ? null : parse.GetValue(longitude) ?? w.Longitude,
                parse.GetValue(owner) ?? w.OwnerName, parse.GetValue(@operator) ?? w.OperatorName, parse.GetValue(registration) ?? w.RegistrationNumbers,
                parse.GetValue(status) ?? w.Status);
            var changed = await services.GetRequiredService<ChangeWorkplace.Handler>().Handle(actor, workplaceId, input, ct);
            foreach (var field in changed.Changed)
            {
                Console.WriteLine(field);
            }
            Console.Error.WriteLine($"{changed.Changed.Count} field(s) changed");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListWorkplacesCommand()
    {
        var district = new Option<string?>("--district") { Description = "Only this district." };
        var kind = new Option<string?>("--kind") { Description = "Only this kind, e.g. brick-kiln." };
        var search = new Option<string?>("--search") { Description = "Text in the name or place." };
        var command = new Command("list", "The register (id, kind, name, district, province, status, inspections, last inspected).") { district, kind, search, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var rows = await services.GetRequiredService<ListWorkplaces.Handler>().Handle(actor, new ListWorkplaces.Request(parse.GetValue(district), parse.GetValue(kind), parse.GetValue(search)), ct);
            foreach (var w in rows)
            {
                Console.WriteLine(string.Join('\t', w.Id, w.Kind, w.Name, w.District, w.Province, w.Status, Number(w.Inspections), w.LastInspectedOn is { } d ? Day(d) : "-"));
            }
            Console.Error.WriteLine($"{rows.Count} workplace(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command ShowWorkplace()
    {
        var id = new Argument<string>("ID") { Description = "Workplace id." };
        var command = new Command("show", "One workplace, its owner and operator, and its inspection history.") { id, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var w = await services.GetRequiredService<GetWorkplace.Handler>().Handle(actor, Id(parse.GetValue(id), "ID"), ct);
            Console.WriteLine($"{w.Name}\t{w.Kind}\t{w.Status}");
            Console.WriteLine($"location\t{w.Place}, {w.District}, {w.Province}" + (w.Latitude is { } lat ? $" ({lat.ToString(CultureInfo.InvariantCulture)}, {w.Longitude!.Value.ToString(CultureInfo.InvariantCulture)})" : ""));
            Console.WriteLine($"owner\t{w.OwnerName}");
            Console.WriteLine($"operator\t{w.OperatorName}");
            Console.WriteLine($"registration\t{w.RegistrationNumbers}");
            foreach (var i in w.History)
            {
                WriteSummary(i);
            }
            return 0;
        }, ct));
        return command;
    }

    private static void WriteSummary(InspectionSummary i) => Console.WriteLine(string.Join('\t', i.Id, i.Reference, Day(i.InspectedOn), i.Workplace, i.Kind, i.District,
        "workers " + Number(i.WorkersFound), "children " + Number(i.ChildrenFound), "released " + Number(i.WorkersReleased), i.Fir ? "FIR" : "-",
        i.FollowUpDue is { } due ? "follow-up " + Day(due) + (i.FollowUpDone ? " done" : "") : "-", i.CaseId is { } c ? "case " + c : "-"));

    private static Command RecordCommand()
    {
        var workplace = new Option<string>("--workplace") { Required = true, Description = "Workplace id." };
        var date = new Option<string>("--date") { Required = true, Description = "Date of the inspection (YYYY-MM-DD)." };
        var announced = new Option<bool>("--announced") { Description = "The visit was announced (default: unannounced)." };
        var inspectors = new Option<string[]>("--inspector") { Description = "Username of an inspector who took part; repeat for more (default: the acting user)." };
        var men = new Option<int?>("--men") { Description = "Adult men found." };
        var women = new Option<int?>("--women") { Description = "Adult women found." };
        var boys = new Option<int?>("--boys") { Description = "Boys under 18 found." };
        var girls = new Option<int?>("--girls") { Description = "Girls under 18 found." };
        var workers = new Option<int?>("--workers") { Description = "Workers found in all (default: men + women + boys + girls)." };
        var children = new Option<int?>("--children") { Description = "Children found (default: boys + girls)." };
        var ages = new Option<string?>("--child-ages") { Description = "Ages of the children found, comma-separated, e.g. 9,11,15." };
        var indicators = new Option<string[]>("--indicator") { Description = "An ILO indicator observed, optionally with a note: debt-bondage=\"peshgi of 120,000\"; repeat for more." };
        var peshgi = new Option<long?>("--peshgi") { Description = "Peshgi (advances) owed, in rupees (needs debt-bondage)." };
        var peshgiWorkers = new Option<int?>("--peshgi-workers") { Description = "Workers owing peshgi." };
        var findings = new Option<string?>("--findings") { Description = "The inspectors' narrative (encrypted)." };
        var released = new Option<int?>("--released") { Description = "Bonded labourers released under the BLSA 1992." };
        var order = new Option<string?>("--release-order") { Description = "The release order's reference." };
        var vigilance = new Option<bool>("--vigilance-committee") { Description = "Referred to the district vigilance committee." };
        var fir = new Option<string?>("--fir") { Description = "FIR number." };
        var station = new Option<string?>("--police-station") { Description = "Police station of the FIR." };
        var referred = new Option<int?>("--referred") { Description = "Victims referred to services." };
        var followUp = new Option<string?>("--follow-up") { Description = "Date of the follow-up visit (YYYY-MM-DD)." };
        var command = new Command("record", "Record an inspection; prints its id and reference.")
        {
            workplace, date, announced, inspectors, men, women, boys, girls, workers, children, ages, indicators, peshgi, peshgiWorkers, findings,
            released, order, vigilance, fir, station, referred, followUp, LocalCommand.As,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var agesText = parse.GetValue(ages);
            var childAges = string.IsNullOrWhiteSpace(agesText) ? null : agesText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select((a, n) => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new ValidationException($"childAges[{n}]", $"'{a}' is not an age.")).ToList();
            var observed = (parse.GetValue(indicators) ?? []).Select(x =>
            {
                var at = x.IndexOf('=', StringComparison.Ordinal);
                return at < 0 ? new IndicatorInput(x, null) : new IndicatorInput(x[..at], x[(at + 1)..]);
            }).ToList();
            var request = new RecordInspection.Request(Id(parse.GetValue(workplace), "--workplace"), parse.GetValue(date), parse.GetValue(announced), parse.GetValue(inspectors),
                parse.GetValue(workers), parse.GetValue(men), parse.GetValue(women), parse.GetValue(boys), parse.GetValue(girls), parse.GetValue(children), childAges, observed,
                parse.GetValue(peshgi), parse.GetValue(peshgiWorkers), parse.GetValue(findings), parse.GetValue(released), parse.GetValue(order), parse.GetValue(vigilance),
                parse.GetValue(fir), parse.GetValue(station), parse.GetValue(referred), parse.GetValue(followUp));
            var recorded = await services.GetRequiredService<RecordInspection.Handler>().Handle(actor, request, ct);
            Console.WriteLine($"{recorded.Id}\t{recorded.Reference}");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListCommand()
    {
        var district = new Option<string?>("--district") { Description = "Only this district." };
        var kind = new Option<string?>("--kind") { Description = "Only this kind of workplace." };
        var from = new Option<string?>("--from") { Description = "From this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Up to this date (YYYY-MM-DD)." };
        var workplace = new Option<string?>("--workplace") { Description = "Only this workplace (id)." };
        var command = new Command("list", "Inspections, newest first (id, reference, date, workplace, kind, district, counts, actions, follow-up, case).") { district, kind, from, to, workplace, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            Guid? workplaceId = parse.GetValue(workplace) is { } w ? Id(w, "--workplace") : null;
            var rows = await services.GetRequiredService<ListInspections.Handler>().Handle(actor,
                new ListInspections.Request(parse.GetValue(district), parse.GetValue(kind), parse.GetValue(from), parse.GetValue(to), workplaceId), ct);
            foreach (var i in rows)
            {
                WriteSummary(i);
            }
            Console.Error.WriteLine($"{rows.Count} inspection(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command ShowCommand()
    {
        var id = new Argument<string>("ID") { Description = "Inspection id." };
        var command = new Command("show", "One inspection: whom the inspectors found, the ILO indicators with notes, and the actions taken.") { id, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var i = await services.GetRequiredService<GetInspection.Handler>().Handle(actor, Id(parse.GetValue(id), "ID"), ct);
            Console.WriteLine($"{i.Reference}\t{Day(i.InspectedOn)}\t{i.Workplace}\t{i.Kind}\t{i.District}, {i.Province}\t{(i.Announced ? "announced" : "unannounced")}");
            Console.WriteLine($"inspectors\t{string.Join(", ", i.Inspectors)}");
            Console.WriteLine($"found\tworkers {Number(i.WorkersFound)} (men {Number(i.Men)}, women {Number(i.Women)}, boys {Number(i.Boys)}, girls {Number(i.Girls)}), children {Number(i.ChildrenFound)}"
                + (i.ChildAges.Count > 0 ? $" aged {string.Join(',', i.ChildAges)}" : ""));
            foreach (var x in i.Indicators)
            {
                Console.WriteLine($"indicator\t{x.Indicator}\t{x.Note}");
            }
            if (i.PeshgiAmount is { } p)
            {
                Console.WriteLine($"peshgi\tPKR {Number(p)}" + (i.PeshgiWorkers is { } pw ? $" owed by {Number(pw)} workers" : ""));
            }
            Console.WriteLine($"released\t{Number(i.WorkersReleased)}\t{i.ReleaseOrderReference}");
            Console.WriteLine($"vigilance committee\t{(i.VigilanceCommitteeReferral ? "referred" : "-")}");
            Console.WriteLine($"FIR\t{i.FirNumber ?? "-"}\t{i.PoliceStation}");
            Console.WriteLine($"referred to services\t{Number(i.VictimsReferredToServices)}");
            Console.WriteLine($"follow-up\t{(i.FollowUpDue is { } due ? Day(due) : "-")}\t{(i.FollowUpInspectionId is { } f ? "made: " + f : i.FollowUpOverdue ? "OVERDUE" : "")}");
            Console.WriteLine($"case\t{i.CaseId?.ToString() ?? "-"}");
            if (i.Findings is not null)
            {
                Console.WriteLine($"findings\t{i.Findings.ReplaceLineEndings(" ")}");
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command OpenCaseCommand()
    {
        var id = new Argument<string>("ID") { Description = "Inspection id." };
        var reference = new Option<string?>("--reference") { Description = "Case reference (default: the inspection's reference)." };
        var persons = new Option<string[]>("--person") { Description = "A person found, as victim: \"First Second\" or \"First Second,AGE,SEX\" (SEX: Feminine, Masculine...); repeat for more." };
        var file = new Option<string?>("--persons-file") { Description = "A JSON array of persons in the case-document form (lantern-case/1 persons section)." };
        var command = new Command("open-case", "Open a case for the persons found, carrying the observations over; prints the case id and reference.") { id, reference, persons, file, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var found = new List<PersonSection>();
            if (parse.GetValue(file) is { } path)
            {
                try
                {
                    found.AddRange(JsonSerializer.Deserialize<List<PersonSection>>(await File.ReadAllTextAsync(path, ct), CaseDocument.JsonOptions) ?? []);
                }
                catch (JsonException e)
                {
                    throw new ValidationException("--persons-file", "The file is not a JSON array of persons: " + e.Message.Split('\n')[0]);
                }
            }
            found.AddRange((parse.GetValue(persons) ?? []).Select(PersonOf));
            var opened = await services.GetRequiredService<OpenCaseFromInspection.Handler>().Handle(actor, Id(parse.GetValue(id), "ID"), new OpenCaseFromInspection.Request(parse.GetValue(reference), found), ct);
            Console.WriteLine($"{opened.CaseId}\t{opened.Reference}");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>"First Second[,AGE[,SEX]]" as a victim of the case document.</summary>
    private static PersonSection PersonOf(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var names = parts[0].Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        int? age = parts.Length > 1 && parts[1].Length > 0
            ? int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : throw new ValidationException("--person", $"'{parts[1]}' is not an age.")
            : null;
        return new PersonSection
        {
            Role = "victim",
            FirstName = names.ElementAtOrDefault(0),
            SecondName = names.ElementAtOrDefault(1),
            AgeWhenTrafficked = age,
            Gender = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null,
        };
    }

    private static Command FollowUps()
    {
        var command = new Command("follow-ups", "Follow-up visits past their date and not made, oldest first (inspection, reference, workplace, district, due, days overdue).") { LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var overdue = await services.GetRequiredService<ListOverdueFollowUps.Handler>().Handle(actor, ct);
            foreach (var f in overdue)
            {
                Console.WriteLine(string.Join('\t', f.InspectionId, f.Reference, f.Workplace, f.District, Day(f.FollowUpDue), Number(f.DaysOverdue)));
            }
            Console.Error.WriteLine($"{overdue.Count} overdue follow-up(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command Stats()
    {
        var from = new Option<string?>("--from") { Description = "From this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Up to this date (YYYY-MM-DD)." };
        var by = new Option<string?>("--by") { Description = "district (default) or sector." };
        var @public = new Option<bool>("--public") { Description = "Suppress small cells (counts 1 to 4 as <5), as for publication." };
        var command = new Command("stats", "Inspections, workplaces with children found, workers released and FIRs by district or sector, as CSV.") { from, to, by, @public, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await LocalCommand.AsAsync(services, actor, parse, ct);
            var table = await services.GetRequiredService<InspectionStatistics.Handler>().Handle(actor,
                new InspectionStatistics.Request(parse.GetValue(from), parse.GetValue(to), parse.GetValue(by), parse.GetValue(@public)), ct);
            Console.Write(InspectionStatistics.ToCsv(table));
            return 0;
        }, ct));
        return command;
    }
}
