using AngleSharp.Dom;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// Compares the seed's title with the live page's headline: every <c>h1</c>, <c>og:title</c>, <c>twitter:title</c>
/// and <c>&lt;title&gt;</c>, each also split at the separators sites put before their name (" - RFI",
/// " | Reuters", " – BBC News 中文"). The title is unchanged when the archived headline (the whole title or its
/// longest part) equals a live variant, or a live headline equals an archived variant; it is cosmetic when they
/// differ only in letter case (a stylesheet's <c>text-transform</c>) or in a short decoration set off by
/// punctuation ("Live: …", "… (2021/5)"). A site name alone never matches: "Old headline | Site" against
/// "New headline | Site" is a changed title. Otherwise the closest live candidate, preferring a headline, is
/// what it became.
/// </summary>
internal static class TitleComparer
{
    private static readonly string[] Separators = [" - ", " | ", " – ", " — ", " :: ", " · ", " _ ", "｜", " ｜ "];

    /// <summary>A decoration is at most this many tokens ("Live:", "(Video)", "Exclusive —").</summary>
    public const int MaxDecoration = 4;

    /// <returns>The title's block diff when it changed or changed only cosmetically; null when it is the same or the page has no headline.</returns>
    public static BlockDiff? Compare(string archivedTitle, IDocument page, IgnoreRules rules, TokenInterner interner)
    {
        var archivedWhole = Whitespace.Collapse(archivedTitle);
        var archived = Variants(archivedWhole).Select(v => interner.Tokenize(rules.Mask(v))).Where(t => t.Count > 0).ToList();
        if (archived.Count == 0)
        {
            return null;
        }

        // Headlines first: when nothing matches, the first, most similar candidate is what the title became.
        var candidates = new List<string>();
        candidates.AddRange(page.QuerySelectorAll("h1").Select(h => Whitespace.Collapse(h.TextContent)));
        candidates.AddRange(page.QuerySelectorAll("meta[property='og:title'], meta[name='twitter:title']").Select(m => Whitespace.Collapse(m.GetAttribute("content") ?? string.Empty)));
        candidates.Add(Whitespace.Collapse(page.Title ?? string.Empty));
        candidates = candidates.Where(c => c.Length > 0).ToList();

        var live = candidates.SelectMany(Variants)
            .Distinct(StringComparer.Ordinal)
            .Select(v => interner.Tokenize(rules.Mask(v)))
            .Where(t => t.Count > 0)
            .ToList();
        if (live.Count == 0)
        {
            return null;
        }

        // Which variants stand for a headline rather than a site name: the whole title and its longest part.
        var archivedCore = new[] { archivedWhole, Headline(archivedWhole) }.Select(v => interner.Tokenize(rules.Mask(v))).Where(t => t.Count > 0).ToList();
        var liveCore = candidates.SelectMany(c => new[] { c, Headline(c) }).Select(v => interner.Tokenize(rules.Mask(v))).Where(t => t.Count > 0).ToList();
        var pairs = archivedCore.SelectMany(a => live.Select(l => (a, l))).Concat(liveCore.SelectMany(l => archived.Select(a => (a, l)))).ToList();
        foreach (var (a, l) in pairs)
        {
            if (a.Ids.AsSpan().SequenceEqual(l.Ids))
            {
                return a.Text == l.Text ? null : Cosmetic(a, l);
            }
        }

        foreach (var (a, l) in pairs)
        {
            if (Folded(a).SequenceEqual(Folded(l)))
            {
                return Cosmetic(a, l);
            }
        }

        // A decoration is judged between headlines only: "Site" is not the core of "New headline | Site".
        foreach (var a in archivedCore)
        {
            foreach (var l in liveCore)
            {
                if (Decorates(a, l) || Decorates(l, a))
                {
                    return Cosmetic(a, l);
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

    private static BlockDiff Cosmetic(TokenizedText archived, TokenizedText live) =>
        new(BlockOp.Equal, archived.Text, live.Text, BlockKind.Heading, Title: true, Cosmetic: true);

    private static string[] Folded(TokenizedText text) => text.Tokens.Select(t => t.Key.ToLowerInvariant()).ToArray();

    /// <summary>
    /// Whether <paramref name="decorated"/> is <paramref name="core"/> with at most <see cref="MaxDecoration"/> tokens
    /// before or after it, set off by punctuation other than a comma ("Live: X", "X (2021/5)", "Exclusive — X").
    /// "X, killing three" adds words to the headline itself and is a change.
    /// </summary>
    private static bool Decorates(TokenizedText core, TokenizedText decorated)
    {
        var c = Folded(core);
        var d = Folded(decorated);
        var extra = d.Length - c.Length;
        if (c.Length < 3 || extra <= 0 || extra > MaxDecoration + 2)
        {
            return false;
        }

        bool Mark(string token) => token.Length == 1 && char.IsPunctuation(token[0]) && token[0] != ',' || token is "|" or "–" or "—";
        if (d.AsSpan(extra).SequenceEqual(c))
        {
            return Mark(d[extra - 1]) && d.Take(extra).Count(t => !Mark(t)) <= MaxDecoration;
        }

        if (d.AsSpan(0, c.Length).SequenceEqual(c))
        {
            return Mark(d[c.Length]) && d.Skip(c.Length).Count(t => !Mark(t)) <= MaxDecoration;
        }

        return false;
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
