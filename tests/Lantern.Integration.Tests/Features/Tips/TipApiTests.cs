using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantern.Core.Features.Tips;
using Lantern.Features.Tips;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Tips;

/// <summary>
/// The tip line through HTTP and the CLI, on a server of its own (its rate limits are small, and counted per process):
/// nothing identifying stored or logged, limits and honeypot, the child alert, tip to case, and who sees tips.
/// </summary>
public sealed class TipApiTests : IAsyncLifetime
{
    private const string UserAgent = "LanternTipProbe/7.3 (test-device-fingerprint)";
    private LanternServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LanternServer.StartAsync(Provider.Sqlite, services: s => s.AddSingleton(new TipLimits(SubmissionsPerNetwork: 4, FollowUpsPerNetwork: 3, OverallPerMinute: 1000)));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string TipJson(string what, string children = "Yes", string? honeypot = null, string? contact = null) => JsonSerializer.Serialize(new
    {
        whatHappened = what,
        province = "Punjab",
        district = "Kasur",
        place = "Kiln near Raiwind",
        whenHappened = "Since March",
        children,
        peopleCount = 12,
        contactConsent = contact is not null,
        contact,
        website = honeypot,
    });

    private async Task<HttpResponseMessage> SubmitAsync(string json)
    {
        using var client = _server.Client(Persona.Anonymous);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/v1/tips/public", UriKind.Relative), content);
    }

