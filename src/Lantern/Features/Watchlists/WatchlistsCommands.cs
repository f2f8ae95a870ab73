using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Watchlists;
using Lantern.Core.Security;
using Lantern.Features.Linkage;

namespace Lantern.Features.Watchlists;

/// <summary>
/// <c>lantern watchlists list|show|create|import|refresh|retire</c>: the lists in the database, as the local operator or,
/// with <c>--organisation</c> (and <c>--role</c>), as a user of that organisation (audited under the operator's name).
/// </summary>
internal static class WatchlistsCommands
{
    private static readonly Option<string?> Organisation = new("--organisation") { Description = "The organisation (its name) that owns the new list (default: that of --as, else the installation's first)." };

    public static Command Create()
    {
        var command = new Command("watchlists", "Watchlists: lists of suspects, wanted persons, missing children and sanctions, their entries and imports.");
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ImportCommand());
        command.Subcommands.Add(RefreshCommand());
        command.Subcommands.Add(RetireCommand());
        return command;
    }

    private static Command ListCommand()
    {
        var retired = new Option<bool>("--retired") { Description = "Include retired lists." };
        var command = new Command("list", "The lists (id, name, kind, source, owner, entries, version, changed, may screen).") { retired, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var lists = await services.GetRequiredService<ListWatchlists.Handler>().Handle(actor, new ListWatchlists.Request(parse.GetValue(retired)), ct);
            foreach (var l in lists)
            {
                Console.WriteLine(string.Join('\t', l.Id, l.Name, l.Kind, l.Source, l.Owner, l.Entries.ToString(CultureInfo.InvariantCulture), "v" + l.Version.ToString(CultureInfo.InvariantCulture),
                    l.ChangedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), l.RetiredAt is null ? (l.MayScreen ? "may screen" : "") : "retired"));
            }
            Console.Error.WriteLine($"{lists.Count} list(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command ShowCommand()
    {
        var list = new Option<string>("--list") { Description = "The list's id.", Required = true };
        var name = new Option<string?>("--name") { Description = "Only entries whose name, alias or id contains this." };
        var page = new Option<int>("--page") { Description = "Page of entries (100 a page).", DefaultValueFactory = _ => 1 };
        var item = new Option<string?>("--item") { Description = "Show one entry (its id) with its history instead." };
        var command = new Command("show", "A list's details, imports and a page of entries; or one entry with its history.") { list, name, page, item, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var id = ParseId(parse.GetValue(list), "--list");
            if (parse.GetValue(item) is { } itemText)
            {
                var entry = await services.GetRequiredService<GetWatchlistItem.Handler>().Handle(actor, id, ParseId(itemText, "--item"), ct);
                Console.WriteLine($"entry\t{entry.ExternalId}\t{entry.Status}\tv{entry.Version}\tlist v{entry.ListVersion}{(entry.IsChild ? "\tchild" : "")}");
                WriteDetails(entry.Details);
                foreach (var v in entry.History)
                {
                    Console.WriteLine(string.Join('\t', "version", "v" + v.Version.ToString(CultureInfo.InvariantCulture), "list v" + v.ListVersion.ToString(CultureInfo.InvariantCulture), v.Change,
                        v.ChangedBy, v.ChangedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), string.Join(',', v.ChangedFields)));
                }
                return 0;
            }
            var view = await services.GetRequiredService<GetWatchlist.Handler>().Handle(actor, id, ct);
            Console.WriteLine($"list\t{view.Id}\t{view.Name}\t{view.Kind}\t{view.Source}\towner {view.Owner}\tv{view.Version}\t{view.Entries} entries{(view.RetiredAt is null ? "" : "\tretired")}");
            Console.WriteLine($"purpose\t{view.Purpose.ReplaceLineEndings(" ")}");
            Console.WriteLine($"screeners\t{string.Join(", ", view.Screeners.Select(s => s.Name))}");
            foreach (var m in await services.GetRequiredService<ListWatchlistImports.Handler>().Handle(actor, id, ct))
            {
                Console.WriteLine(string.Join('\t', "import", "v" + m.ListVersion.ToString(CultureInfo.InvariantCulture), m.Format, m.FileName ?? "", m.ImportedBy, m.ImportedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
                    $"added {m.Added}, changed {m.Changed}, removed {m.Removed}, unchanged {m.Unchanged}, skipped {m.Skipped}"));
            }
            var items = await services.GetRequiredService<ListWatchlistItems.Handler>().Handle(actor, id, new ListWatchlistItems.Request(parse.GetValue(name), parse.GetValue(page), 100), ct);
            foreach (var r in items.Rows)
            {
                Console.WriteLine(string.Join('\t', "entry", r.Id, r.ExternalId, r.Name, string.Join("; ", r.Aliases), r.BirthDate ?? "", r.Nationality ?? "", r.NationalId ?? "", r.Passport ?? "", "v" + r.Version.ToString(CultureInfo.InvariantCulture)));
            }
            if (items.HiddenChildren > 0)
            {
                Console.WriteLine($"{items.HiddenChildren} entries of missing children are not shown");
            }
            Console.Error.WriteLine($"{items.Rows.Count} of {items.Total} entries (page {items.Page})");
            return 0;
        }, ct));
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Option<string>("--name") { Description = "The list's name.", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "What the list is for and when to screen against it.", Required = true };
        var kind = new Option<string>("--kind") { Description = "Suspects, Wanted, MissingChildren or Sanctions.", Required = true };
        var source = new Option<string?>("--source") { Description = "Manual (default), Import, or Records (suspects of the organisation's open cases)." };
        var screeners = new Option<string[]>("--screener") { Description = "An organisation (name or id) that may screen against the list; repeat for more.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("create", "Create a list owned by --organisation, else by the organisation of --as, else by the installation's first; prints its id.") { name, purpose, kind, source, screeners, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await OwnerAsync(services, await LocalCommand.AsAsync(services, operatorActor, parse, ct), parse, ct);
            var created = await services.GetRequiredService<CreateWatchlist.Handler>().Handle(actor, new CreateWatchlist.Request(parse.GetValue(name), parse.GetValue(purpose),
                EnumName<WatchlistKind>(parse.GetValue(kind)), EnumName<WatchlistSource>(parse.GetValue(source)), parse.GetValue(screeners) ?? []), ct);
            Console.WriteLine(created.Id);
            return 0;
        }, ct));
        return command;
    }

    private static Command ImportCommand()
    {
        var list = new Option<string>("--list") { Description = "The list's id.", Required = true };
        var file = new Option<string>("--file") { Description = "CSV (id,name,aliases,birth_date,nationality,national_id,passport[,reason]) or UN consolidated list XML.", Required = true };
        var format = new Option<string?>("--format") { Description = "csv or un-xml (default: from the file name or content)." };
        var command = new Command("import", "Replace an imported list's entries with a file, as one new list version; nothing is written on any error. Progress on stderr.") { list, file, format, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var path = LinkageCommands.FromCaller(parse.GetValue(file)!);
            byte[] content;
            try
            {
                if (new FileInfo(path).Length > WatchlistFiles.MaxBytes)
                {
                    throw new ValidationException("--file", $"{path} is too large: at most {WatchlistFiles.MaxBytes / (1024 * 1024)} MB is accepted.");
                }
                content = await File.ReadAllBytesAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ValidationException("--file", $"cannot read {path}: {e.Message}");
            }
            var clock = Stopwatch.StartNew();
            var result = await services.GetRequiredService<ImportWatchlist.Handler>().Handle(actor, ParseId(parse.GetValue(list), "--list"),
                new ImportWatchlist.Request(content, Path.GetFileName(path), parse.GetValue(format)), ct, line => Console.Error.WriteLine($"import: {line}"));
            Console.WriteLine($"version {result.ListVersion}\tadded {result.Added}\tchanged {result.Changed}\tremoved {result.Removed}\tunchanged {result.Unchanged}\tskipped {result.Skipped}\tsha256 {result.Sha256}");
            Console.Error.WriteLine($"import: done in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            return 0;
        }, ct));
        return command;
    }

    private static Command RefreshCommand()
    {
        var list = new Option<string>("--list") { Description = "The list's id (a list built from records).", Required = true };
        var command = new Command("refresh", "Refresh a list built from records from the suspects of its organisation's open cases.") { list, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            var r = await services.GetRequiredService<RefreshWatchlist.Handler>().Handle(actor, ParseId(parse.GetValue(list), "--list"), ct);
            Console.WriteLine($"version {r.ListVersion}\tadded {r.Added}\tchanged {r.Changed}\tremoved {r.Removed}\tunchanged {r.Unchanged}\tskipped {r.Skipped}");
            return 0;
        }, ct));
        return command;
    }

    private static Command RetireCommand()
    {
        var list = new Option<string>("--list") { Description = "The list's id.", Required = true };
        var command = new Command("retire", "Retire a list: no longer screened or changed.") { list, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, operatorActor) =>
        {
            var actor = await LocalCommand.AsAsync(services, operatorActor, parse, ct);
            await services.GetRequiredService<RetireWatchlist.Handler>().Handle(actor, ParseId(parse.GetValue(list), "--list"), ct);
            Console.Error.WriteLine("retired");
            return 0;
        }, ct));
        return command;
    }

    private static void WriteDetails(ListedDetails d)
    {
        Console.WriteLine($"name\t{d.Name}");
        Console.WriteLine($"aliases\t{string.Join("; ", d.Aliases)}");
        Console.WriteLine($"birth_date\t{d.BirthDate}");
        Console.WriteLine($"nationality\t{d.Nationality}");
        Console.WriteLine($"national_id\t{d.NationalId}");
        Console.WriteLine($"passport\t{d.Passport}");
        Console.WriteLine($"reason\t{d.Reason?.ReplaceLineEndings(" ")}");
    }

    /// <summary>The owner of a new list: --organisation when given (the operator acting as its administrator), else the actor.</summary>
    private static async Task<Actor> OwnerAsync(IServiceProvider services, Actor actor, ParseResult parse, CancellationToken ct)
    {
        if (parse.GetValue(Organisation) is not { } name)
        {
            return actor;
        }
        if (parse.GetValue(LocalCommand.As) is not null)
        {
            throw new ValidationException("--organisation", "A list made --as a user belongs to that user's organisation; leave out --organisation.");
        }
        var all = await services.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct);
        var org = all.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) ?? throw new ValidationException("--organisation", $"There is no organisation named '{name}'.");
        return new Actor(actor.UserId, actor.Username + " for " + org.Name, new OrganisationId(org.Id), Role.Administrator, actor.RemoteAddress);
    }

    /// <summary>The enum name matching <paramref name="value"/> ignoring case (so the CLI takes "wanted"), else the value unchanged for the handler to refuse.</summary>
    private static string? EnumName<T>(string? value) where T : struct, Enum =>
        value is null ? null : Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)) ?? value;

    private static Guid ParseId(string? value, string field) =>
        Guid.TryParse(value?.Trim(), out var id) ? id : throw new ValidationException(field, $"'{value}' is not a list or entry id.");
}
