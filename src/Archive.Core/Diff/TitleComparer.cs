using AngleSharp.Dom;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// Compares the seed's title with the live page's headline: every <c>h1</c>, <c>og:title</c>, <c>twitter:title</c>
/// and <c>&lt;title&gt;</c>, each also split at the separators sites put before their name (" - RFI",
/// " | Reuters", " – BBC News 中文"). The title is unchanged when any archived variant equals any live one after
/// normalisation; otherwise the closest live candidate, preferring a headline, is what it became.
/// </summary>
public static class TitleComparer
{
    private static readonly string[] Separators = [" - ", " | ", " – ", " — ", " :: ", " · ", " _ ", "｜", " ｜ "];

    /// <returns>The title's block diff when it changed or changed only cosmetically; null when it is the same or the page has no headline.</returns>
    public static BlockDiff? Compare(string archivedTitle, IDocument page, IgnoreRules rules, TokenInterner interner)
    {
        var archived = Variants(Whitespace.Collapse(archivedTitle)).Select(v => interner.Tokenize(rules.Mask(v))).Where(t => t.Count > 0).ToList();
        if (archived.Count == 0)
        {
            return null;
        }

        // Headlines first: when nothing matches, the first, most similar candidate is what the title became.
        var candidates = new List<string>();
        candidates.AddRange(page.QuerySelectorAll("h1").Select(h => Whitespace.Collapse(h.TextContent)));
        candidates.AddRange(page.QuerySelectorAll("meta[property='og:title'], meta[name='twitter:title']").Select(m => Whitespace.Collapse(m.GetAttribute("content") ?? string.Empty)));
        candidates.Add(Whitespace.Collapse(page.Title ?? string.Empty));
        var live = candidates
            .Where(c => c.Length > 0)
            .SelectMany(Variants)
            .Distinct(StringComparer.Ordinal)
            .Select(v => interner.Tokenize(rules.Mask(v)))
            .Where(t => t.Count > 0)
            .ToList();
        if (live.Count == 0)
        {
            return null;
        }

        foreach (var a in archived)
        {
            foreach (var l in live)
            {
                if (a.Ids.AsSpan().SequenceEqual(l.Ids))
                {
                    return a.Text == l.Text ? null : new BlockDiff(BlockOp.Equal, a.Text, l.Text, BlockKind.Heading, Title: true, Cosmetic: true);
                }
            }
        }

        // What the title became is shown without site names on either side. Headlines come first; a later
        // candidate must be clearly closer to be shown instead.
        var whole = interner.Tokenize(rules.Mask(Headline(Whitespace.Collapse(archivedTitle))));
        var shown = candidates.Where(c => c.Length > 0).Select(c => interner.Tokenize(rules.Mask(Headline(c)))).Where(t => t.Count > 0).ToList();
        var best = shown[0];
        var bestSimilarity = whole.BagSimilarity(best);
        foreach (var candidate in shown.Skip(1))
        {
            var similarity = whole.BagSimilarity(candidate);
            if (similarity > bestSimilarity + 0.1)
            {
                (best, bestSimilarity) = (candidate, similarity);
            }
        }

        var diff = TokenDiff.Compare(whole, best);
        var score = whole.Count + best.Count == 0 ? 1 : 2.0 * diff.Matched / (whole.Count + best.Count);
        return new BlockDiff(BlockOp.Replace, whole.Text, best.Text, BlockKind.Heading, Title: true, Similarity: Math.Round(score, 4), Changes: diff.Changes);
    }

    /// <summary>The title without the site's or column's name: the longest part between separators.</summary>
    private static string Headline(string title) => Variants(title).Skip(1).MaxBy(v => v.Length) ?? title;

    /// <summary>The whole title, each part between separators, and what stands before the last separator ("Headline - Section - Site").</summary>
    private static IEnumerable<string> Variants(string title)
    {
        yield return title;
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            yield return title[..at].Trim();
            foreach (var part in title.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return part;
            }
        }
    }
}
