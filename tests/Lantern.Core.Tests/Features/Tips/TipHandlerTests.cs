using Lantern.Core.Common;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Tips;
using Lantern.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Core.Tests.Features.Tips;

/// <summary>The tip line's handlers over real SQLite: what is stored, the overflow bucket, alerts, follow-up, conversion, scoping.</summary>
public sealed class TipHandlerTests : IAsyncLifetime
{
    private CoreHarness _core = null!;
    private Actor _investigatorA = null!;
    private Actor _supervisorA = null!;
    private Actor _investigatorB = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreHarness.CreateAsync();
        (_investigatorA, _supervisorA, _investigatorB) = await _core.RunAsync(async sp =>
        {
            var add = sp.GetRequiredService<Organisations.AddHandler>();
            var police = await add.Handle(CoreHarness.Operator, "FIA AHTC Lahore", "LawEnforcement", "PK", "Lahore", CancellationToken.None);
            var shelter = await add.Handle(CoreHarness.Operator, "Shelter B", "NGO", "PK", "Islamabad", CancellationToken.None);
            var users = sp.GetRequiredService<AddUser.Handler>();
            var inv = await users.Handle(CoreHarness.Operator, new AddUser.Request("inv.a", "FIA AHTC Lahore", "investigator", "Tip line test passphrase 1"), CancellationToken.None);
            var sup = await users.Handle(CoreHarness.Operator, new AddUser.Request("sup.a", "FIA AHTC Lahore", "administrator", "Tip line test passphrase 1"), CancellationToken.None);
            var invB = await users.Handle(CoreHarness.Operator, new AddUser.Request("inv.b", "Shelter B", "investigator", "Tip line test passphrase 1"), CancellationToken.None);
            return (new Actor(new UserId(inv.Id), "inv.a", new OrganisationId(police.Id), Role.Investigator, "test"),
                new Actor(new UserId(sup.Id), "sup.a", new OrganisationId(police.Id), Role.Administrator, "test"),
                new Actor(new UserId(invB.Id), "inv.b", new OrganisationId(shelter.Id), Role.Investigator, "test"));
        });
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static TipForm Form(string what = "Families kept at a brick kiln near Kasur for a peshgi debt.", string children = "Yes", string? contact = null) =>
        new(what, "Punjab", "Kasur", "Kiln on the Raiwind road", "Since March", children, 30, contact is not null, contact);

    private Task<SubmitTip.Response> SubmitAsync(TipForm form, string? honeypot = null) =>
        _core.RunAsync(sp => sp.GetRequiredService<SubmitTip.Handler>().Handle(new SubmitTip.Request(form, honeypot), CancellationToken.None));

    private Task<TipBoard> BoardAsync(Actor actor) => _core.RunAsync(sp => sp.GetRequiredService<ListTips.Handler>().Handle(actor, CancellationToken.None));

