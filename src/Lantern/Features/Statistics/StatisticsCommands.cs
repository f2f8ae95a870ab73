using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Features.Statistics;

/// <summary><c>lantern stats routes</c>, <c>lantern stats victims</c>: aggregate figures as CSV on stdout; nothing that names a person.</summary>
internal static class StatisticsCommands
{
    public static Command Create()
    {
        var level = new Option<string>("--level") { DefaultValueFactory = _ => "country", Description = "country, province or city." };
        var year = new Option<string?>("--year") { Description = "Only victims of cases opened in this year (YYYY)." };
        var from = From();
        var to = To();
        var publicOption = new Option<bool>("--public") { Description = "Apply small-cell suppression, as for anything published." };
        var routes = new Command("routes", "Origin, transit and destination flows of victims: CSV origin,transit,destination,scope,victims.") { level, year, from, to, publicOption };
        routes.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var period = ReportingPeriod.OfOptional(parse.GetValue(year), parse.GetValue(from), parse.GetValue(to));
            var response = await services.GetRequiredService<VictimRoutes.Handler>().Handle(actor, new VictimRoutes.Request(parse.GetValue(level), period, parse.GetValue(publicOption)), ct);
            Console.WriteLine("origin,transit,destination,scope,victims");
            foreach (var f in response.Flows)
            {
                Console.WriteLine(CsvText.Row(f.Origin, f.Transit, f.Destination, f.Scope) + "," + f.Text);
            }
            Console.Error.WriteLine($"{response.WithRoute.Text} victim(s) on {response.Flows.Count} route(s); {response.WithoutRoute.Text} without a recorded place ({response.Period})");
            return 0;
        }, ct));
        return new Command("stats", "Aggregate statistics (no identities).") { routes, Victims(), Population() };
    }

    /// <summary>
    /// <c>lantern stats victims --year YYYY|--from YYYY-MM-DD --to YYYY-MM-DD --by sex-age|exploitation|citizenship [--organisation NAME] [--public]</c>:
    /// CSV <c>group,count</c>, exact by default; <c>--public</c> shows counts from 1 to 4 as "&lt;5" and withheld complements as "x".
    /// Options are read as text so that any bad value gives the one-line error naming the option.
    /// </summary>
    private static Command Victims()
    {
        var year = new Option<string?>("--year") { Description = "Year the cases were opened (YYYY).", Required = false };
        var by = new Option<string?>("--by") { Description = "sex-age, exploitation, citizenship, organisation, province or district." };
        var organisation = new Option<string?>("--organisation") { Description = "Only the cases of this organisation (its name)." };
        var publicOption = new Option<bool>("--public") { Description = "Apply small-cell suppression, as for anything published." };
        var from = From();
        var to = To();
        var command = new Command("victims", "Detected victims for one year or a period by a GLOTIP breakdown: CSV group,count.") { year, from, to, by, organisation, publicOption };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            if (!string.IsNullOrWhiteSpace(parse.GetValue(from)) || !string.IsNullOrWhiteSpace(parse.GetValue(to)))
            {
                var period = ReportingPeriod.Parse(parse.GetValue(year), parse.GetValue(from), parse.GetValue(to));
                Print(await services.GetRequiredService<CountVictims.Handler>().Handle(actor,
                    new CountVictims.Request(null, parse.GetValue(by), parse.GetValue(organisation), parse.GetValue(publicOption), period), ct));
                return 0;
            }
            var text = parse.GetValue(year);
            int? parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            if (parsed is null)
            {
                throw new ValidationException("year", text is null ? "Give --year YYYY." : $"'{text}' is not a year (YYYY).");
            }
            Print(await services.GetRequiredService<CountVictims.Handler>().Handle(actor,
                new CountVictims.Request(parsed, parse.GetValue(by), parse.GetValue(organisation), parse.GetValue(publicOption)), ct));
            return 0;
        }, ct));
        return command;
    }

    private static void Print(CountVictims.Response response)
    {
        Console.WriteLine("group,count");
        foreach (var row in response.Rows)
        {
            Console.WriteLine(CsvText.Cell(row.Group) + "," + row.Text);
        }
    }

    private static Option<string?> From() => new("--from") { Description = "First day of a period instead of a year (YYYY-MM-DD; with --to)." };

    private static Option<string?> To() => new("--to") { Description = "Last day of the period (YYYY-MM-DD, included)." };

    /// <summary><c>lantern stats population import FILE.csv</c>: area,year,population,source for SDG 16.2.2.</summary>
    private static Command Population()
    {
        var file = new Argument<string>("FILE") { Description = "CSV with the header area,year,population,source." };
        var import = new Command("import", "Load population figures (replacing those of the same area and year).") { file };
        import.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new ValidationException("FILE", $"{path} does not exist.");
            }
            var response = await services.GetRequiredService<ImportPopulation.Handler>().Handle(actor, new ImportPopulation.Request(Core.Features.Linkage.LinkageInput.ReadCsv(path)), ct);
            Console.WriteLine($"{response.Added} figure(s) added, {response.Replaced} replaced");
            return 0;
        }, ct));
        return new Command("population", "Population figures, the denominator of SDG 16.2.2 (victims per 100,000).") { import };
    }
}
