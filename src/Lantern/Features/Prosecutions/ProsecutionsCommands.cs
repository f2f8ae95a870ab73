using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;

namespace Lantern.Features.Prosecutions;

/// <summary>
/// <c>lantern offences list</c> (reference data, no database), <c>lantern cases timeline</c>, <c>lantern hearings upcoming</c>
/// and <c>lantern deadlines overdue</c> (acting as the local operator).
/// </summary>
internal static class ProsecutionsCommands
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private const string CsvHeader = "instrument,section,title,effectiveFrom,imprisonmentMinMonths,imprisonmentMaxMonths,fineMinRupees,fineMaxRupees,penaltyMode,cognizable,bailable,investigatingAgency,court,verification";

    public static Command Offences()
    {
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table", Description = "table, csv or json." };
        var on = new Option<string?>("--on") { Description = "Only the versions in force on this date (YYYY-MM-DD): the law a charge for an offence on that date uses." };
        var list = new Command("list", "Print the offence catalogue: instrument, section, penalties, procedure and each row's verification.") { format, on };
        list.SetAction(parse =>
        {
            try
            {
                var chosen = parse.GetValue(format);
                if (chosen is not ("table" or "csv" or "json"))
                {
                    throw new ValidationException("--format", $"'{chosen}' is not a format; use table, csv or json.");
                }
                var rows = ListOffences.Rows(OffenceCatalogue.Bundled, ListOffences.ParseDate(parse.GetValue(on), "--on"));
                Print(rows, chosen);
                return 0;
            }
            catch (Exception e)
            {
                return LocalCommand.Fail(e);
            }
        });
        return new Command("offences", "The offence catalogue: Pakistan's trafficking, smuggling, emigration and bonded-labour offences as data.") { list };
    }

    /// <summary><c>lantern cases timeline ID</c>, added to the <c>cases</c> command.</summary>
    public static Command Timeline()
    {
        var id = new Argument<string>("ID") { Description = "The case id." };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "table", Description = "table or json." };
        var command = new Command("timeline", "Print a case's proceeding in date order: stages (with days taken), hearings, charges, outcomes.") { id, format };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var chosen = parse.GetValue(format);
            if (chosen is not ("table" or "json"))
            {
                throw new ValidationException("--format", $"'{chosen}' is not a format; use table or json.");
            }
            if (!Guid.TryParse(parse.GetValue(id), out var guid))
            {
                throw new ValidationException("ID", "A case id is a GUID such as 0190f3c4-....");
            }
            var timeline = await services.GetRequiredService<GetTimeline.Handler>().Handle(actor, new CaseId(guid), ct);
            if (chosen == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(timeline, JsonOptions));
                return 0;
            }
            Console.WriteLine($"Case {timeline.CaseReference}");
            foreach (var item in timeline.Items)
            {
                Console.WriteLine(string.Join('\t', Date(item.Date), item.Kind, item.Title, item.Detail ?? "",
                    item.Days is { } d ? d.ToString(CultureInfo.InvariantCulture) + (item.Open ? " days so far" : " days") : item.Open ? "open" : ""));
            }
            return 0;
        }, ct));
        return command;
    }

    public static Command Hearings()
    {
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 14, Description = "How many days ahead, today included (1-366)." };
        var upcoming = new Command("upcoming", "The hearings of the next days: date, time, court, purpose, case reference.") { days };
        upcoming.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var list = await services.GetRequiredService<ListHearings.Handler>().UpcomingAsync(actor, "organisation", parse.GetValue(days), ct);
            foreach (var h in list)
            {
                Console.WriteLine(string.Join('\t', Date(h.Date), h.Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "", h.Court, h.Purpose, h.CaseReference));
            }
            Console.Error.WriteLine($"{list.Count} hearing(s)");
            return 0;
        }, ct));
        return new Command("hearings", "The hearings calendar.") { upcoming };
    }

    public static Command Deadlines()
    {
        var overdue = new Command("overdue", "Overdue deadlines: case reference, rule, due date, days overdue, responsible officer.");
        overdue.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var list = await services.GetRequiredService<ListOverdueDeadlines.Handler>().Handle(actor, ct);
            foreach (var d in list)
            {
                Console.WriteLine(string.Join('\t', d.CaseReference, d.Rule, Date(d.DueOn), d.DaysOverdue.ToString(CultureInfo.InvariantCulture), d.ResponsibleOfficer ?? "", d.Verification));
            }
            Console.Error.WriteLine($"{list.Count} overdue deadline(s)");
            return 0;
        }, ct));
        return new Command("deadlines", "Deadlines of proceedings (rules: /api/v1/deadline-rules).") { overdue };
    }

    private static void Print(IReadOnlyList<ListOffences.Row> rows, string format)
    {
        switch (format)
        {
            case "json":
                Console.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case "csv":
                Console.WriteLine(CsvHeader);
                foreach (var r in rows)
                {
                    Console.WriteLine(string.Join(',', CsvText.Cell(r.Instrument), CsvText.Cell(r.Section), CsvText.Cell(r.Title), Date(r.EffectiveFrom), Number(r.ImprisonmentMonths?.Min), Number(r.ImprisonmentMonths?.Max),
                        Number(r.FineRupees?.Min), Number(r.FineRupees?.Max), r.PenaltyMode ?? "", Flag(r.Cognizable), Flag(r.Bailable), r.InvestigatingAgency ?? "", CsvText.Cell(r.Court), r.Verification));
                }
                break;
            default:
                foreach (var r in rows)
                {
                    Console.WriteLine(string.Join('\t', r.Instrument, "s." + r.Section, r.Title, Date(r.EffectiveFrom), "prison " + Range(r.ImprisonmentMonths, "m"), "fine " + Range(r.FineRupees, ""),
                        r.PenaltyMode ?? "?", Procedure(r), r.Verification));
                }
                break;
        }
    }

    private static string Procedure(ListOffences.Row r) =>
        (r.Cognizable switch { true => "cognizable", false => "non-cognizable", null => "cognizable ?" }) + ", " + (r.Bailable switch { true => "bailable", false => "non-bailable", null => "bail ?" });

    private static string Range(PenaltyRange? range, string unit) => range switch
    {
        null => "-",
        { Min: null, Max: null } => "amount not stated",
        { Min: null } => $"up to {Number(range.Max)}{unit}",
        { Max: null } => $"at least {Number(range.Min)}{unit}",
        _ => $"{Number(range.Min)}..{Number(range.Max)}{unit}",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long? n, string none = "") => n?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static string Flag(bool? b) => b switch { true => "true", false => "false", null => "" };

}
