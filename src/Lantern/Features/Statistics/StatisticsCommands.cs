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
        var year = new Option<int?>("--year") { Description = "Only victims of cases opened in this year." };
        var routes = new Command("routes", "Origin, transit and destination flows of victims: CSV origin,transit,destination,scope,victims.") { level, year };
        routes.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var response = await services.GetRequiredService<VictimRoutes.Handler>().Handle(actor, parse.GetValue(level), parse.GetValue(year), ct);
            Console.WriteLine("origin,transit,destination,scope,victims");
            foreach (var f in response.Flows)
            {
                Console.WriteLine(CsvText.Row(f.Origin, f.Transit, f.Destination, f.Scope) + "," + f.Victims.ToString(CultureInfo.InvariantCulture));
            }
            Console.Error.WriteLine($"{response.VictimsWithRoute} victim(s) on {response.Flows.Count} route(s); {response.VictimsWithoutRoute} without a recorded place");
            return 0;
        }, ct));
        return new Command("stats", "Aggregate statistics (no identities).") { routes, Victims(), Population(), Indicators() };
    }

    /// <summary>
    /// <c>lantern stats victims --year YYYY --by sex-age|exploitation|citizenship [--organisation NAME] [--public]</c>:
    /// CSV <c>group,count</c>, exact by default; <c>--public</c> shows counts from 1 to 4 as "&lt;5" and withheld complements as "x".
    /// Options are read as text so that any bad value gives the one-line error naming the option.
    /// </summary>
    private static Command Victims()
    {
        var year = new Option<string?>("--year") { Description = "Year the cases were opened (YYYY).", Required = false };
        var by = new Option<string?>("--by") { Description = "sex-age, exploitation, citizenship, organisation, province or district." };
        var organisation = new Option<string?>("--organisation") { Description = "Only the cases of this organisation (its name)." };
        var publicOption = new Option<bool>("--public") { Description = "Apply small-cell suppression, as for anything published." };
        var command = new Command("victims", "Detected victims for one year by a GLOTIP breakdown: CSV group,count.") { year, by, organisation, publicOption };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var text = parse.GetValue(year);
            int? parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            if (parsed is null)
            {
                throw new ValidationException("year", text is null ? "Give --year YYYY." : $"'{text}' is not a year (YYYY).");
            }
            var response = await services.GetRequiredService<CountVictims.Handler>().Handle(actor,
                new CountVictims.Request(parsed, parse.GetValue(by), parse.GetValue(organisation), parse.GetValue(publicOption)), ct);
            Console.WriteLine("group,count");
            foreach (var row in response.Rows)
            {
                Console.WriteLine(CsvText.Cell(row.Group) + "," + row.Text);
            }
            return 0;
        }, ct));
        return command;
    }

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

    /// <summary>
    /// <c>lantern stats indicators [--year YYYY | --from DAY --to DAY] [--code CODE] [--series] [--public]</c>: the National
    /// Action Plan indicators as CSV (one line each, or one line per indicator and year with <c>--series</c>); exact by
    /// default (the local operator), small cells suppressed with <c>--public</c>. <c>define --file F.json</c> adds or
    /// changes definitions.
    /// </summary>
    private static Command Indicators()
    {
        var year = new Option<string?>("--year") { Description = "The year (the calendar year, or the financial year beginning in July of it); default: this year." };
        var from = new Option<string?>("--from") { Description = "First day of a free period (YYYY-MM-DD), with --to." };
        var to = new Option<string?>("--to") { Description = "Last day of a free period (YYYY-MM-DD), with --from." };
        var code = new Option<string?>("--code") { Description = "Only this indicator." };
        var series = new Option<bool>("--series") { Description = "One line per indicator and year, from the baseline year." };
        var publicOption = new Option<bool>("--public") { Description = "Apply small-cell suppression, as for anything published." };
        var command = new Command("indicators", "National Action Plan indicators: value, baseline, target and progress as CSV.") { year, from, to, code, series, publicOption, DefineIndicators() };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var response = await services.GetRequiredService<ListNapIndicators.Handler>().Handle(actor,
                new ListNapIndicators.Request(CountVictims.ParseYear(parse.GetValue(year)), parse.GetValue(from), parse.GetValue(to), parse.GetValue(publicOption), parse.GetValue(code)), ct);
            if (parse.GetValue(series))
            {
                Console.WriteLine("code,period,value,numerator,denominator,expected");
                foreach (var i in response.Indicators)
                {
                    foreach (var p in i.Series)
                    {
                        Console.WriteLine(CsvText.Row(i.Code, p.Period, p.Value.Text, p.Numerator.Text, p.Denominator?.Text ?? "") + "," + ListNapIndicators.CsvNumber(p.Expected));
                    }
                }
            }
            else
            {
                Console.WriteLine(ListNapIndicators.CsvHeader);
                foreach (var i in response.Indicators)
                {
                    Console.WriteLine(ListNapIndicators.CsvLine(i));
                }
            }
            Console.Error.WriteLine($"{response.Indicators.Count} indicator(s), {(response.Suppressed ? "small cells suppressed" : "exact figures")}");
            return 0;
        }, ct));
        return command;
    }

    /// <summary><c>lantern stats indicators define --file F.json</c>: one definition, or <c>{"indicators": [...]}</c>; each is added or becomes its indicator's next version.</summary>
    private static Command DefineIndicators()
    {
        var file = new Option<string?>("--file") { Description = "JSON: one indicator definition, or {\"indicators\": [...]}." };
        var define = new Command("define", "Add or change National Action Plan indicator definitions (each change is a new version).") { file };
        define.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var path = parse.GetValue(file);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ValidationException("file", "Give --file F.json.");
            }
            if (!File.Exists(path))
            {
                throw new ValidationException("file", $"{path} does not exist.");
            }
            var saved = await services.GetRequiredService<DefineNapIndicator.Handler>().SaveAsync(actor,
                new DefineNapIndicator.Request(await File.ReadAllTextAsync(path, ct), DefineNapIndicator.Mode.CreateOrReplace), ct);
            foreach (var v in saved)
            {
                Console.WriteLine(CsvText.Row(v.Code, "version " + v.Version.ToString(CultureInfo.InvariantCulture), v.Title));
            }
            Console.Error.WriteLine($"{saved.Count} indicator definition(s) saved");
            return 0;
        }, ct));
        return define;
    }
}
