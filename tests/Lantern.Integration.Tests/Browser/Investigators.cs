using Lantern.Core.Features.Administration;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Browser;

/// <summary>Accounts for browser tests, made through Core as the CLI's local operator would: ordinary (non-demo) users.</summary>
public static class Investigators
{
    public const string Organisation = "FIA AHTC Browser Lahore";
    public const string Password = "Lantern browser passphrase 2026";

    /// <summary>Adds the organisation and an investigator in it who has not yet set up a second factor.</summary>
    public static async Task<string> AddAsync(LanternServer server, string username = "browser.investigator")
    {
        await server.AsOperatorAsync(async (sp, actor) =>
        {
            await sp.GetRequiredService<Organisations.AddHandler>().Handle(actor, Organisation, "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var user = await sp.GetRequiredService<AddUser.Handler>().Handle(actor, new AddUser.Request(username, Organisation, "investigator", Password), CancellationToken.None);
            Assert.False(user.IsDemo);
            Assert.False(user.SecondFactorEnrolled);
            return user;
        });
        return username;
    }
}
