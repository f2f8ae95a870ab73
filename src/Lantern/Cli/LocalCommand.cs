using System.CommandLine;
using Lantern.Core;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Persistence;
using Lantern.Core.Security;

namespace Lantern.Cli;

/// <summary>
/// Shared plumbing of the commands that work on the local database: options, Core services, the
/// local-operator actor, and the error contract (one line on stderr naming the field, a non-zero exit).
/// </summary>
internal static class LocalCommand
{
    public const string DatabaseVariable = "LANTERN_DATABASE";
    public const string KeysVariable = "LANTERN_KEYS";

    public static readonly Option<string?> Database = new("--database")
    {
        Description = $"Connection string or SQLite file (default: ${DatabaseVariable}, else ./data/lantern.db). 'Host=...' selects PostgreSQL.",
        Recursive = true,
        // May stand alone: `lantern link --database` links the default database's persons.
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static readonly Option<string?> Keys = new("--keys")
    {
        Description = $"Key-ring folder, kept outside the database (default: ${KeysVariable}, else ./data/keys).",
        Recursive = true,
    };

    /// <summary>
    /// Who a command acts as. Every command runs as the local operator unless --as names a user: then it acts with that
    /// user's organisation, role and data, and the audit trail names them. --organisation never says who acts; it only
    /// filters, or names the owner or target of what is created.
    /// </summary>
    public static readonly Option<string?> As = new("--as") { Description = "Act as this user (their organisation, role and data); default: the local operator." };

    public static LanternOptions Options(ParseResult parse)
    {
        var database = parse.GetValue(Database) ?? Environment.GetEnvironmentVariable(DatabaseVariable);
        var keys = parse.GetValue(Keys) ?? Environment.GetEnvironmentVariable(KeysVariable);
        var defaults = new LanternOptions();
        return new LanternOptions
        {
            ConnectionString = string.IsNullOrWhiteSpace(database) ? defaults.ConnectionString : LanternOptions.NormaliseConnectionString(database),
            KeyFolder = string.IsNullOrWhiteSpace(keys) ? defaults.KeyFolder : keys,
        };
    }

    /// <summary>Runs <paramref name="action"/> as the local operator in a fresh service scope.</summary>
    public static Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Actor, Task<int>> action, CancellationToken ct) => RunAsync(parse, action, prepare: true, ct);

    /// <summary>As <see cref="RunAsync(ParseResult, Func{IServiceProvider, Actor, Task{int}}, CancellationToken)"/>; with <paramref name="prepare"/> false the database is not migrated or checked first.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Actor, Task<int>> action, bool prepare, CancellationToken ct)
    {
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddFilter(_ => false));
            services.AddLanternCore(Options(parse));
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            if (prepare)
            {
                await setup.PrepareForServingAsync(ct);
            }
            var organisation = prepare ? (await setup.FirstOrganisationAsync(ct))?.Id ?? default : default;
            return await action(scope.ServiceProvider, Actor.LocalOperator(organisation));
        }
        catch (Exception e)
        {
            return Fail(e);
        }
    }

    /// <summary>The local operator, or with --as the named user (their organisation and role; the operator's address).</summary>
    public static async Task<Actor> AsAsync(IServiceProvider services, Actor actor, ParseResult parse, CancellationToken ct)
    {
        if (parse.GetValue(As) is not { } username)
        {
            return actor;
        }
        var users = await services.GetRequiredService<Users.ListHandler>().Handle(actor, ct);
        var user = users.FirstOrDefault(u => string.Equals(u.Username, username.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException("--as", $"There is no user named '{username}'.");
        if (user.Disabled)
        {
            throw new ValidationException("--as", $"The user '{user.Username}' is disabled.");
        }
        var organisations = await services.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct);
        var organisation = organisations.First(o => o.Name == user.Organisation);
        return new Actor(new UserId(user.Id), user.Username, new OrganisationId(organisation.Id), RolePermissions.ParseRole(user.Role, "--as"), "local");
    }

    /// <summary>Writes one line on stderr and returns the exit code: 2 bad input, 3 not found, 4 forbidden, 5 conflict, 1 otherwise.</summary>
    public static int Fail(Exception e)
    {
        var (code, line) = e switch
        {
            ValidationException v => (2, $"error: {v.Field}: {v.Message}"),
            NotFoundException n => (3, $"error: {n.Message}"),
            ForbiddenException f => (4, $"error: {f.Message}"),
            ConflictException c => (5, $"error: {c.Field}: {c.Message}"),
            InvalidOperationException i => (1, $"error: {i.Message}"),
            _ => (1, $"error: {e.GetType().Name}: {e.Message.Split('\n')[0]}"),
        };
        Console.Error.WriteLine(line.ReplaceLineEndings(" "));
        return code;
    }
}
