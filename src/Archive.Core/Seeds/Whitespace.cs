using System.Text;

namespace Archive.Seeds;

/// <summary>HTML's notion of white space (ASCII only: U+00A0 and U+3000 are text a reader sees), and folding runs of it.</summary>
public static class Whitespace
{
    public static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>Folds runs of HTML white space into one space and trims the ends, as rendering does.</summary>
    public static string Collapse(string text) => Fold(text, IsHtmlSpace, static _ => false);

    /// <summary>Folds runs of what <paramref name="isSpace"/> calls space into one space, trims the ends, and drops what <paramref name="drop"/> names.</summary>
    public static string Fold(string text, Func<char, bool> isSpace, Func<char, bool> drop)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (drop(c))
            {
                continue;
            }

            if (isSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
