using System.Globalization;
using System.Text;
using Lantern.Core.Features.Linkage;

namespace Lantern.Core.Features.Watchlists;

/// <summary>
/// How much agreement on a name token is worth, from how often the token's transliteration group occurs in the
/// bundled name frequencies (<c>Reference/token-frequencies.tsv</c>, see its README): Muhammad, Ali and Khan weigh
/// little, a rare family name weighs 1. The shape is w = 1 - 0.8 ln(1+f) / ln(1+f_max), so no token weighs less
/// than 0.2 and no list of "generic names" is written in code.
/// </summary>
public sealed class NameWeights
{
    private const string Resource = "Lantern.Core.Features.Watchlists.Reference.token-frequencies.tsv";
    private static readonly Lazy<NameWeights> BundledWeights = new(() => Load(NameKnowledge.Bundled));

    private readonly Dictionary<string, double> _tokenCounts;
    private readonly double[] _groupCounts;
    private readonly double _logMax;

    private NameWeights(NameKnowledge knowledge, Dictionary<string, double> tokenCounts)
    {
        _tokenCounts = tokenCounts;
        _groupCounts = new double[knowledge.GroupCount];
        foreach (var (token, count) in tokenCounts)
        {
            var g = knowledge.Group(token);
            if (g >= 0)
            {
                _groupCounts[g] += count;
            }
        }
        var max = Math.Max(_groupCounts.DefaultIfEmpty(0).Max(), tokenCounts.Values.DefaultIfEmpty(1).Max());
        _logMax = Math.Log(1 + max);
    }

    public static NameWeights Bundled => BundledWeights.Value;

    /// <summary>The number of occurrences behind a token's weight (its group's when it has one).</summary>
    public double Frequency(string token, int group) =>
        group >= 0 && group < _groupCounts.Length && _groupCounts[group] > 0
            ? _groupCounts[group]
            : _tokenCounts.GetValueOrDefault(token);

    /// <summary>The weight in [0.2, 1] of a normalised token with its transliteration group (-1 for none).</summary>
    public double Weight(string token, int group) => 1 - (0.8 * Math.Log(1 + Frequency(token, group)) / _logMax);

    private static NameWeights Load(NameKnowledge knowledge)
    {
        using var stream = typeof(NameWeights).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("The name frequencies are not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            counts[line[..tab]] = double.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }
        return new NameWeights(knowledge, counts);
    }
}
