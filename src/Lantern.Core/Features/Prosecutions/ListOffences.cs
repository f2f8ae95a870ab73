using System.Globalization;
using System.Text.Json.Serialization;
using Lantern.Core.Common;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Prosecutions;

/// <summary>
/// The offence catalogue as rows: every version, or only those in force on a date. Any case worker may read the law;
/// the CLI, which has no actor for reading reference data, calls <see cref="Rows"/> directly.
/// </summary>
public static class ListOffences
{
    /// <summary>One offence version; nulls are written (not omitted) because null means "not stated in the sources".</summary>
    public sealed record Row(
        string Instrument,
        string Section,
        string Title,
        IReadOnlyList<string> Elements,
        DateOnly EffectiveFrom,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PenaltyRange? ImprisonmentMonths,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PenaltyRange? FineRupees,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PenaltyMode,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PenaltyNote,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Cognizable,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Bailable,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? InvestigatingAgency,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Court,
        string Verification,
        string Source,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Compoundable,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CompoundableVerification);

    public static IReadOnlyList<Row> Rows(OffenceCatalogue catalogue, DateOnly? on) =>
        (on is { } date ? catalogue.InForce(date) : catalogue.Versions)
            .Select(v => new Row(v.Instrument, v.Section, v.Title, v.Elements, v.EffectiveFrom, v.ImprisonmentMonths, v.FineRupees, v.PenaltyMode,
                v.PenaltyNote, v.Cognizable, v.Bailable, v.InvestigatingAgency, v.Court, v.Verification, v.Source, v.Compoundable, v.CompoundableVerification))
            .ToList();

    /// <summary>Parses an optional YYYY-MM-DD date; an error names <paramref name="field"/>.</summary>
    public static DateOnly? ParseDate(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ValidationException(field, $"'{value}' is not a date; use YYYY-MM-DD.");

    public sealed class Handler
    {
        internal Handler()
        {
        }

#pragma warning disable CA1822 // an instance method, like every handler, so the front doors resolve it the same way
        public IReadOnlyList<Row> Handle(Actor actor, string? on)
#pragma warning restore CA1822
        {
            actor.Require(Permissions.CasesRead);
            return Rows(OffenceCatalogue.Bundled, ParseDate(on, "on"));
        }
    }
}
