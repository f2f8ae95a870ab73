using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Features.Networks;
using Lantern.Features.Evidence;

namespace Lantern.Features.Networks;

/// <summary>
/// <c>lantern network neighbourhood|path|brokers|components|communities|export|relations</c>, acting as the local
/// operator. Entities are named kind:value: person:{id}, case:{id}, phone:+923001234567, account:..., place:lahore.
/// </summary>
internal static class NetworkCommands
{
    public static Command Create()
    {
        var network = new Command("network", "The network of persons, cases, phones, documents, accounts, addresses, vehicles, organisations and places built from the records.");
        network.Subcommands.Add(Neighbourhood());
        network.Subcommands.Add(Path());
        network.Subcommands.Add(Brokers());
        network.Subcommands.Add(Groups(ListGroups.Kind.Components, "components", "Connected components: how many, and the largest with their leading persons and cases."));
        network.Subcommands.Add(Groups(ListGroups.Kind.Communities, "communities", "Communities (groups more tied to each other than to the rest), the largest first, with the modularity."));
        network.Subcommands.Add(Export());
        network.Subcommands.Add(Relations());
        return network;
    }

    private static Option<string[]> TypesOption() => new("--types") { Description = "Node kinds to keep: person, case, phone, document, account, address, vehicle, organisation, place (comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };

    private static Command Neighbourhood()
    {
        var entity = new Argument<string>("ENTITY") { Description = "kind:value, e.g. person:{id}, case:{id}, phone:+923001234567." };
        var hops = new Option<int?>("--hops") { Description = "Hops from the entity, 1 to 4 (default 2)." };
        var types = TypesOption();
        var from = new Option<string?>("--from") { Description = "Keep relations that held on or after this day (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Keep relations that held on or before this day (YYYY-MM-DD)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many nodes, nearest first (default 500)." };
        var command = new Command("neighbourhood", "The network around an entity: one line per node (hops, kind, label, id), then one per link.") { entity, hops, types, from, to, limit };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var view = await services.GetRequiredService<ExploreNeighbourhood.Handler>().Handle(actor,
                new ExploreNeighbourhood.Request(parse.GetValue(entity), parse.GetValue(hops), parse.GetValue(types), parse.GetValue(from), parse.GetValue(to), parse.GetValue(limit)), ct);
            Print(view);
            Console.Error.WriteLine($"{view.Nodes.Count} node(s), {view.Links.Count} link(s){(view.Truncated ? " (limit reached; nearest kept)" : "")}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Path()
    {
        var from = new Argument<string>("FROM") { Description = "kind:value of one end." };
        var to = new Argument<string>("TO") { Description = "kind:value of the other end." };
        var types = TypesOption();
        var command = new Command("path", "The shortest chain between two entities: one line per node, then one per link.") { from, to, types };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var view = await services.GetRequiredService<FindPath.Handler>().Handle(actor, new FindPath.Request(parse.GetValue(from), parse.GetValue(to), parse.GetValue(types)), ct);
            Print(view);
            Console.Error.WriteLine($"{view.Links.Count} hop(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command Brokers()
    {
        var top = new Option<int?>("--top") { Description = "How many (default 20)." };
        var types = TypesOption();
        var command = new Command("brokers", "Who holds the network together: betweenness, degree, kind, label, id; persons unless --types says otherwise.") { top, types };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<ListBrokers.Handler>().Handle(actor, new ListBrokers.Request(parse.GetValue(types), parse.GetValue(top)), ct);
            foreach (var b in result.Brokers)
            {
                Console.WriteLine(string.Join('\t', b.Betweenness.ToString("0.##", CultureInfo.InvariantCulture), b.Degree, b.Node.Type, b.Node.Label, b.Node.Id));
            }
            Console.Error.WriteLine($"{result.Nodes} node(s), {result.Links} link(s){(result.Estimated ? "; betweenness estimated from a sample" : "")}; built in {result.BuildMilliseconds} ms");
            return 0;
        }, ct));
        return command;
    }

    private static Command Groups(ListGroups.Kind kind, string name, string description)
    {
        var top = new Option<int?>("--top") { Description = "How many groups to describe (default 10)." };
        var types = TypesOption();
        var command = new Command(name, description + " Places are left out unless --types names them.") { top, types };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<ListGroups.Handler>().Handle(actor, new ListGroups.Request(kind, parse.GetValue(top), parse.GetValue(types)), ct);
            foreach (var g in result.Largest)
            {
                Console.WriteLine(string.Join('\t', g.Number, g.Size, string.Join(' ', g.Kinds.Select(k => k.Key + "=" + k.Value)), string.Join("; ", g.Leading.Select(l => l.Label))));
            }
            Console.Error.WriteLine($"{result.Count} {name} in {result.Nodes} node(s){(result.Modularity is { } q ? ", modularity " + q.ToString(CultureInfo.InvariantCulture) : "")}{(result.Note is null ? "" : ". " + result.Note)}; built in {result.BuildMilliseconds} ms");
            return 0;
        }, ct));
        return command;
    }

    private static Command Export()
    {
        var format = new Option<string?>("--format") { Description = "graphml (default), nodes.csv or edges.csv." };
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: stdout)." };
        var entity = new Option<string?>("--entity") { Description = "Export only this entity's neighbourhood (kind:value)." };
        var hops = new Option<int?>("--hops") { Description = "Hops of the neighbourhood, 1 to 4 (default 2)." };
        var types = TypesOption();
        var command = new Command("export", "Export the network (or a neighbourhood) for Gephi: GraphML or CSV. Audited.") { format, output, entity, hops, types };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var export = await services.GetRequiredService<ExportNetwork.Handler>().Handle(actor,
                new ExportNetwork.Request(parse.GetValue(format), parse.GetValue(entity), parse.GetValue(hops), parse.GetValue(types)), ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, export.Content, ct);
            }
            else
            {
                await using var stdout = StandardStreams.OpenOutput();
                await stdout.WriteAsync(export.Content, ct);
            }
            Console.Error.WriteLine($"{export.Nodes} node(s) exported as {export.FileName}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Relations()
    {
        var relations = new Command("relations", "Relations recorded on a case: phones, bank accounts, vehicles, organisations, addresses, places, and the persons they link.");
        var caseId = new Argument<string>("CASE_ID") { Description = "The case id." };
        var fromType = new Option<string?>("--from-type") { Description = "Kind of the first end: person, phone, document, account, address, vehicle, organisation, place.", Required = true };
        var fromValue = new Option<string?>("--from") { Description = "Its value (for a person, the person id).", Required = true };
        var toType = new Option<string?>("--to-type") { Description = "Kind of the other end.", Required = true };
        var toValue = new Option<string?>("--to") { Description = "Its value.", Required = true };
        var relation = new Option<string?>("--relation") { Description = "uses, holds, lives-at, owns, member-of, located-at, contacted, travelled, other.", Required = true };
        var validFrom = new Option<string?>("--valid-from") { Description = "Since when (YYYY-MM-DD)." };
        var validTo = new Option<string?>("--valid-to") { Description = "Until when (YYYY-MM-DD)." };
        var note = new Option<string?>("--note") { Description = "What was found." };
        var add = new Command("add", "Record a relation on a case; prints its id and the two node ids.") { caseId, fromType, fromValue, toType, toValue, relation, validFrom, validTo, note };
        add.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var added = await services.GetRequiredService<AddRelation.Handler>().Handle(actor, EvidenceCommands.CaseIdOf(parse.GetValue(caseId)),
                new AddRelation.Request(parse.GetValue(fromType), parse.GetValue(fromValue), parse.GetValue(toType), parse.GetValue(toValue), parse.GetValue(relation),
                    parse.GetValue(validFrom), parse.GetValue(validTo), parse.GetValue(note)), ct);
            Console.WriteLine(string.Join('\t', added.Id, added.FromNode, added.Relation, added.ToNode));
            return 0;
        }, ct));
        var listCase = new Argument<string>("CASE_ID") { Description = "The case id." };
        var list = new Command("list", "List a case's relations: id, from kind, from value, relation, to kind, to value, since, until, note.") { listCase };
        list.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<ListRelations.Handler>().Handle(actor, EvidenceCommands.CaseIdOf(parse.GetValue(listCase)), ct);
            foreach (var r in result.Relations)
            {
                Console.WriteLine(string.Join('\t', r.Id, r.FromType, r.FromValue, r.Relation, r.ToType, r.ToValue, Day(r.ValidFrom), Day(r.ValidTo), (r.Note ?? "").ReplaceLineEndings(" ")));
            }
            Console.Error.WriteLine($"{result.Relations.Count} relation(s) in {result.CaseReference}");
            return 0;
        }, ct));
        relations.Subcommands.Add(add);
        relations.Subcommands.Add(list);
        return relations;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static void Print(NetworkView view)
    {
        foreach (var n in view.Nodes)
        {
            Console.WriteLine(string.Join('\t', n.Hops, n.Type, n.Label, n.Id));
        }
        foreach (var l in view.Links)
        {
            Console.WriteLine(string.Join('\t', "link", l.Source, l.Relation, l.Target, Day(l.From), Day(l.To)));
        }
    }
}
