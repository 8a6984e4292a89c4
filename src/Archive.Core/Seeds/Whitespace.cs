using System.Text;

namespace Archive.Seeds;

/// <summary>HTML's notion of white space (ASCII only: U+00A0 and U+3000 are text a reader sees).</summary>
public static class Whitespace
{
    public static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsHtmlSpace(c))
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
