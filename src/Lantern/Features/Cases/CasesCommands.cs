using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;

namespace Lantern.Features.Cases;

/// <summary><c>lantern cases import|export|list</c>, acting as the local operator.</summary>
internal static class CasesCommands
{
    public static Command Create()
    {
        var cases = new Command("cases", "Import, export and list cases.");
        cases.Subcommands.Add(Import());
        cases.Subcommands.Add(Export());
        cases.Subcommands.Add(List());
        cases.Subcommands.Add(Prosecutions.ProsecutionsCommands.Timeline());
        return cases;
    }

    private static Command Import()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "lantern-case/1 documents (one document or an array per file).", Arity = ArgumentArity.OneOrMore };
        var organisation = new Option<string?>("--organisation") { Description = "Owning organisation (default: the installation's first)." };
        var command = new Command("import", "Import case documents; prints each new case id. All or nothing.") { files, organisation };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var sources = new List<ImportCases.Source>();
            foreach (var file in parse.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    throw new ValidationException("FILE", $"{file.Name}: no such file.");
                }
                Console.Error.WriteLine($"reading {file.Name}");
                sources.Add(new ImportCases.Source(file.Name, await File.ReadAllTextAsync(file.FullName, ct)));
            }
            var result = await services.GetRequiredService<ImportCases.Handler>().Handle(actor, new ImportCases.Request(sources, parse.GetValue(organisation)), ct);
            foreach (var c in result.Cases)
            {
                Console.WriteLine(c.Id);
            }
            Console.Error.WriteLine($"imported {result.Cases.Count} case(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command Export()
    {
        var id = new Argument<string>("ID") { Description = "The case id." };
        var command = new Command("export", "Write a case as a lantern-case/1 document on stdout.") { id };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            if (!Guid.TryParse(parse.GetValue(id), out var guid))
            {
                throw new ValidationException("ID", "A case id is a GUID such as 0190f3c4-....");
            }
            var document = await services.GetRequiredService<ExportCase.Handler>().Handle(actor, new CaseId(guid), ct);
            Console.WriteLine(JsonSerializer.Serialize(document, CaseDocument.JsonOptions));
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var query = new Option<string?>("--search") { Description = "Reference, person name, CNIC or phone." };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1, Description = "Page number." };
        var command = new Command("list", "List cases (id, reference, status, organisation, opened).") { query, page };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var result = await services.GetRequiredService<SearchCases.Handler>().Handle(actor, new SearchCases.Request(parse.GetValue(query), Page: parse.GetValue(page), PageSize: 50), ct);
            foreach (var c in result.Items)
            {
                Console.WriteLine(string.Join('\t', c.Id, c.Reference, c.Status, c.Organisation, c.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
            }
            Console.Error.WriteLine($"page {result.Page} of {result.Pages}, {result.Total} case(s)");
            return 0;
        }, ct));
        return command;
    }
}
