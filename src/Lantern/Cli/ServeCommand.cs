using System.CommandLine;
using Lantern.Core.Features.Demo;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Lantern.Web;

namespace Lantern.Cli;

/// <summary><c>lantern serve</c>: the web UI and REST API.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Seed a synthetic demo data set into an empty database and mark every page DEMO." };
        var command = new Command("serve", "Start the web UI and the REST API.") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = LocalCommand.Options(parse);
                var settings = new WebSettings(options, parse.GetValue(urls)!, parse.GetValue(demo));
                var app = LanternWebHost.Build(settings);
                await LanternWebHost.PrepareAsync(app, ct);
                var demoInstallation = settings.Demo;
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
                    if (settings.Demo)
                    {
                        await SeedAsync(scope.ServiceProvider, setup, ct);
                    }
                    demoInstallation |= await setup.HasDemoAccountsAsync(ct);
                }
                app.Services.GetRequiredService<DemoMode>().Enabled = demoInstallation;
                Console.Error.WriteLine($"Lantern is listening on {settings.Urls} ({options.Provider}). Press Ctrl+C to stop.");
                await app.RunAsync(ct);
                return 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return LocalCommand.Fail(e);
            }
        });
        return command;
    }

    private static async Task SeedAsync(IServiceProvider services, DatabaseSetup setup, CancellationToken ct)
    {
        var seeder = services.GetRequiredService<SeedDemoData.Handler>();
        var organisation = (await setup.FirstOrganisationAsync(ct))?.Id ?? default;
        var progress = new Progress<string>(line => Console.Error.WriteLine("demo: " + line));
        var result = await seeder.Handle(Actor.LocalOperator(organisation), ct, progress);
        if (result.AlreadySeeded)
        {
            Console.Error.WriteLine("demo: the database already holds data; nothing was seeded (demo accounts were printed when it was first seeded).");
            return;
        }
        Console.WriteLine($"Seeded {result.Cases} synthetic cases and {result.Persons} people. Demo accounts (shown only this once; no second factor):");
        Console.WriteLine();
        Console.WriteLine($"  {"username",-28} {"password",-40} {"role",-17} organisation");
        foreach (var a in result.Accounts)
        {
            Console.WriteLine($"  {a.Username,-28} {a.Password,-40} {a.Role,-17} {a.Organisation}");
        }
        Console.WriteLine();
    }
}
