namespace Lantern.Core.Features.Screening;

/// <summary>
/// When one dimension is positive (ilo_indicators_rule.md 3a, from the secondary source, attributed to WCMS_105023 p.3):
/// two strong; or one strong plus one medium or weak; or three medium; or two medium plus one weak.
/// Weak indicators alone, one strong alone, and two medium alone are never enough.
/// </summary>
public static class DimensionRule
{
    public const string Requirement = "needs two strong, one strong plus one medium or weak, three medium, or two medium plus one weak";

    public static bool IsPositive(int strong, int medium, int weak) =>
        strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);

    /// <summary>The first of the four sub-rules the counts meet, in words; null when none is met.</summary>
    public static string? SubRuleMet(int strong, int medium, int weak) =>
        strong >= 2 ? "two strong"
        : strong >= 1 && medium + weak >= 1 ? "one strong plus one medium or weak"
        : medium >= 3 ? "three medium"
        : medium >= 2 && weak >= 1 ? "two medium plus one weak"
        : null;
}
