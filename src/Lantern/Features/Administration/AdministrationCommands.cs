using System.CommandLine;
using System.Globalization;
using System.Text;
using Lantern.Cli;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Features.Administration;

/// <summary>Installation administration from the command line: database, organisations, users, tokens, keys, audit.</summary>
internal static class AdministrationCommands
{
    public static Command Database()
    {
        var migrate = new Command("migrate", "Apply pending migrations (PostgreSQL needs this before 'serve'; SQLite migrates on start).");
        migrate.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, _) =>
        {
            var applied = await services.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
            Console.Error.WriteLine(applied.Count == 0 ? "the database is up to date" : $"applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }, prepare: false, ct));
        return new Command("db", "Database maintenance.") { migrate };
    }

    public static Command Organisations()
    {
        var name = new Option<string>("--name") { Required = true, Description = "The organisation's name." };
        var type = new Option<string>("--type") { DefaultValueFactory = _ => "LawEnforcement", Description = "HTCDS org_Type: " + string.Join(", ", Enum.GetNames<OrganisationType>()) };
        var country = new Option<string>("--country") { DefaultValueFactory = _ => "PK", Description = "ISO 3166-1 alpha-2 country." };
        var city = new Option<string?>("--city") { Description = "City." };
        var add = new Command("add", "Add an organisation (a tenant).") { name, type, country, city };
        add.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var view = await services.GetRequiredService<Core.Features.Administration.Organisations.AddHandler>()
                .Handle(actor, parse.GetValue(name), parse.GetValue(type), parse.GetValue(country), parse.GetValue(city), ct);
            Console.WriteLine(view.Id);
            return 0;
        }, ct));
        var list = new Command("list", "List organisations.");
        list.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            foreach (var o in await services.GetRequiredService<Core.Features.Administration.Organisations.ListHandler>().Handle(actor, ct))
            {
                Console.WriteLine(string.Join('\t', o.Id, o.Name, o.Type, o.Country, o.City));
            }
            return 0;
        }, ct));
        return new Command("organisations", "Manage organisations.") { add, list };
    }

    public static Command Users()
    {
        var username = new Option<string>("--username") { Required = true, Description = "Login name." };
        var organisation = new Option<string>("--organisation") { Required = true, Description = "Organisation name." };
        var role = new Option<string>("--role") { Required = true, Description = "administrator, investigator, prosecutor, caseworker, labour-inspector, analyst, auditor or screening-officer." };
        var add = new Command("add", "Add an account; the password is read from stdin. The user enrols a second factor at first sign-in.") { username, organisation, role };
        add.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var password = ReadPassword();
            var user = await services.GetRequiredService<AddUser.Handler>().Handle(actor,
                new AddUser.Request(parse.GetValue(username), parse.GetValue(organisation), parse.GetValue(role), password), ct);
            Console.WriteLine(user.Id);
            return 0;
        }, ct));

        var list = new Command("list", "List accounts.");
        list.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            foreach (var u in await services.GetRequiredService<Core.Features.Administration.Users.ListHandler>().Handle(actor, ct))
            {
                Console.WriteLine(string.Join('\t', u.Username, u.Role, u.Organisation, u.Disabled ? "disabled" : "active", u.Locked ? "locked" : "", u.SecondFactorEnrolled ? "2fa" : u.IsDemo ? "demo" : "2fa-pending"));
            }
            return 0;
        }, ct));

        var target = new Argument<string>("USERNAME") { Description = "Login name." };
        var disable = new Command("disable", "Disable an account and end its sessions.") { target };
        disable.SetAction((parse, ct) => SetDisabled(parse, parse.GetValue(target)!, true, ct));
        var enableTarget = new Argument<string>("USERNAME") { Description = "Login name." };
        var enable = new Command("enable", "Enable an account (and clear a lockout).") { enableTarget };
        enable.SetAction((parse, ct) => SetDisabled(parse, parse.GetValue(enableTarget)!, false, ct));
        return new Command("users", "Manage accounts.") { add, list, disable, enable };
    }

    public static Command Tokens()
    {
        var username = new Option<string>("--username") { Required = true, Description = "Whose token." };
        var name = new Option<string?>("--name") { Description = "A label, e.g. the client's name." };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 30, Description = "Lifetime in days (1-366)." };
        var create = new Command("create", "Create a personal access token; prints it once (send as 'Authorization: Bearer ...').") { username, name, days };
        create.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var (token, view) = await services.GetRequiredService<AccessTokens>().CreateAsync(actor, parse.GetValue(username), parse.GetValue(name), parse.GetValue(days), ct);
            Console.WriteLine(token);
            Console.Error.WriteLine($"token {view.Id} expires {view.ExpiresAt:yyyy-MM-dd HH:mm} UTC; it is not shown again");
            return 0;
        }, ct));
        var listUser = new Option<string>("--username") { Required = true, Description = "Whose tokens." };
        var list = new Command("list", "List a user's tokens (never their values).") { listUser };
        list.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            foreach (var t in await services.GetRequiredService<AccessTokens>().ListAsync(actor, parse.GetValue(listUser), ct))
            {
                Console.WriteLine(string.Join('\t', t.Id, t.Name, t.Prefix + "…", t.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.RevokedAt is null ? "active" : "revoked"));
            }
            return 0;
        }, ct));
        var id = new Argument<Guid>("ID") { Description = "Token id (from 'tokens list')." };
        var revoke = new Command("revoke", "Revoke a token.") { id };
        revoke.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            await services.GetRequiredService<AccessTokens>().RevokeAsync(actor, parse.GetValue(id), ct);
            return 0;
        }, ct));
        return new Command("tokens", "Personal access tokens for API clients.") { create, list, revoke };
    }

    public static Command KeyRing()
    {
        var rotate = new Command("rotate", "Add a new encryption key and re-encrypt every protected field with it.");
        rotate.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<RotateKeys.Handler>().Handle(actor, ct, new Progress<string>(Console.Error.WriteLine));
            Console.WriteLine($"key version {result.NewVersion} is current; {result.Records} records re-encrypted");
            return 0;
        }, ct));
        return new Command("keys", "Field-encryption keys.") { rotate };
    }

    public static Command Audit()
    {
        var verify = new Command("verify", "Check the audit log's hash chain; exits non-zero naming the first bad entry.");
        verify.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<VerifyAudit.Handler>().Handle(actor, ct, new Progress<long>(n => Console.Error.WriteLine($"checked {n} entries")));
            if (result.Intact)
            {
                Console.WriteLine($"audit log intact: {result.Entries} entries");
                return 0;
            }
            Console.Error.WriteLine($"audit log broken at entry {result.FirstBadSequence}: {result.Problem}");
            return 6;
        }, ct));
        return new Command("audit", "The tamper-evident audit log.") { verify };
    }

    private static Task<int> SetDisabled(ParseResult parse, string username, bool disabled, CancellationToken ct) =>
        LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            await services.GetRequiredService<Core.Features.Administration.Users.SetDisabledHandler>().Handle(actor, username, disabled, ct);
            return 0;
        }, ct);

    private static string ReadPassword()
    {
        if (StandardStreams.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return line ?? throw new ValidationException("password", "No password on stdin.");
        }
        Console.Error.Write("Password: ");
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace && sb.Length > 0)
            {
                sb.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
