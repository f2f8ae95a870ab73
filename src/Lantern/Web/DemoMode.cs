namespace Lantern.Web;

/// <summary>Whether this installation holds demo data: every page then shows a DEMO banner.</summary>
public sealed class DemoMode
{
    public bool Enabled { get; set; }
}
