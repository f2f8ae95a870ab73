using System.Globalization;
using System.Text;

namespace Lantern.Core.Features.Linkage;

/// <summary>
/// Latin spellings for names written in Urdu (or Arabic, Persian, Pashto) script. A name is kept as typed; this gives
/// the spelling Lantern shows beside it and indexes for search, so "نسرین اختر" is found by "Nasreen Akhtar" and the
/// other way round. A token the name knowledge knows takes its usual Pakistani spelling (محمد → Muhammad); any other
/// token is spelled out letter by letter. Urdu leaves short vowels unwritten, so a spelled-out token is a reading, not
/// the only one: "a" is supplied between the first two consonants and between the last two. Search compares the
/// consonants only (<see cref="Security.NameTokens.PhoneticKey"/>), where the reading does not matter.
/// </summary>
public static class Transliteration
{
    /// <summary>True when the text has at least one Arabic-script letter.</summary>
    public static bool HasArabicScript(string? text) => text is not null && text.Any(NameKnowledge.IsArabicScript);

    /// <summary>
    /// The name with every Arabic-script word spelled in Latin letters, each word capitalised; Latin words are kept.
    /// Null when the name has no Arabic-script letter.
    /// </summary>
    public static string? ToLatin(string? name)
    {
        if (!HasArabicScript(name))
        {
            return null;
        }
        var words = new List<string>();
        foreach (var word in name!.Split([' ', '\t', '\u200C', '-', '\u060C', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = WordToLatin(word);
            if (latin.Length > 0)
            {
                words.Add(latin);
            }
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>One word in Latin letters, capitalised; a Latin word is returned as it is.</summary>
    public static string WordToLatin(string word)
    {
        if (!HasArabicScript(word))
        {
            return word;
        }
        var folded = NameKnowledge.NormaliseArabic(word);
        var known = NameKnowledge.Bundled.LatinSpelling(folded);
        var latin = known ?? SpellOut(word);
        return latin.Length == 0 ? "" : char.ToUpperInvariant(latin[0]) + latin[1..];
    }

    /// <summary>The letter-by-letter reading of one Arabic-script word, lower case.</summary>
    internal static string SpellOut(string word)
    {
        var letters = Letters(word);
        var units = new List<(string Text, bool Consonant)>(letters.Count + 2);
        for (var i = 0; i < letters.Count; i++)
        {
            var c = letters[i];
            var previous = i > 0 ? letters[i - 1] : '\0';
            var next = i + 1 < letters.Count ? letters[i + 1] : '\0';
            var first = i == 0;
            var last = i == letters.Count - 1;
            switch (c)
            {
                case 'ا':
                    units.Add((first && next == 'ی' ? "i" : first && next == 'و' ? "o" : "a", false));
                    if (first && next is 'ی' or 'و')
                    {
                        i++;
                    }
                    break;
                case 'آ':
                    units.Add(("a", false));
                    break;
                case 'ع':
                    // Ali (علی), Saeed (سعید), Shuja (شجاع): a vowel sound, or silent at the end after a vowel.
                    if (!(last && units.Count > 0 && !units[^1].Consonant))
                    {
                        units.Add(("a", false));
                    }
                    break;
                case 'و':
                    if (!first && next == 'ا' && i + 2 < letters.Count && letters[i + 2] == 'ل')
                    {
                        // The article joined to a word: ذوالفقار Zulfiqar reads "ul", the alif silent.
                        units.Add(("u", false));
                        i++;
                    }
                    else if (first || next is 'ا' or 'ی')
                    {
                        units.Add(("w", true));
                    }
                    else
                    {
                        units.Add((last ? "o" : "oo", false));
                    }
                    break;
                case 'ی':
                    if (first || next is 'ا' or 'و')
                    {
                        units.Add(("y", true));
                    }
                    else
                    {
                        units.Add((last ? "i" : "ee", false));
                    }
                    break;
                case 'ے':
                    units.Add(("e", false));
                    break;
                case 'ہ':
                    // A final ہ after a consonant is the vowel of Fatima (فاطمہ), Aisha (عائشہ).
                    if (last && !first && previous is not 'ا' and not 'و' and not 'ی')
                    {
                        units.Add(("a", false));
                    }
                    else
                    {
                        units.Add(("h", true));
                    }
                    break;
                case 'ھ':
                    // The aspiration of the letter before it: بھ bh, کھ kh, پھ ph.
                    if (units.Count > 0 && units[^1].Consonant && !units[^1].Text.EndsWith('h'))
                    {
                        units[^1] = (units[^1].Text + "h", true);
                    }
                    else
                    {
                        units.Add(("h", true));
                    }
                    break;
                case 'ئ':
                    units.Add(("i", false));
                    break;
                case '\u064E':
                    units.Add(("a", false));
                    break;
                case '\u0650':
                    units.Add(("i", false));
                    break;
                case '\u064F':
                    units.Add(("u", false));
                    break;
                case '\u0651':
                    if (units.Count > 0 && units[^1].Consonant)
                    {
                        units.Add((units[^1].Text[^1..], true));
                    }
                    break;
                default:
                    if (Consonant(c) is { } consonant)
                    {
                        units.Add((consonant, true));
                    }
                    break;
            }
        }
        return Voice(units);
    }

    // Supplies the unwritten short vowel between the first two consonants (Nasreen, Rahim) and between the last two
    // (Akhtar, Aslam); a written vowel mark (zabar, zer, pesh) has already put one there.
    private static string Voice(List<(string Text, bool Consonant)> units)
    {
        var b = new StringBuilder();
        for (var i = 0; i < units.Count; i++)
        {
            b.Append(units[i].Text);
            var betweenConsonants = units[i].Consonant && i + 1 < units.Count && units[i + 1].Consonant;
            if (betweenConsonants && (i == 0 || i + 2 == units.Count))
            {
                b.Append('a');
            }
        }
        return b.ToString();
    }

    private static List<char> Letters(string word)
    {
        var letters = new List<char>(word.Length);
        foreach (var raw in word.Normalize(NormalizationForm.FormC))
        {
            var c = raw switch
            {
                'أ' or 'إ' or 'ٱ' => 'ا',
                'ي' or 'ى' or 'ې' or 'ۍ' => 'ی',
                'ك' or 'ګ' => 'ک',
                'ه' or 'ۀ' or 'ۃ' or 'ة' => 'ہ',
                'ؤ' => 'و',
                _ => raw,
            };
            var vowelMark = c is '\u064E' or '\u0650' or '\u064F' or '\u0651';
            if (vowelMark || CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark and not UnicodeCategory.Format)
            {
                letters.Add(c);
            }
        }
        return letters;
    }

    private static string? Consonant(char c) => c switch
    {
        'ب' => "b",
        'پ' => "p",
        'ت' or 'ٹ' or 'ط' => "t",
        'ث' or 'س' or 'ص' => "s",
        'ج' => "j",
        'چ' => "ch",
        'ح' => "h",
        'خ' => "kh",
        'د' or 'ڈ' => "d",
        'ذ' or 'ز' or 'ض' or 'ظ' => "z",
        'ر' or 'ڑ' => "r",
        'ژ' => "zh",
        'ش' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ک' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' or 'ں' => "n",
        _ => null,
    };
}
