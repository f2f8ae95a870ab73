using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Sharing;
using Lantern.Core.Security;

namespace Lantern.Features.Sharing;

/// <summary>
/// <c>lantern sharing keys show | partners add|list | package create|import|revoke|list | linkage secret|send|pairs|agree</c>, acting as the local operator
/// for the first organisation or the one named by <c>--organisation</c>.
/// </summary>
internal static class SharingCommands
{
    private static readonly Option<string?> Organisation = new("--organisation") { Description = "The organisation whose partners and packages these are (default: the installation's first)." };

    public static Command Create()
    {
        var sharing = new Command("sharing", "Signed sharing packages between agencies and installations.");
        var keys = new Command("keys", "This installation's sharing keys.");
        keys.Subcommands.Add(ShowKeys());
        var partners = new Command("partners", "Partner installations and their public keys.");
        partners.Subcommands.Add(AddPartnerCommand());
        partners.Subcommands.Add(ListPartnersCommand());
        var package = new Command("package", "Packages: make one for a partner, import one, revoke a shared item, list them.");
        package.Subcommands.Add(CreatePackageCommand());
        package.Subcommands.Add(ImportCommand());
        package.Subcommands.Add(RevokeCommand());
        package.Subcommands.Add(ListCommand());
        sharing.Subcommands.Add(keys);
        sharing.Subcommands.Add(partners);
        sharing.Subcommands.Add(package);
        var linkage = new Command("linkage", "Privacy-preserving matching with a partner: the agreed secret, encodings out, possible common persons, agreements to share details.");
        linkage.Subcommands.Add(SecretCommand());
        linkage.Subcommands.Add(SendEncodingsCommand());
        linkage.Subcommands.Add(PairsCommand());
        linkage.Subcommands.Add(AgreeCommand());
        sharing.Subcommands.Add(linkage);
        return sharing;
    }

