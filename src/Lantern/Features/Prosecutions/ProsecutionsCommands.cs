using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Prosecutions;

namespace Lantern.Features.Prosecutions;

/// <summary><c>lantern offences list</c>: the offence catalogue bundled with Lantern; reference data, so it needs no database.</summary>
internal static class ProsecutionsCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
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
                    Console.WriteLine(string.Join(',', Csv(r.Instrument), Csv(r.Section), Csv(r.Title), Date(r.EffectiveFrom), Number(r.ImprisonmentMonths?.Min), Number(r.ImprisonmentMonths?.Max),
                        Number(r.FineRupees?.Min), Number(r.FineRupees?.Max), r.PenaltyMode ?? "", Flag(r.Cognizable), Flag(r.Bailable), r.InvestigatingAgency ?? "", Csv(r.Court ?? ""), r.Verification));
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

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
