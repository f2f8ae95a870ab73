namespace Lantern.Core.Features.Screening;

/// <summary>
/// The answers of one indicator-based assessment. <see cref="Yes"/> and <see cref="Unknown"/> name indicators of the
/// chosen list; every other indicator of the list counts as answered no. An indicator is named by its text, or as
/// <c>"dimension: text"</c>, which is required when the text appears in more than one dimension of the list
/// (e.g. "Violence on victims" at recruitment and at destination are different facts). Case and repeated spaces are ignored.
/// </summary>
public sealed record AssessmentAnswers(
    Population Population,
    Exploitation Exploitation,
    IReadOnlyCollection<string> Yes,
    IReadOnlyCollection<string> Unknown);

/// <summary>
/// One dimension's outcome. The counts are the yes answers that count (strength strong, medium or weak);
/// <see cref="Because"/> names them, the sub-rule met or what is missing, the unknown answers that could make it
/// positive, and the yes answers not counted because their strength is unverified.
/// </summary>
public sealed record DimensionResult(string Name, bool Positive, int Strong, int Medium, int Weak, string Because);

/// <summary>
/// The outcome of an assessment: an "indicator-based assessment (ILO/EC 2009)", not a legal identification.
/// <see cref="Yes"/> and <see cref="Unknown"/> are the answers resolved to catalogue rows (store
/// <see cref="Indicator.Reference"/> to replay them); <see cref="CatalogueVersion"/> and <see cref="RuleSet"/> say
/// exactly which weights and which combination rule decided.
/// </summary>
public sealed record AssessmentResult(
    Population Population,
    Exploitation Exploitation,
    bool Indicated,
    IReadOnlyList<string> PositiveDimensions,
    IReadOnlyList<DimensionResult> Dimensions,
    string Rule,
    bool UnknownAnswersCouldIndicate,
    string RuleSet,
    string CatalogueVersion,
    IReadOnlyList<Indicator> Yes,
    IReadOnlyList<Indicator> Unknown);
