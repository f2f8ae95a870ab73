using System.Net;
using System.Text;
using Lantern.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lantern.Integration.Tests.Security;

/// <summary>
/// After storing a person with a unique name and CNIC, neither string occurs in any file under the data folder
/// (database, WAL, key ring, logs), nor in any log line; yet search by both still finds the case.
/// </summary>
public sealed class EncryptionAtRestTests : IAsyncLifetime
{
    private LanternServer _server = null!;

    public async Task InitializeAsync() => _server = await LanternServer.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task StoredIdentity_AppearsInNoFileAndNoLogLine_ButIsSearchable()
    {
        var name = "Qzvarnoldeep";
        var surname = "Xyphlontaar";
        var cnic = "42301-9876543-7";
        var phone = "+923459871236";
        var note = "Witness statement mentions the Vrellhouse brick kiln";
        var json = CaseDocuments.Victim("ENC-0001", name, surname, cnic, phone);
        using (var created = await _server.PostJsonAsync(Persona.InvestigatorA, "/api/v1/cases", json))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            using var noted = await _server.PostJsonAsync(Persona.InvestigatorA, $"/api/v1/cases/{id}/notes", $"{{\"text\":\"{note}\"}}");
            Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        }

        // Search works through the blind indexes (exact CNIC, phone, and a misspelt name).
        using var client = _server.Client(Persona.InvestigatorA);
        foreach (var query in new[] { cnic, cnic.Replace("-", "", StringComparison.Ordinal), phone, "Qzvarnoldip Xyphlontar" })
        {
            var page = await client.GetStringAsync(new Uri("/api/v1/cases?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            Assert.Contains("ENC-0001", page, StringComparison.Ordinal);
        }

        var secrets = new[] { name, surname, cnic, cnic.Replace("-", "", StringComparison.Ordinal), phone, "Vrellhouse" };
        var files = Directory.EnumerateFiles(_server.Database.DataFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("lantern.db-wal", StringComparison.Ordinal) || f.EndsWith("lantern.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in secrets)
            {
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"'{secret}' found in {Path.GetFileName(file)}");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"'{secret}' (UTF-16) found in {Path.GetFileName(file)}");
            }
        }
        foreach (var line in _server.Logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.NotEmpty(_server.Logs.Lines);
    }

    [Fact]
    public async Task ProtectedColumns_HoldVersionedCiphertext()
    {
        await _server.ImportAsync(CaseDocuments.Victim("ENC-0002"));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_server.Database.DataFolder, "lantern.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT FirstName, BirthDate, MobilePhone FROM persons WHERE FirstName IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < 3; i++)
            {
                if (!reader.IsDBNull(i))
                {
                    Assert.StartsWith("v1:", reader.GetString(i), StringComparison.Ordinal);
                }
            }
        }
        Assert.True(rows >= 2);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
