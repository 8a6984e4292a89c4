using System.Globalization;
using System.Text;

namespace Archive.TestSite;

/// <summary>The edits live pages make to articles, applied to a list of blocks: each returns a new list.</summary>
public static class Drift
{
    /// <summary>Replaces the characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of block <paramref name="index"/>.</summary>
    public static List<LiveBlockSpec> EditCharacters(IReadOnlyList<LiveBlockSpec> blocks, int index, int start, int length, string replacement) =>
        With(blocks, index, blocks[index] with { Text = blocks[index].Text.Remove(start, length).Insert(start, replacement) });

    public static List<LiveBlockSpec> Rewrite(IReadOnlyList<LiveBlockSpec> blocks, int index, string text) =>
        With(blocks, index, blocks[index] with { Text = text });

    public static List<LiveBlockSpec> Delete(IReadOnlyList<LiveBlockSpec> blocks, int index)
    {
        var result = blocks.ToList();
        result.RemoveAt(index);
        return result;
    }

    public static List<LiveBlockSpec> Insert(IReadOnlyList<LiveBlockSpec> blocks, int index, LiveBlockSpec block)
    {
        var result = blocks.ToList();
        result.Insert(index, block);
        return result;
    }

    public static List<LiveBlockSpec> Swap(IReadOnlyList<LiveBlockSpec> blocks, int i, int j)
    {
        var result = blocks.ToList();
        (result[i], result[j]) = (result[j], result[i]);
        return result;
    }

    /// <summary>
    /// Changes that only look different: spaces doubled or made non-breaking, ASCII punctuation made full-width
    /// and Chinese full-width punctuation made ASCII, a zero-width space and a soft hyphen dropped into words.
    /// </summary>
    public static List<LiveBlockSpec> Cosmetic(IReadOnlyList<LiveBlockSpec> blocks) =>
        blocks.Select((b, i) => b with { Text = CosmeticText(b.Text, i) }).ToList();

    private static string CosmeticText(string text, int seed)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c switch
            {
                ' ' when i % 3 == 0 => "\u00A0",
                ' ' when i % 3 == 1 => "  ",
                '，' => ",",
                '：' => ":",
                '（' => "(",
                '）' => ")",
                ',' => "，",
                '!' => "！",
                _ => c.ToString(),
            });

            if (i == text.Length / 2 && char.IsLetter(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                sb.Append(seed % 2 == 0 ? '\u200B' : '\u00AD');
            }
        }

        return sb.ToString();
    }

    /// <summary>Where in a block a few characters can be changed without touching white space or punctuation: the middle of a run of letters.</summary>
    public static int LetterRunMiddle(string text, int length)
    {
        var middle = text.Length / 2;
        for (var offset = 0; offset < text.Length; offset++)
        {
            foreach (var at in new[] { middle + offset, middle - offset })
            {
                if (at >= 0 && at + length <= text.Length && Enumerable.Range(at, length).All(k => char.IsLetter(text[k])))
                {
                    return at;
                }
            }
        }

        throw new ArgumentException("no run of letters long enough", nameof(text));
    }

    /// <summary>Text in the same script as <paramref name="like"/> that shares little with it.</summary>
    public static string UnrelatedText(string like, int variant)
    {
        var cjk = like.Count(c => c >= '\u4E00' && c <= '\u9FFF') > like.Length / 4;
        return cjk
            ? string.Format(CultureInfo.InvariantCulture, "据报道，第{0}届国际园艺博览会本周末在海边小镇开幕，来自三十多个国家的花农带来了上千种植物，组织者预计参观人数将超过往年。", variant)
            : string.Format(CultureInfo.InvariantCulture, "Organisers of the {0}th annual garden show said visitor numbers had doubled, helped by warm weather and a new exhibition of rare orchids from South America.", variant);
    }

    private static List<LiveBlockSpec> With(IReadOnlyList<LiveBlockSpec> blocks, int index, LiveBlockSpec block)
    {
        var result = blocks.ToList();
        result[index] = block;
        return result;
    }
}