    private async Task<SubmitTip.Response> SubmitOkAsync(string json)
    {
        using var response = await SubmitAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubmitTip.Response>(Json.Options))!;
    }

    private Task<TipBoard> BoardAsync(Persona persona = Persona.InvestigatorA) => _server.GetJsonAsync<TipBoard>(persona, "/api/v1/tips");

    /// <summary>Every text value in every table of the database file.</summary>
    private async Task<string> AllStoredTextAsync()
    {
        var text = new System.Text.StringBuilder();
        await using var connection = new SqliteConnection(_server.Database.Options.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s)
                    {
                        text.Append(table).Append(':').AppendLine(s);
                    }
                }
            }
        }
        return text.ToString();
    }

    [Fact]
    public async Task SubmitTip_Anonymous_StoresAndLogsNoAddressOrBrowser()
    {
        // Kestrel's start-up line names the listening address; only what the request logged counts.
        var before = _server.Logs.Lines.Count;
        var received = await SubmitOkAsync(TipJson("Children make bricks at a kiln; their families owe the owner a peshgi.", contact: "0300-9998887"));

        var stored = await AllStoredTextAsync();
        Assert.Contains("tips:" + received.Number, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Split('\n'), l => l.StartsWith("tip", StringComparison.Ordinal) && l.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain("LanternTipProbe", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("fingerprint", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("0300-9998887", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("peshgi", stored, StringComparison.Ordinal);
        await using (var connection = new SqliteConnection(_server.Database.Options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COUNT(RemoteAddress) FROM audit_log WHERE ActorName = 'public:tip-line'";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.True(reader.GetInt64(0) >= 1);
            Assert.Equal(0, reader.GetInt64(1));
        }
        var logs = string.Join('\n', _server.Logs.Lines.Skip(before));
        Assert.NotEmpty(logs);
        Assert.DoesNotContain("127.0.0.1", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("LanternTipProbe", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("peshgi", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(received.Phrase, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTip_BeyondTheNetworkLimit_Answers429AndStoresNothing()
    {
        for (var i = 0; i < 4; i++)
        {
            await SubmitOkAsync(TipJson($"Report number {i} of the same kiln."));
        }
        using var refused = await SubmitAsync(TipJson("One too many."));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again later", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, (await BoardAsync()).OldestFirst.Count);
    }

    [Fact]
    public async Task SubmitTip_HoneypotFilled_LooksAcceptedButNothingIsQueued()
    {
        var answer = await SubmitOkAsync(TipJson("Buy cheap watches", honeypot: "https://spam.example"));

        Assert.Matches("^T-[0-9]{4}-[0-9]{4}$", answer.Number);
        Assert.Empty((await BoardAsync()).OldestFirst);
    }

    [Fact]
    public async Task SubmitTip_TooLargeOrInvalid_RefusedWithTheFieldNamed()
    {
        using var large = await SubmitAsync(TipJson(new string('x', 40_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        using var empty = await SubmitAsync(TipJson(""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("whatHappened", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await BoardAsync()).OldestFirst);
    }

    [Fact]
    public async Task FollowUp_WrongPhraseThenRight_SameAnswerForWrongAndUnknown_AndLimited()
    {
        var received = await SubmitOkAsync(TipJson("A boy works in a workshop at night."));
        async Task<HttpStatusCode> FollowUp(string number, string phrase)
        {
            using var response = await _server.PostJsonAsync(Persona.Anonymous, "/api/v1/tips/public/follow-up",
                JsonSerializer.Serialize(new { number, phrase, text = "He is about twelve and sleeps there." }));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, await FollowUp(received.Number, "wrong words entirely here now"));
        Assert.Equal(HttpStatusCode.NotFound, await FollowUp("T-1111-1111", received.Phrase));
        Assert.Equal(HttpStatusCode.NoContent, await FollowUp(received.Number, received.Phrase));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FollowUp(received.Number, received.Phrase));

        var id = (await BoardAsync()).OldestFirst.Single().Id;
        var tip = await _server.GetJsonAsync<TipView>(Persona.InvestigatorA, $"/api/v1/tips/{id}");
        Assert.Equal("He is about twelve and sleeps there.", Assert.Single(tip.Additions).Text);
    }

    [Fact]
    public async Task ChildInImmediateDanger_AlertsTheSupervisorOnDuty()
    {
        using (var duty = await PutJsonAsync(Persona.AdministratorA, "/api/v1/tips/duty", """{ "onDuty": true }"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, duty.StatusCode);
        }

        var received = await SubmitOkAsync(TipJson("A girl of ten is locked in the house next door and beaten.", children: "ImmediateDanger"));

        var alerts = await _server.GetJsonAsync<List<TipAlertView>>(Persona.AdministratorA, "/api/v1/tips/alerts");
        var alert = Assert.Single(alerts);
        Assert.Equal(received.Number, alert.TipNumber);
        Assert.True(alert.ToMe);
        using var investigator = _server.Client(Persona.InvestigatorA);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync(new Uri("/api/v1/tips/alerts", UriKind.Relative))).StatusCode);
        Assert.Contains((await BoardAsync()).Urgent, t => t.Number == received.Number);
    }

    [Fact]
    public async Task OpenCase_FromTip_CreatesPrefilledCaseVisibleToTheTriager()
    {
        var received = await SubmitOkAsync(TipJson("Agent took 900,000 rupees for a Saudi work visa that was a visit visa."));
        var id = (await BoardAsync()).OldestFirst.Single().Id;

        using var response = await _server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/tips/{id}/open-case", "{}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = (await response.Content.ReadFromJsonAsync<OpenCaseFromTip.Response>(Json.Options))!;

        var @case = await _server.GetJsonAsync<JsonElement>(Persona.InvestigatorA, $"/api/v1/cases/{opened.CaseId}");
        var raw = @case.GetRawText();
        Assert.Contains("TIP-" + received.Number[2..], raw, StringComparison.Ordinal);
        Assert.Contains("Saudi work visa", raw, StringComparison.Ordinal);
        Assert.Contains("Kasur", raw, StringComparison.Ordinal);
        // Organisation B sees neither the tip nor the case.
        using var other = _server.Client(Persona.InvestigatorB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/tips/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/cases/{opened.CaseId}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(Persona.InvestigatorA, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Persona.CaseworkerA, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Persona.AdministratorA, HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(Persona.ProsecutorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AnalystA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.AuditorA, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Persona.InvestigatorB, HttpStatusCode.OK, HttpStatusCode.NotFound)]
    [InlineData(Persona.CaseworkerB, HttpStatusCode.OK, HttpStatusCode.NotFound)]
    [InlineData(Persona.Anonymous, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    public async Task PersonaMatrix_QueueAndTip(Persona persona, HttpStatusCode queue, HttpStatusCode tip)
    {
        await SubmitOkAsync(TipJson("Women from Bangladesh kept in a locked flat."));
        var id = (await BoardAsync()).OldestFirst.Single().Id;
        using var client = _server.Client(persona);

        using var list = await client.GetAsync(new Uri("/api/v1/tips", UriKind.Relative));
        using var one = await client.GetAsync(new Uri($"/api/v1/tips/{id}", UriKind.Relative));

        Assert.Equal(queue, list.StatusCode);
        Assert.Equal(tip, one.StatusCode);
        if (list.StatusCode == HttpStatusCode.OK && persona is Persona.InvestigatorB or Persona.CaseworkerB)
        {
            Assert.Empty((await list.Content.ReadFromJsonAsync<TipBoard>(Json.Options))!.OldestFirst);
        }
    }

    [Fact]
    public async Task Cli_ListAssignClose_AsANamedUser()
    {
        var received = await SubmitOkAsync(TipJson("Fishermen's boys kept on trawlers for their fathers' debts."));
        var investigator = LanternServer.Username(Persona.InvestigatorA);

        var list = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "list", "--as", investigator);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(received.Number, list.Stdout, StringComparison.Ordinal);
        var assign = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "assign", received.Number, "--to", investigator, "--as", investigator);
        Assert.Equal(0, assign.ExitCode);
        Assert.Contains("assigned-to\t" + investigator, assign.Stdout, StringComparison.Ordinal);
        var hidden = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "show", received.Number, "--as", LanternServer.Username(Persona.InvestigatorB));
        Assert.Equal(3, hidden.ExitCode);
        var badReason = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "close", received.Number, "--reason", "Bored", "--as", investigator);
        Assert.Equal(2, badReason.ExitCode);
        Assert.StartsWith("error: reason:", badReason.Stderr, StringComparison.Ordinal);
        var close = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "close", received.Number, "--reason", "ReferredElsewhere", "--note", "Passed to the labour department", "--as", investigator);
        Assert.Equal(0, close.ExitCode);
        Assert.Contains("state\tClosed", close.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_ByTheTeam_ShownWithItsAuthor_EncryptedAtRest_HiddenFromOtherOrganisations()
    {
        var received = await SubmitOkAsync(TipJson("Boys working nights at a carpet loom."));
        var id = (await BoardAsync()).OldestFirst.Single().Id;
        var investigator = LanternServer.Username(Persona.InvestigatorA);

        using var empty = await _server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/tips/{id}/notes", "{\"text\":\"   \"}");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var added = await _server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/tips/{id}/notes", JsonSerializer.Serialize(new { text = "Called headmaster Qasim Raza: two boys absent since May." }));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var view = (await added.Content.ReadFromJsonAsync<TipView>(Json.Options))!;
        var note = Assert.Single(view.Additions);
        Assert.Equal(investigator, note.Author);
        Assert.False(note.FromReporter);
        Assert.Contains("Qasim Raza", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Qasim Raza", await AllStoredTextAsync(), StringComparison.Ordinal);
        using var other = await _server.PostJsonAsync(Persona.InvestigatorB, $"/api/v1/tips/{id}/notes", JsonSerializer.Serialize(new { text = "Probe" }));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var cli = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "note", received.Number, "--text", "Second call: the loom owner denied it.", "--as", investigator);
        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("note by " + investigator + ": Second call", cli.Stdout, StringComparison.Ordinal);
        var blank = await Infrastructure.Cli.RunAsync(_server.Database, null, "tips", "note", received.Number, "--text", " ", "--as", investigator);
        Assert.Equal(2, blank.ExitCode);
        Assert.StartsWith("error: text:", blank.Stderr, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PutJsonAsync(Persona persona, string path, string json)
    {
        using var client = _server.Client(persona);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PutAsync(new Uri(path, UriKind.Relative), content);
    }
}
