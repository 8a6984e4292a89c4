using System.Text;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// Brings text to the form in which two renderings of the same words compare equal: Unicode NFKC (full-width
/// letters, digits and punctuation become their ordinary forms), every kind of white space folded to one space,
/// zero-width characters and soft hyphens removed.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) =>
        Whitespace.Fold(text.Normalize(NormalizationForm.FormKC), char.IsWhiteSpace, IsInvisible);

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';
}