    private async Task<List<Dictionary<string, object?>>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_core.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }

    [Fact]
    public async Task SubmitTip_Public_StoresTextAndContactEncryptedAndNoAddress()
    {
        var received = await SubmitAsync(Form(contact: "0300-5556667"));

        Assert.Matches("^T-[0-9]{4}-[0-9]{4}$", received.Number);
        Assert.Equal(TipPhrase.Words, received.Phrase.Split(' ').Length);
        var row = Assert.Single(await RowsAsync("SELECT * FROM tips"));
        Assert.StartsWith("v", (string)row["WhatHappened"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("brick kiln", (string)row["WhatHappened"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("0300", (string)row["Contact"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(received.Phrase.Split(' ')[0], (string)row["PhraseHash"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Keys, k => k.Contains("Address", StringComparison.OrdinalIgnoreCase) || k.Contains("Agent", StringComparison.OrdinalIgnoreCase));
        var audit = Assert.Single(await RowsAsync("SELECT * FROM audit_log WHERE Action = 'tip.receive'"));
        Assert.Null(audit["RemoteAddress"]);
        Assert.Equal("public:tip-line", audit["ActorName"]);
    }

    [Fact]
    public async Task SubmitTip_HoneypotFilled_AnswersLikeATipAndStoresNothing()
    {
        var received = await SubmitAsync(Form(), honeypot: "http://spam.example");

        Assert.Matches("^T-[0-9]{4}-[0-9]{4}$", received.Number);
        Assert.Empty(await RowsAsync("SELECT Id FROM tips"));
        Assert.Empty(await RowsAsync("SELECT Sequence FROM audit_log WHERE Action LIKE 'tip.%'"));
    }

    [Fact]
    public async Task SubmitTip_BeyondHourlyCap_GoesToOverflowButUrgentStaysInSight()
    {
        await _core.RunAsync(sp => sp.GetRequiredService<TipLineSetup.Handler>().SetAsync(CoreHarness.Operator, new TipLineSetup.Request(null, 2), CancellationToken.None));
        await SubmitAsync(Form("First report of a kiln."));
        await SubmitAsync(Form("Second report of a kiln."));
        await SubmitAsync(Form("Third report, beyond the cap."));
        await SubmitAsync(Form("A child is locked in a house now.", children: "ImmediateDanger"));

        var board = await BoardAsync(_investigatorA);
        Assert.Equal(2, board.OldestFirst.Count(t => t.Bucket == TipBucket.Queue));
        Assert.Single(board.Overflow);
        Assert.Contains(board.Urgent, t => t.Children == ChildrenAtRisk.ImmediateDanger && t.Bucket == TipBucket.Overflow);
        Assert.Equal("First report of a kiln.", board.OldestFirst[0].Excerpt);

        _core.Clock.Advance(TimeSpan.FromMinutes(61));
        await SubmitAsync(Form("Next hour, back in the queue."));
        Assert.Equal(3, (await BoardAsync(_investigatorA)).OldestFirst.Count(t => t.Bucket == TipBucket.Queue));
    }

    [Fact]
    public async Task SubmitTip_ChildInImmediateDanger_AlertsTheSupervisorOnDutyOnly()
    {
        await _core.RunAsync(async sp =>
        {
            await sp.GetRequiredService<SuperviseTips.DutyHandler>().Handle(_supervisorA, true, CancellationToken.None);
            return 0;
        });

        await SubmitAsync(Form("A girl of ten is beaten in the house next door.", children: "ImmediateDanger"));

        var alerts = await _core.RunAsync(sp => sp.GetRequiredService<SuperviseTips.AlertsHandler>().Handle(_supervisorA, CancellationToken.None));
        var alert = Assert.Single(alerts);
        Assert.True(alert.ToMe);
        Assert.Single(await RowsAsync("SELECT Sequence FROM audit_log WHERE Action = 'tip.alert-raised'"));
        Assert.True((await BoardAsync(_supervisorA)).Urgent.Single().Urgent);
        // The investigator cannot supervise: no alerts for them.
        await Assert.ThrowsAsync<ForbiddenException>(() => _core.RunAsync(sp => sp.GetRequiredService<SuperviseTips.AlertsHandler>().Handle(_investigatorA, CancellationToken.None)));
    }

    [Fact]
    public async Task MarkUrgent_ChildAtRiskWithNobodyOnDuty_AlertsEverySupervisorOnce()
    {
        await SubmitAsync(Form());
        var id = (await BoardAsync(_investigatorA)).OldestFirst.Single().Id;

        await _core.RunAsync(sp => sp.GetRequiredService<TriageTip.UrgentHandler>().Handle(_investigatorA, id, new TriageTip.UrgentRequest(true, true), CancellationToken.None));
        await _core.RunAsync(sp => sp.GetRequiredService<TriageTip.UrgentHandler>().Handle(_investigatorA, id, new TriageTip.UrgentRequest(true, true), CancellationToken.None));

        var alert = Assert.Single(await _core.RunAsync(sp => sp.GetRequiredService<SuperviseTips.AlertsHandler>().Handle(_supervisorA, CancellationToken.None)));
        Assert.False(alert.ToMe);
        await _core.RunAsync(async sp =>
        {
            await sp.GetRequiredService<SuperviseTips.AcknowledgeHandler>().Handle(_supervisorA, alert.Id, CancellationToken.None);
            return 0;
        });
        Assert.Empty(await _core.RunAsync(sp => sp.GetRequiredService<SuperviseTips.AlertsHandler>().Handle(_supervisorA, CancellationToken.None)));
    }

    [Fact]
    public async Task AddToTip_WrongPhraseOrUnknownNumber_SameNotFound_RightPhraseAdds()
    {
        var received = await SubmitAsync(Form());
        Task Add(string number, string phrase) => _core.RunAsync(async sp =>
        {
            await sp.GetRequiredService<AddToTip.Handler>().Handle(new AddToTip.Request(number, phrase, "The owner moved the families to another kiln.", null), CancellationToken.None);
            return 0;
        });

        var wrong = await Assert.ThrowsAsync<NotFoundException>(() => Add(received.Number, "apple river stone cloud garden"));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => Add("T-0000-0000", received.Phrase));
        Assert.Equal(wrong.Message, unknown.Message);

        await Add(received.Number.ToLowerInvariant(), "  " + received.Phrase.ToUpperInvariant().Replace(' ', '-') + " ");
        var id = (await BoardAsync(_investigatorA)).OldestFirst.Single().Id;
        var view = await _core.RunAsync(sp => sp.GetRequiredService<GetTip.Handler>().Handle(_investigatorA, id, CancellationToken.None));
        var addition = Assert.Single(view.Additions);
        Assert.True(addition.FromReporter);
        Assert.Single(await RowsAsync("SELECT Sequence FROM audit_log WHERE Action = 'tip.follow-up-denied'"));
    }

    [Fact]
    public async Task OpenCaseFromTip_CreatesPrefilledCaseLinksTipAndMeasuresTriage()
    {
        var received = await SubmitAsync(Form());
        var id = (await BoardAsync(_investigatorA)).OldestFirst.Single().Id;
        _core.Clock.Advance(TimeSpan.FromHours(2));

        var opened = await _core.RunAsync(sp => sp.GetRequiredService<OpenCaseFromTip.Handler>().Handle(_investigatorA, id, new OpenCaseFromTip.Request(), CancellationToken.None));

        Assert.Equal("TIP-" + received.Number[2..], opened.Reference);
        Assert.Equal(opened.CaseId, opened.Tip.CaseId);
        var @case = await _core.RunAsync(sp => sp.GetRequiredService<Lantern.Core.Features.Cases.GetCase.Handler>().Handle(_investigatorA, new CaseId(opened.CaseId), CancellationToken.None));
        Assert.Contains("Families kept at a brick kiln near Kasur", @case.Summary, StringComparison.Ordinal);
        Assert.Contains("Where: Kiln on the Raiwind road, Kasur, Punjab", @case.Summary, StringComparison.Ordinal);
        Assert.Contains("Children at risk: yes", @case.Summary, StringComparison.Ordinal);

        _core.Clock.Advance(TimeSpan.FromHours(1));
        await _core.RunAsync(sp => sp.GetRequiredService<TriageTip.CloseHandler>().Handle(_investigatorA, id, new TriageTip.CloseRequest("CaseOpened", null), CancellationToken.None));
        var times = (await BoardAsync(_investigatorA)).ResponseTimes;
        Assert.Equal(2.0, times.TriageMedianHours);
        Assert.Equal(3.0, times.CloseMedianHours);
    }

    [Fact]
    public async Task TipOfAnotherOrganisation_IsNotFoundAndAuditedAsDenied()
    {
        await SubmitAsync(Form());
        var id = (await BoardAsync(_investigatorA)).OldestFirst.Single().Id;

        Assert.Empty((await BoardAsync(_investigatorB)).OldestFirst);
        await Assert.ThrowsAsync<NotFoundException>(() => _core.RunAsync(sp => sp.GetRequiredService<GetTip.Handler>().Handle(_investigatorB, id, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => _core.RunAsync(sp => sp.GetRequiredService<TriageTip.AssignHandler>().Handle(_investigatorB, id, new TriageTip.AssignRequest("inv.b"), CancellationToken.None)));
        Assert.Equal(2, (await RowsAsync("SELECT Sequence FROM audit_log WHERE Action = 'tip.access-denied'")).Count);
    }

    [Fact]
    public async Task Assign_UserOfAnotherOrganisation_IsRefused()
    {
        await SubmitAsync(Form());
        var id = (await BoardAsync(_investigatorA)).OldestFirst.Single().Id;

        var e = await Assert.ThrowsAsync<ValidationException>(() => _core.RunAsync(sp => sp.GetRequiredService<TriageTip.AssignHandler>().Handle(_investigatorA, id, new TriageTip.AssignRequest("inv.b"), CancellationToken.None)));
        Assert.Equal("username", e.Field);
        var view = await _core.RunAsync(sp => sp.GetRequiredService<TriageTip.AssignHandler>().Handle(_investigatorA, id, new TriageTip.AssignRequest("sup.a"), CancellationToken.None));
        Assert.Equal("sup.a", view.AssignedTo);
    }

    [Theory]
    [InlineData("", "whatHappened")]
    [InlineData("<script>x</script>", "whatHappened")]
    public async Task SubmitTip_BadInput_NamesTheFieldAndStoresNothing(string what, string field)
    {
        var e = await Assert.ThrowsAsync<ValidationException>(() => SubmitAsync(Form(what)));
        Assert.Equal(field, e.Field);
        Assert.Empty(await RowsAsync("SELECT Id FROM tips"));
    }

    [Fact]
    public async Task SubmitTip_ContactWithoutConsent_IsRefused()
    {
        var e = await Assert.ThrowsAsync<ValidationException>(() => SubmitAsync(Form() with { Contact = "0300-1112223", ContactConsent = false }));
        Assert.Equal("contactConsent", e.Field);
    }

    [Fact]
    public void Percentile_NearestRank_MatchesHandComputedValues()
    {
        double[] hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, TipProjection.Percentile(hours, 0.5));
        Assert.Equal(9, TipProjection.Percentile(hours, 0.9));
        Assert.Null(TipProjection.Percentile([], 0.5));
    }

    [Fact]
    public void TipPhrase_NewPhrases_AreFiveWordsFromAListOfAtLeast256()
    {
        Assert.True(TipPhrase.ListSize >= 256, $"only {TipPhrase.ListSize} words");
        var phrase = TipPhrase.New();
        Assert.Equal(5, phrase.Split(' ').Length);
        Assert.NotEqual(phrase, TipPhrase.New());
    }
}
