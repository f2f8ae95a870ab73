using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using Lantern.Integration.Tests.Features.Statistics;
using Lantern.Integration.Tests.Infrastructure;

namespace Lantern.Integration.Tests.Features.Reports;

/// <summary>XLSX downloads beside the statistics CSVs, read back: the same published (suppressed) figures as the CSV.</summary>
public sealed class SpreadsheetExportTests : IAsyncLifetime
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private LanternServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LanternServer.StartAsync(Provider.Sqlite);
        await StatisticsData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? MediaType, byte[] Body)> GetAsync(Persona persona, string path)
    {
        using var client = _server.Client(persona);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<List<string>> Sheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var xml = XDocument.Load(sheet);
        Assert.Empty(xml.Descendants(Main + "f"));
        return [.. xml.Descendants(Main + "row").Select(r => r.Elements(Main + "c")
            .Select(c => c.Attribute("t")?.Value == "inlineStr" ? string.Concat(c.Descendants(Main + "t").Select(t => t.Value)) : (string)c.Element(Main + "v")!).ToList())];
    }

    [Theory]
    [InlineData(Persona.AnalystA)]
    [InlineData(Persona.AdministratorA)]
    public async Task GlotipXlsx_AnyPersona_HoldsTheSuppressedFiguresOfTheCsv(Persona persona)
    {
        var (status, mediaType, body) = await GetAsync(persona, "/statistics/glotip?handler=Xlsx&table=sex-age&year=2025");
        var (_, _, csv) = await GetAsync(persona, "/statistics/glotip?handler=Csv&table=sex-age&year=2025");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", mediaType);
        var rows = Sheet(body);
        // Organisation A: six women and one boy; the boy is "<5" and the women withheld so 7 - 6 does not give him away.
        Assert.Equal([["group", "count"], ["women", "x"], ["men", "0"], ["girls", "0"], ["boys", "<5"], ["unknown", "0"]], rows);
        var csvRows = System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',').ToList()).ToList();
        Assert.Equal(csvRows, rows);
    }

    [Fact]
    public async Task OffenderXlsx_Analyst_HasSexByCitizenshipWithTotals()
    {
        var (status, _, body) = await GetAsync(Persona.AnalystA, "/statistics/glotip?handler=Xlsx&table=suspects&year=2025");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Sheet(body);
        Assert.Equal("sex", rows[0][0]);
        Assert.Equal("total", rows[0][^1]);
        Assert.Equal("total", rows[^1][0]);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c == "1");
    }

    [Fact]
    public async Task ProsecutionXlsx_Analyst_HasTheFunnelHeader()
    {
        var (status, mediaType, body) = await GetAsync(Persona.AnalystA, "/statistics/prosecution?handler=Xlsx");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", mediaType);
        Assert.Equal(["year", "organisation", "province", "circle", "offence", "complaints", "firs", "challans", "trials", "convictions"], Sheet(body)[0]);
    }
}
