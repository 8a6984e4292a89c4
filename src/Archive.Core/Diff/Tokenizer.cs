using System.Globalization;
using System.Text;

namespace Archive.Diff;

/// <summary>One unit the token diff compares.</summary>
/// <param name="Start">Where the token starts in the text it came from.</param>
/// <param name="Length">How many UTF-16 units it spans there, soft hyphens and zero-width characters inside it included.</param>
/// <param name="Key">What it compares as: the token after <see cref="TextNormalizer.NormalizeToken"/>.</param>
public readonly record struct Token(int Start, int Length, string Key)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into tokens by script: a word for scripts that separate words with spaces (Latin, Cyrillic, Greek,
/// Arabic…), one grapheme cluster for scripts that do not (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar), so that a
/// one-character edit in Chinese is a one-token edit; every punctuation mark or symbol is a token of its own.
/// White space separates tokens and belongs to none.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Turns a token as written into what it compares as (<see cref="TextNormalizer.NormalizeToken"/>, or a memo of it).</summary>
    public delegate string KeyOf(ReadOnlySpan<char> token);

    public static Token[] Tokenize(string text) => Tokenize(text, TextNormalizer.NormalizeToken);

    public static Token[] Tokenize(string text, KeyOf keyOf)
    {
        var tokens = new List<Token>(text.Length / 4 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || TextNormalizer.IsInvisible(c))
            {
                i++;
                continue;
            }

            int length;
            if (IsUnspacedScript(text, i))
            {
                // Most ideographs stand alone: only look for a longer grapheme cluster when something could join on.
                length = IsStandalone(text, i) ? 1 : StringInfo.GetNextTextElementLength(text.AsSpan(i));
            }
            else if (IsWordPart(text, i))
            {
                length = WordLength(text, i);
            }
            else
            {
                length = StringInfo.GetNextTextElementLength(text.AsSpan(i));
            }

            length = Math.Max(1, length);
            tokens.Add(new Token(i, length, keyOf(text.AsSpan(i, length))));
            i += length;
        }

        return [.. tokens];
    }

    private static bool IsStandalone(string text, int i) =>
        !char.IsSurrogate(text[i])
        && (i + 1 >= text.Length || text[i + 1] is var next && (next < '\u0300' || (next >= '\u3000' && next <= '\u9FFF' && next is not ('\u3099' or '\u309A'))));

    private static int WordLength(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (IsWordPart(text, i) && !IsUnspacedScript(text, i))
            {
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }
            else if (TextNormalizer.IsInvisible(text[i]) && i + 1 < text.Length && IsWordPart(text, i + 1))
            {
                // A soft hyphen or zero-width joiner inside a word leaves it one word.
                i++;
            }
            else if (IsJoiner(text[i]) && i > start && i + 1 < text.Length && JoinsAround(text, i))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i - start;
    }

    // "don't", "l’état", "3.5", "1,000": punctuation between two letters or two digits stays inside the word.
    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '.' or ',' or '-' or '\u2010' or '\u2011';

    private static bool JoinsAround(string text, int i)
    {
        var before = text[i - 1];
        var after = text[i + 1];
        return text[i] is '.' or ','
            ? char.IsDigit(before) && char.IsDigit(after)
            : char.IsLetter(before) && char.IsLetter(after) && !IsUnspacedScript(text, i + 1);
    }

    private static bool IsWordPart(string text, int i)
    {
        var category = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>Whether the character at <paramref name="i"/> belongs to a script written without spaces between words.</summary>
    public static bool IsUnspacedScript(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            // Planes 2 and 3 hold only CJK ideographs (extensions B onwards).
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.ConvertToUtf32(c, text[i + 1]) is >= 0x20000 and <= 0x3FFFF;
        }

        return c switch
        {
            >= '\u0E00' and <= '\u0EFF' => true, // Thai, Lao
            >= '\u1000' and <= '\u109F' => true, // Myanmar
            >= '\u1100' and <= '\u11FF' => true, // Hangul Jamo
            >= '\u1780' and <= '\u17FF' => true, // Khmer
            >= '\u2E80' and <= '\u2FDF' => true, // CJK radicals, Kangxi radicals
            >= '\u3005' and <= '\u3007' => true, // 々 〆 〇
            >= '\u3040' and <= '\u30FF' => true, // Hiragana, Katakana
            >= '\u3100' and <= '\u31FF' => true, // Bopomofo, Hangul compatibility Jamo, Katakana extensions
            >= '\u3400' and <= '\u4DBF' => true, // CJK extension A
            >= '\u4E00' and <= '\u9FFF' => true, // CJK unified ideographs
            >= '\uA960' and <= '\uA97F' => true, // Hangul Jamo extended A
            >= '\uAC00' and <= '\uD7FF' => true, // Hangul syllables, Jamo extended B
            >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
            >= '\uFF66' and <= '\uFFDC' => true, // half-width Katakana and Hangul
            _ => false,
        };
    }

    /// <summary>The text spanned by tokens [<paramref name="from"/>, <paramref name="to"/>) together with the space after each but the last.</summary>
    public static string Span(string text, Token[] tokens, int from, int to)
    {
        if (from >= to)
        {
            return string.Empty;
        }

        var start = tokens[from].Start;
        var end = to < tokens.Length ? tokens[to].Start : tokens[to - 1].End;
        return text[start..end];
    }

    internal static string Keys(Token[] tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            sb.Append(token.Key).Append(' ');
        }

        return sb.ToString();
    }
}
