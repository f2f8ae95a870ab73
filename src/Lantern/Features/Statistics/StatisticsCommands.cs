using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Statistics;

namespace Lantern.Features.Statistics;

/// <summary><c>lantern stats routes</c>: aggregate figures as CSV on stdout; nothing that names a person.</summary>
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
        return new Command("stats", "Aggregate statistics (no identities).") { routes };
    }
}
