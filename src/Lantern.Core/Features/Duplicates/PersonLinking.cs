using System.Text.Json;
using Lantern.Core.Common;
using Lantern.Core.Features.Linkage;
using Lantern.Core.Features.People;

namespace Lantern.Core.Features.Duplicates;

/// <summary>Why two person records were proposed: each field's level and weight, the term-frequency adjustment, the probability.</summary>
public sealed record PairExplanation(double PriorWeight, IReadOnlyList<FieldLevel> Fields, double MatchWeight, double Probability, string Method);

/// <summary>One field of an explanation (weights in bits). No value of either record, only how they compare.</summary>
public sealed record FieldLevel(string Field, string Level, double Weight, double TermFrequencyAdjustment);

/// <summary>
/// Person records as linkage records (a fixed set of columns, so a stored model fits later records), the stored
/// model, and scoring of a few pairs with it. The engine itself (<see cref="RecordLinkage"/>) is used as it is.
/// </summary>
internal static class PersonLinking
{
    /// <summary>Recorded with every pair and decision: which algorithm and column layout produced the score.</summary>
    public const string AlgorithmVersion = "lantern-linkage/1";

    public const double Threshold = 0.5;

    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly LinkageColumn[] Columns =
    [
        new("given_name", LinkageField.GivenName),
        new("family_name", LinkageField.FamilyName),
        new("original_script_name", LinkageField.FullName),
        new("alias", LinkageField.Other),
        new("birth_date", LinkageField.BirthDate),
        new("sex", LinkageField.Sex),
        new("phone", LinkageField.Phone),
        new("cnic", LinkageField.NationalId),
        new("passport", LinkageField.Passport),
        new("address", LinkageField.Address),
        new("city", LinkageField.Locality),
        new("province", LinkageField.Region),
    ];

    /// <summary>A dataset of the persons, each record's id its person id. Values are decrypted plaintext in memory only.</summary>
    public static LinkageDataset Dataset(IEnumerable<Person> persons)
    {
        var dataset = new LinkageDataset(Columns);
        foreach (var p in persons)
        {
            dataset.Add(0, p.Id.Value.ToString(), Values(p));
        }
        return dataset;
    }

    private static string?[] Values(Person p)
    {
        string? Document(params DocumentType[] types) =>
            p.Documents.OrderBy(d => d.Id).FirstOrDefault(d => types.Contains(d.Type)) is { } d ? DocumentNumber.Normalise(d.Number) : null;
        var given = string.Join(' ', new[] { p.FirstName, p.MiddleName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return
        [
            given.Length == 0 ? null : given,
            p.SecondName,
            p.NameInOriginalScript,
            p.Aliases.OrderBy(a => a.Id).FirstOrDefault()?.Value,
            p.BirthDate,
            p.Gender switch
            {
                Gender.Feminine or Gender.TransgenderFeminine => "f",
                Gender.Masculine or Gender.TransgenderMasculine => "m",
                _ => null,
            },
            p.MobilePhone ?? p.HomePhone,
            Document(DocumentType.CNIC, DocumentType.NICOP),
            Document(DocumentType.Passport),
            p.MailingStreet,
            p.MailingCity,
            p.MailingState,
        ];
    }

    public static PairExplanation Explain(LinkExplanation e) =>
        new(e.PriorWeight, [.. e.Fields.Select(f => new FieldLevel(f.Column, f.Level, f.Weight, f.TermFrequencyAdjustment))], e.MatchWeight, e.Probability, "full run");

    public static string ToJson(PairExplanation e) => JsonSerializer.Serialize(e, Json);

    public static PairExplanation? FromJson(string json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PairExplanation>(json, Json);

    /// <summary>The trained parameters of a full run, by column and level.</summary>
    public sealed record StoredModel(double Prior, IReadOnlyList<StoredColumn> Columns);

    public sealed record StoredColumn(string Name, IReadOnlyList<string> Levels, IReadOnlyList<double> M, IReadOnlyList<double> U);

    public static StoredModel Store(LinkageModel model) =>
        new(model.Prior, [.. model.Comparisons.Select((c, i) => new StoredColumn(c.Column.Name, c.Levels, [.. model.M[i]], [.. model.U[i]]))]);

    /// <summary>
    /// Scores record <paramref name="record"/> against each of <paramref name="others"/> in <paramref name="dataset"/>
    /// with a stored model: levels from the engine's comparators, weights log2(m/u) from the full run. Values are
    /// not frequent in a handful of records, so no term-frequency adjustment is made (the next full run makes it).
    /// </summary>
    public static IEnumerable<(int Other, PairExplanation Explanation)> Score(StoredModel model, LinkageDataset dataset, int record, IEnumerable<int> others)
    {
        var comparisons = new List<Comparison>();
        for (var c = 0; c < dataset.Columns.Count; c++)
        {
            var raw = new string?[dataset.Count];
            for (var r = 0; r < raw.Length; r++)
            {
                raw[r] = dataset.Value(r, c);
            }
            comparisons.Add(Comparison.For(dataset.Columns[c], raw, NameKnowledge.Bundled));
        }
        var prior = Math.Log2(model.Prior / (1 - model.Prior));
        foreach (var other in others)
        {
            var weight = prior;
            var fields = new List<FieldLevel>();
            foreach (var comparison in comparisons)
            {
                var stored = model.Columns.FirstOrDefault(s => s.Name == comparison.Column.Name);
                var level = comparison.Level(record, other);
                if (stored is null || level < 0 || level >= stored.M.Count)
                {
                    fields.Add(new FieldLevel(comparison.Column.Name, "missing", 0, 0));
                    continue;
                }
                var w = Math.Log2(stored.M[level] / stored.U[level]);
                weight += w;
                fields.Add(new FieldLevel(comparison.Column.Name, stored.Levels[level], w, 0));
            }
            yield return (other, new PairExplanation(prior, fields, weight, LinkageModel.Probability(weight), "incremental"));
        }
    }
}
