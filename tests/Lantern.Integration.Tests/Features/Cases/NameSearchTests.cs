using System.Text.Json;
using Lantern.Core.Persistence;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Integration.Tests.Features.Cases;

/// <summary>
/// The case list's name search uses the linkage name knowledge (issue 5 §3): transliteration groups in both
/// scripts, honorifics, and initials, through blind indexes only.
/// </summary>
public sealed class NameSearchTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await _server.ImportAsync(OnePerson("NS-LATIN", "Muhammad", "Aslam"));
        await _server.ImportAsync(OnePerson("NS-ARABIC", null, null, original: "محمد اسلم"));
        await _server.ImportAsync(OnePerson("NS-INITIAL", "M.", "Aslam"));
        await _server.ImportAsync(OnePerson("NS-MARIAM", "Mariam", "Aslam"));
        await _server.ImportAsync(OnePerson("NS-BILAL", "Muhammad", "Bilal"));
        await _server.ImportAsync(OnePerson("NS-HUSSAIN", "Syed", "Hussain Shah"));
        // Names typed in Urdu script in the name fields themselves, kept as typed (issue 8 §3).
        await _server.ImportAsync(OnePerson("NS-URDU", "نسرین", "اختر"));
        await _server.ImportAsync(OnePerson("NS-NASRIN", "Nasrin", "Akhter"));
        await _server.ImportAsync(OnePerson("NS-SHAGUFTA", "شگفتہ", "بی بی"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Mohd Aslam", "NS-LATIN,NS-ARABIC,NS-INITIAL")]
    [InlineData("Haji Mohammad Aslam", "NS-LATIN,NS-ARABIC,NS-INITIAL")]
    [InlineData("Md. Aslam", "NS-LATIN,NS-ARABIC,NS-INITIAL")]
    [InlineData("محمد اسلم", "NS-LATIN,NS-ARABIC,NS-INITIAL")]
    [InlineData("M Aslam", "NS-LATIN,NS-INITIAL,NS-MARIAM")]
    [InlineData("Mohammed Bilal", "NS-BILAL")]
    [InlineData("Husain Shah", "NS-HUSSAIN")]
    [InlineData("Syed", "NS-HUSSAIN")]
    public async Task NameSearch_FindsSpellingVariantsScriptsAndInitials_AndNothingElse(string query, string expected)
    {
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), await SearchAsync(query));
    }

    [Theory]
    [InlineData("Nasreen Akhtar", "NS-NASRIN,NS-URDU")]
    [InlineData("نسرین", "NS-NASRIN,NS-URDU")]
    [InlineData("Shagufta", "NS-SHAGUFTA")] // in no transliteration group: found through its spelled-out reading
    [InlineData("شگفتہ بی بی", "NS-SHAGUFTA")]
    public async Task NameSearch_NamesTypedInUrduScript_AreFoundFromEitherScript(string query, string expected)
    {
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), await SearchAsync(query));
    }

    [Fact]
    public async Task PersonTypedInUrduScript_IsKeptAsTyped_WithItsLatinSpellingBeside()
    {
        using var client = _server.Client(Persona.InvestigatorA);
        var cases = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/cases?q=" + Uri.EscapeDataString("Nasreen"), UriKind.Relative)));
        var id = cases.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == "NS-URDU").GetProperty("id").GetString();
        var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative))).RootElement;
        var person = detail.GetProperty("people")[0];

        Assert.Equal("نسرین اختر", person.GetProperty("name").GetString());
        Assert.Equal("Nasreen Akhtar", person.GetProperty("nameInLatin").GetString());
        var page = await client.GetStringAsync(new Uri($"/persons/{person.GetProperty("personId").GetString()}", UriKind.Relative));
        Assert.Contains("نسرین اختر", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"name-in-latin\">Nasreen Akhtar<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonsIndexedUnderAnOlderVersion_AreReindexedWhenTheDatabaseIsPrepared()
    {
        // Take the index back to exact keys only: no phonetic (version 3 gives Urdu-script words one), variant or initial keys.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_server.Database.DataFolder, "lantern.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM person_search_keys WHERE Kind IN ('NamePhonetic', 'NameVariant', 'NameInitial', 'NameBareInitial'); UPDATE persons SET SearchKeysVersion = 1;";
            await command.ExecuteNonQueryAsync();
        }
        Assert.Equal(["NS-LATIN"], await SearchAsync("Mohd Aslam")); // the abbreviation alone links Mohd to Muhammad

        var refreshed = await _server.AsOperatorAsync((sp, _) => sp.GetRequiredService<DatabaseSetup>().RefreshSearchKeysAsync(CancellationToken.None));

        Assert.Equal(9, refreshed);
        Assert.Equal(["NS-ARABIC", "NS-INITIAL", "NS-LATIN"], await SearchAsync("Mohd Aslam"));
        Assert.Equal(0, await _server.AsOperatorAsync((sp, _) => sp.GetRequiredService<DatabaseSetup>().RefreshSearchKeysAsync(CancellationToken.None)));
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        using var client = _server.Client(Persona.InvestigatorA);
        var json = await client.GetStringAsync(new Uri("/api/v1/cases?pageSize=100&q=" + Uri.EscapeDataString(query), UriKind.Relative));
        return JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("reference").GetString()!)
            .Where(r => r.StartsWith("NS-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string OnePerson(string reference, string? first, string? second, string? original = null)
    {
        var names = new List<string>();
        if (first is not null)
        {
            names.Add($"\"prs_FirstName\": {JsonSerializer.Serialize(first)}");
        }
        if (second is not null)
        {
            names.Add($"\"prs_SecondName\": {JsonSerializer.Serialize(second)}");
        }
        if (original is not null)
        {
            names.Add($"\"nameInOriginalScript\": {JsonSerializer.Serialize(original)}");
        }
        return $$"""
            {
              "format": "lantern-case/1",
              "case": { "reference": "{{reference}}", "cas_Status": "Active", "openedOn": "2026-03-14" },
              "persons": [ { "key": "p1", "role": "suspect", {{string.Join(", ", names)}}, "prs_Gender": "Masculine" } ]
            }
            """;
    }
}
