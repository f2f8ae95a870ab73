using System.CommandLine;
using System.Globalization;
using Lantern.Cli;
using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Referrals;

namespace Lantern.Features.Referrals;

/// <summary><c>lantern referrals overdue</c> and <c>lantern services list</c>, acting as the local operator.</summary>
internal static class ReferralsCommands
{
    public static Command Referrals()
    {
        var referrals = new Command("referrals", "Referrals of victims to services.");
        referrals.Subcommands.Add(Overdue());
        return referrals;
    }

    public static Command Services()
    {
        var services = new Command("services", "The service directory.");
        services.Subcommands.Add(ListServices());
        services.Subcommands.Add(ResponseHours());
        return services;
    }

    private static Command Overdue()
    {
        var organisation = new Option<string?>("--organisation") { Description = "Only referrals this organisation sent or must answer (default: all)." };
        var command = new Command("overdue", "The daily list of referrals sent and not answered by their deadline (reference, service, from, to, deadline, hours overdue).") { organisation };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            Guid? organisationId = null;
            if (parse.GetValue(organisation) is { } name)
            {
                var all = await services.GetRequiredService<Organisations.ListHandler>().Handle(actor, ct);
                organisationId = all.FirstOrDefault(o => o.Name == name.Trim())?.Id ?? throw new ValidationException("organisation", $"There is no organisation named '{name}'.");
            }
            var overdue = await services.GetRequiredService<ListOverdueReferrals.Handler>().Handle(actor, new ListOverdueReferrals.Request(organisationId), ct);
            foreach (var r in overdue)
            {
                Console.WriteLine(string.Join('\t', r.Reference, r.Service, r.FromOrganisation, r.ToOrganisation,
                    r.DeadlineAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), r.HoursOverdue.ToString(CultureInfo.InvariantCulture)));
            }
            Console.Error.WriteLine($"{overdue.Count} overdue referral(s)");
            return 0;
        }, ct));
        return command;
    }

    private static Command ResponseHours()
    {
        var type = new Option<string?>("--type") { Description = "Service type to change, e.g. Shelter; without --hours, every type's response time is listed." };
        var hours = new Option<int?>("--hours") { Description = "Hours a service of this type has to answer a referral (1-720)." };
        var command = new Command("response-hours", "Show or set the default time services of each type have to answer a referral (48 hours unless set).") { type, hours };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var handler = services.GetRequiredService<SetResponseHours.Handler>();
            if (parse.GetValue(hours) is { } value)
            {
                await handler.SetAsync(actor, parse.GetValue(type) ?? throw new ValidationException("--type", "Name the service type to change."), value, ct);
            }
            foreach (var s in await handler.ListAsync(actor, ct))
            {
                Console.WriteLine(string.Join('\t', s.Type, s.ResponseHours.ToString(CultureInfo.InvariantCulture), s.IsDefault ? "default" : "set"));
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command ListServices()
    {
        var type = new Option<string?>("--type") { Description = "Service type, e.g. Shelter, MedicalCare, LegalAid." };
        var province = new Option<string?>("--province") { Description = "Province as the directory spells it." };
        var district = new Option<string?>("--district") { Description = "District as the directory spells it." };
        var children = new Option<bool>("--children") { Description = "Only services that accept children." };
        var language = new Option<string?>("--language") { Description = "ISO 639 language code, e.g. ur, pa, ps." };
        var search = new Option<string?>("--search") { Description = "Text in the name, place or description." };
        var command = new Command("list", "List the service directory (id, type, name, district, province, organisation, places free, response hours).")
        {
            type, province, district, children, language, search,
        };
        command.SetAction((parse, ct) => LocalCommand.RunAsync(parse, async (services, actor) =>
        {
            var typeText = parse.GetValue(type);
            var request = new SearchServices.Request(
                string.IsNullOrWhiteSpace(typeText) ? null : Picklist.Parse<ServiceType>(typeText.Trim(), "--type"),
                parse.GetValue(province), parse.GetValue(district), parse.GetValue(children) ? true : null, parse.GetValue(language), parse.GetValue(search));
            var list = await services.GetRequiredService<SearchServices.Handler>().Handle(actor, request, ct);
            foreach (var s in list)
            {
                Console.WriteLine(string.Join('\t', s.Id, s.Type, s.Name, s.District, s.Province, s.Organisation,
                    s.PlacesFree?.ToString(CultureInfo.InvariantCulture) ?? "", s.ResponseHours.ToString(CultureInfo.InvariantCulture)));
            }
            Console.Error.WriteLine($"{list.Count} service(s)");
            return 0;
        }, ct));
        return command;
    }
}
