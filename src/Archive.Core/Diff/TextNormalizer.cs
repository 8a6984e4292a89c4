using System.Net;
using System.Text;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// Brings text to the form in which two renderings of the same words compare equal: HTML entities left as text
/// decoded, Unicode NFKC (full-width letters, digits and punctuation become their ordinary forms, half-width kana
/// its full-width forms), typographic quotes, dashes and ideographic punctuation folded to one form each, every
/// kind of white space folded to one space, zero-width characters and soft hyphens removed. What differs only
/// before this step is a cosmetic change.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = FoldPunctuation(DecodeEntities(text).Normalize(NormalizationForm.FormKC));
        return Whitespace.Fold(folded, char.IsWhiteSpace, IsInvisible);
    }

    /// <summary>The comparison key of one token: the token's text normalised, without the invisible characters inside it.</summary>
    public static string NormalizeToken(ReadOnlySpan<char> token)
    {
        if (token.Length == 1 && IsNormalIdeograph(token[0]))
        {
            // A Chinese text is one token per character: no normalisation to do, and one string per character.
            return SingleCharacters[token[0] - FirstIdeograph] ??= token.ToString();
        }

        var ascii = true;
        foreach (var c in token)
        {
            if (c >= 0x80)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return token.ToString();
        }

        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (!IsInvisible(c))
            {
                sb.Append(c);
            }
        }

        return FoldPunctuation(sb.ToString().Normalize(NormalizationForm.FormKC));
    }

    /// <summary>
    /// Decodes entities that reached the text undecoded (<c>&amp;amp;nbsp;</c> in a feed's double-escaped body, say),
    /// so that they compare as the characters they stand for.
    /// </summary>
    public static string DecodeEntities(string text) =>
        text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;

    // CJK unified ideographs and extension A, Hiragana and Katakana letters, Hangul syllables: NFKC leaves them as they are.
    private const char FirstIdeograph = '\u3041';

    private static readonly string?[] SingleCharacters = new string?['\uD7A4' - FirstIdeograph];

    private static bool IsNormalIdeograph(char c) => c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3');

    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static string FoldPunctuation(string text)
    {
        if (!text.AsSpan().ContainsAny(Typographic))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u300C' or '\u300D' or '\u300E' or '\u300F' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u3001' => ',',
                '\u3002' => '.',
                var c => c,
            };
        }

        return new string(chars);
    }

    private static readonly System.Buffers.SearchValues<char> Typographic = System.Buffers.SearchValues.Create(
        "\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u300C\u300D\u300E\u300F\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u3001\u3002");
}
