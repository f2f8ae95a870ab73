using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Lantern.Integration.Tests.Web;

/// <summary>
/// The browser library Lantern serves is the one web/package-lock.json pins (docs/decisions/0013-network-view.md):
/// scripts/update-web-libs copies it, and nobody edits the copy by hand.
/// </summary>
public sealed class VendoredLibraryTests
{
    [Fact]
    public void Cytoscape_VendoredCopy_IsThePinnedVersion_WithItsLicence()
    {
        var root = Root();
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "web", "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "web", "package-lock.json")));
        var pinned = package.RootElement.GetProperty("dependencies").GetProperty("cytoscape").GetString();
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/cytoscape").GetProperty("version").GetString();
        var folder = Path.Combine(root, "src", "Lantern", "wwwroot", "lib", "cytoscape");
        var script = File.ReadAllText(Path.Combine(folder, "cytoscape.min.js"));
        var served = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "cytoscape", "cytoscape.min.js"));

        Assert.Equal(pinned, locked);
        Assert.Equal(pinned, File.ReadAllText(Path.Combine(folder, "VERSION")).Trim());
        Assert.Contains($"\"{pinned}\"", script, StringComparison.Ordinal);
        Assert.Contains("MIT", File.ReadAllText(Path.Combine(folder, "LICENSE")), StringComparison.Ordinal);
        Assert.Equal(script, served);
    }

    private static string Root([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Lantern.slnx")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("The repository root was not found above " + here);
    }
}