    private static Command ShowKeys()
    {
        var command = new Command("show", "Print this installation's public keys and fingerprints (made on first use), to give to a partner.");
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var keys = await services.GetRequiredService<ShowInstallationKeys.Handler>().Handle(actor, ct);
            Console.WriteLine("signing-key\t" + keys.SigningKey);
            Console.WriteLine("signing-fingerprint\t" + keys.SigningFingerprint);
            Console.WriteLine("encryption-key\t" + keys.EncryptionKey);
            Console.WriteLine("encryption-fingerprint\t" + keys.EncryptionFingerprint);
            return 0;
        }, ct));
        return command;
    }

    private static Command AddPartnerCommand()
    {
        var name = new Option<string>("--name") { Description = "The partner's name, e.g. \"FIA AHTC Islamabad (partner installation)\".", Required = true };
        var signing = new Option<string>("--signing-key") { Description = "The partner's Ed25519 public key (base64), from its 'lantern sharing keys show'.", Required = true };
        var encryption = new Option<string>("--encryption-key") { Description = "The partner's X25519 public key (base64).", Required = true };
        var command = new Command("add", "Register a partner installation; compare the printed fingerprints with the partner's over the telephone.") { name, signing, encryption, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var partner = await services.GetRequiredService<AddPartner.Handler>().Handle(actor, new AddPartner.Request(parse.GetValue(name), parse.GetValue(signing), parse.GetValue(encryption)), ct);
            Console.WriteLine(string.Join('\t', partner.Id, partner.Name, partner.SigningFingerprint, partner.EncryptionFingerprint));
            return 0;
        }, ct));
        return command;
    }

    private static Command ListPartnersCommand()
    {
        var command = new Command("list", "The partners: id, name, signing-key fingerprint, encryption-key fingerprint, last sequence sent and received.") { Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var partners = await services.GetRequiredService<ListPartners.Handler>().Handle(actor, ct);
            foreach (var p in partners)
            {
                Console.WriteLine(string.Join('\t', p.Id, p.Name, p.SigningFingerprint, p.EncryptionFingerprint,
                    p.LastSequenceSent.ToString(CultureInfo.InvariantCulture), p.LastSequenceReceived.ToString(CultureInfo.InvariantCulture)));
            }
            // The column legend and count go to stderr, so stdout stays rows only for scripts.
            Console.Error.WriteLine($"{partners.Count} partner(s): id, name, signing-key fingerprint, encryption-key fingerprint, last sequence sent, last sequence received");
            return 0;
        }, ct));
        return command;
    }

    private static Command CreatePackageCommand()
    {
        var partner = new Option<string>("--partner") { Description = "The partner's name or id.", Required = true };
        var items = new Option<string[]>("--item")
        {
            Description = "An item as KIND:ID, or for a case or person KIND:ID:HANDLING:SOURCE:ACCURACY[:BASIS] (e.g. intelligence:ID, case:ID:H0:B:2, person:ID:H1:B:2:law-enforcement-cooperation); repeat.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { Description = "Write the package file here.", Required = true };
        var command = new Command("create", "Make a signed, encrypted package for a partner (H2 items are refused) and write it to a file.") { partner, items, output, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var partnerId = await PartnerIdAsync(services, actor, parse.GetValue(partner)!, ct);
            var selected = parse.GetValue(items)!.Select(ParseItem).ToList();
            var package = await services.GetRequiredService<CreatePackage.Handler>().Handle(actor, new CreatePackage.Request(partnerId, selected), ct);
            var file = await services.GetRequiredService<DownloadPackage.Handler>().Handle(actor, package.Id, ct);
            await File.WriteAllBytesAsync(parse.GetValue(output)!, file.Content, ct);
            Console.WriteLine(string.Join('\t', package.Id, package.PartnerName, package.Sequence.ToString(CultureInfo.InvariantCulture), package.ItemCount.ToString(CultureInfo.InvariantCulture)));
            return 0;
        }, ct));
        return command;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "The package file received from a partner." };
        var command = new Command("import", "Import a package: signature, sender, tampering and replay are checked; a revocation removes the revoked items.") { file, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new ValidationException("file", $"There is no file '{path}'.");
            }
            var result = await services.GetRequiredService<ImportPackage.Handler>().Handle(actor, await File.ReadAllBytesAsync(path, ct), ct);
            Console.WriteLine(string.Join('\t', result.PackageId, result.Kind, result.SenderName, result.Sequence.ToString(CultureInfo.InvariantCulture),
                result.ItemsImported.ToString(CultureInfo.InvariantCulture) + " imported", result.ItemsRevoked.ToString(CultureInfo.InvariantCulture) + " revoked"));
            return 0;
        }, ct));
        return command;
    }

    private static Command RevokeCommand()
    {
        var item = new Argument<Guid>("item") { Description = "The id (in this installation) of the item that was shared." };
        var output = new Option<string>("--out-dir") { Description = "Write the revocation packages (one per partner) into this folder.", Required = true };
        var command = new Command("revoke", "Revoke a shared item: one signed revocation package per partner that received it.") { item, output, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var result = await services.GetRequiredService<RevokeItem.Handler>().Handle(actor, parse.GetValue(item), ct);
            Directory.CreateDirectory(parse.GetValue(output)!);
            foreach (var package in result.Packages)
            {
                var file = await services.GetRequiredService<DownloadPackage.Handler>().Handle(actor, package.Id, ct);
                var path = Path.Combine(parse.GetValue(output)!, file.FileName);
                await File.WriteAllBytesAsync(path, file.Content, ct);
                Console.WriteLine(string.Join('\t', package.Id, package.PartnerName, path));
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "Packages sent and received: id, direction, kind, partner, sequence, items, by, at.") { Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var overview = await services.GetRequiredService<ListPackages.Handler>().Handle(actor, ct);
            var packages = overview.Sent.Concat(overview.Received).OrderBy(p => p.At).ToList();
            foreach (var p in packages)
            {
                Console.WriteLine(string.Join('\t', p.Id, p.Direction, p.Kind, p.PartnerName, p.Sequence.ToString(CultureInfo.InvariantCulture),
                    p.ItemCount.ToString(CultureInfo.InvariantCulture), p.By, p.At.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)));
            }
            Console.Error.WriteLine($"{packages.Count} package(s): id, direction, kind, partner, sequence, items, by, at");
            return 0;
        }, ct));
        return command;
    }

    private static Command SecretCommand()
    {
        var partner = new Option<string>("--partner") { Description = "The partner's name or id.", Required = true };
        var secretFile = new Option<string>("--secret-file") { Description = "A file holding the linkage secret agreed with the partner (at least 16 bytes; a trailing line break is ignored).", Required = true };
        var command = new Command("secret", "Set the linkage secret agreed with a partner (administrators); prints the key check to compare with the partner's.") { partner, secretFile, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var partnerId = await PartnerIdAsync(services, actor, parse.GetValue(partner)!, ct);
            var path = parse.GetValue(secretFile)!;
            if (!File.Exists(path))
            {
                throw new ValidationException("secret-file", $"There is no file '{path}'.");
            }
            var result = await services.GetRequiredService<SetLinkageSecret.Handler>().Handle(actor, new SetLinkageSecret.Request(partnerId, await File.ReadAllTextAsync(path, ct)), ct);
            Console.WriteLine(string.Join('\t', result.Id, result.Name, "key-check " + result.LinkageKeyCheck));
            return 0;
        }, ct));
        return command;
    }

    private static Command SendEncodingsCommand()
    {
        var partner = new Option<string>("--partner") { Description = "The partner's name or id.", Required = true };
        var roles = new Option<string>("--roles") { Description = "Case roles whose persons to encode, comma-separated (e.g. victim,suspect).", Required = true };
        var basis = new Option<string>("--basis") { Description = "recorded-consent, law-enforcement-cooperation or vital-interests.", Required = true };
        var output = new Option<string>("--out") { Description = "Write the package file here.", Required = true };
        var command = new Command("send", "Encode your persons in the given roles with the partner's linkage secret and write the signed package for that partner.") { partner, roles, basis, output, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var partnerId = await PartnerIdAsync(services, actor, parse.GetValue(partner)!, ct);
            var result = await services.GetRequiredService<SendLinkageEncodings.Handler>().Handle(actor, new SendLinkageEncodings.Request(partnerId, [parse.GetValue(roles)!], parse.GetValue(basis)), ct);
            var file = await services.GetRequiredService<DownloadPackage.Handler>().Handle(actor, result.Package.Id, ct);
            await File.WriteAllBytesAsync(parse.GetValue(output)!, file.Content, ct);
            Console.Error.WriteLine($"{result.PersonsEncoded} person(s) encoded for {result.Package.PartnerName}");
            Console.WriteLine(string.Join('\t', result.Package.Id, result.Package.PartnerName, result.Package.Sequence.ToString(CultureInfo.InvariantCulture), result.PersonsEncoded.ToString(CultureInfo.InvariantCulture)));
            return 0;
        }, ct));
        return command;
    }

    private static Command PairsCommand()
    {
        var command = new Command("pairs", "Possible common persons: pair id, pair reference, your person, partner to contact, status (no scores).") { Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var pairs = await services.GetRequiredService<ListLinkagePairs.Handler>().Handle(actor, ct);
            foreach (var p in pairs)
            {
                Console.WriteLine(string.Join('\t', p.Id, p.Reference, p.PersonName, p.PartnerName, p.Status));
            }
            Console.Error.WriteLine($"{pairs.Count} possible common person(s): id, pair reference, your person, contact organisation, status");
            return 0;
        }, ct));
        return command;
    }

    private static Command AgreeCommand()
    {
        var pair = new Argument<Guid>("pair") { Description = "The pair's id (from 'lantern sharing linkage pairs')." };
        var output = new Option<string>("--out") { Description = "Write the agreement package for the partner here.", Required = true };
        var command = new Command("agree", "Agree to share details on a possible common person; writes the signed agreement package for the partner.") { pair, output, Organisation, LocalCommand.As };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            actor = await ActingForAsync(services, actor, parse, ct);
            var result = await services.GetRequiredService<AgreeOnLinkagePair.Handler>().Handle(actor, parse.GetValue(pair), ct);
            var file = await services.GetRequiredService<DownloadPackage.Handler>().Handle(actor, result.Package.Id, ct);
            await File.WriteAllBytesAsync(parse.GetValue(output)!, file.Content, ct);
            Console.WriteLine(string.Join('\t', result.Pair.Id, result.Pair.Reference, result.Pair.PartnerName, result.Pair.Status, result.Package.Id));
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Parses KIND:ID[:HANDLING:SOURCE:ACCURACY[:BASIS]].</summary>
    internal static CreatePackage.Item ParseItem(string value)
    {
        var parts = value.Split(':');
        if (parts.Length < 2 || !Guid.TryParse(parts[1], out var id))
        {
            throw new ValidationException("item", $"'{value}' is not KIND:ID (e.g. intelligence:0190...).");
        }
        string? At(int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
        return new CreatePackage.Item(parts[0], id, At(2), At(3), At(4), At(5));
    }

    private static async Task<Guid> PartnerIdAsync(IServiceProvider services, Actor actor, string value, CancellationToken ct)
    {
        var partners = await services.GetRequiredService<ListPartners.Handler>().Handle(actor, ct);
        return partners.FirstOrDefault(p => p.Id.ToString() == value.Trim() || p.Name == value.Trim())?.Id
            ?? throw new ValidationException("partner", $"There is no partner '{value}'; see 'lantern sharing partners list'.");
    }

    private static async Task<Actor> ActingForAsync(IServiceProvider services, Actor actor, ParseResult parse, CancellationToken ct)
    {
        // --as names who acts (their organisation and role); without it the local operator acts for --organisation
        if (parse.GetValue(LocalCommand.As) is not null)
        {
            return await LocalCommand.AsAsync(services, actor, parse, ct);
        }
        if (parse.GetValue(Organisation) is not { } name)
        {
            return actor;
        }
        var all = await services.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct);
        var id = all.FirstOrDefault(o => o.Name == name.Trim())?.Id ?? throw new ValidationException("organisation", $"There is no organisation named '{name}'.");
        return Actor.LocalOperator(new OrganisationId(id));
    }
}
