using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Security;

namespace Lantern.Core.Features.Tips;

/// <summary>
/// The reporter's secret phrase: five words drawn uniformly from a bundled list (Reference/tips/phrase-words.txt,
/// about 40 bits), stored only as a slow PBKDF2 hash (<see cref="PasswordHasher"/>). With the tip number it lets the
/// reporter add information later without an account.
/// </summary>
public static class TipPhrase
{
    public const int Words = 5;

    private static readonly Lazy<string[]> List = new(() =>
    {
        using var stream = typeof(TipPhrase).Assembly.GetManifestResourceStream("Lantern.Core.Reference.tips.phrase-words.txt")
            ?? throw new InvalidOperationException("The phrase word list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                words.Add(line.Trim());
            }
        }
        return words.Distinct(StringComparer.Ordinal).ToArray();
    });

    public static int ListSize => List.Value.Length;

    public static string New() => string.Join(' ', Enumerable.Range(0, Words).Select(_ => List.Value[RandomNumberGenerator.GetInt32(List.Value.Length)]));

    /// <summary>Lower case, words separated by one space, whatever the reporter typed between them (spaces, hyphens, dots).</summary>
    public static string Normalise(string? phrase) =>
        string.Join(' ', (phrase ?? "").ToLowerInvariant().Split([' ', '-', '.', ',', '\t', '\n', '\r', '_'], StringSplitOptions.RemoveEmptyEntries));

    public static string Hash(string phrase) => PasswordHasher.Hash(Normalise(phrase));

    /// <summary>Checks a phrase; with no stored hash (an unknown tip number) it costs the same time and answers false.</summary>
    public static bool Verify(string? phrase, string? stored) => PasswordHasher.Verify(Normalise(phrase), stored);
}
