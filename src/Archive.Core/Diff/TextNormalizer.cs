using System.Text;

namespace Archive.Diff;

/// <summary>
/// Brings text to the form in which two renderings of the same words compare equal: Unicode NFKC (full-width
/// letters, digits and punctuation become their ordinary forms), every kind of white space folded to one space,
/// zero-width characters and soft hyphens removed.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(composed.Length);
        var space = false;
        foreach (var c in composed)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
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
