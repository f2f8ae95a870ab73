namespace Lantern.Core.Features.Intelligence;

/// <summary>An intelligence item with its grading ("B2 · H1") and what each part means.</summary>
public sealed record IntelligenceItemView(
    Guid Id, Guid CaseId, string Label, string Text, string Grading, string SourceReliability, int InformationAccuracy, string HandlingCode,
    string SourceMeaning, string AccuracyMeaning, string HandlingMeaning, string? HandlingConditions, bool MayLeaveOrganisation,
    string RecordedBy, DateTime RecordedAt);

public sealed record IntelligenceList(Guid CaseId, string CaseReference, IReadOnlyList<IntelligenceItemView> Items, bool CanAdd);

/// <summary>One code and its meaning, for forms and help.</summary>
public sealed record GradingCode(string Code, string Meaning);

internal static class IntelligenceProjection
{
    public static IntelligenceItemView ToView(IntelligenceItem i) => new(
        i.Id, i.CaseId.Value, i.Label, i.Text, i.Grading, i.Source.ToString(), (int)i.Accuracy, i.Handling.ToString(),
        IntelligenceGrading.Meaning(i.Source), IntelligenceGrading.Meaning(i.Accuracy), IntelligenceGrading.Meaning(i.Handling),
        i.HandlingConditions, i.MayLeaveOrganisation, i.RecordedBy, i.RecordedAt);

    public static IReadOnlyList<GradingCode> SourceCodes { get; } = Enum.GetValues<SourceReliability>().Select(s => new GradingCode(s.ToString(), IntelligenceGrading.Meaning(s))).ToList();

    public static IReadOnlyList<GradingCode> AccuracyCodes { get; } = Enum.GetValues<InformationAccuracy>().Select(a => new GradingCode(((int)a).ToString(System.Globalization.CultureInfo.InvariantCulture), IntelligenceGrading.Meaning(a))).ToList();

    public static IReadOnlyList<GradingCode> HandlingCodes { get; } = Enum.GetValues<HandlingCode>().Select(h => new GradingCode(h.ToString(), IntelligenceGrading.Meaning(h))).ToList();
}
