using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archive.Seeds;

namespace Archive.Diff;

public enum LocateMethod
{
    /// <summary>The element of the live page holding most of the archived text's shingles.</summary>
    Alignment,

    /// <summary>Readability's idea of the main content, used when alignment found too little.</summary>
    Readability,
}

/// <summary>A paragraph-level block of the live page.</summary>
/// <param name="Owner">The block-level element its text sits in; null for a block of Readability's extraction.</param>
/// <param name="Text">The block's text as compared: ignore masks applied, tokenized.</param>
internal sealed record LiveBlock(TextBlock Block, IElement? Owner, TokenizedText Text);

/// <summary>Where the archived article is in the live page.</summary>
/// <param name="Blocks">The blocks of the located element, in document order.</param>
/// <param name="Strength">The share of the archived text's distinct shingles found in <paramref name="Blocks"/>.</param>
/// <param name="Selector">A CSS path to the located element, to write ignore rules against; null for Readability's extraction.</param>
/// <param name="Elsewhere">Every block of the page outside the located element.</param>
internal sealed record LocatedArticle(
    IReadOnlyList<LiveBlock> Blocks,
    LocateMethod Method,
    double Strength,
    string? Selector,
    IReadOnlyList<TokenizedText> Elsewhere);

/// <summary>
/// Finds the archived article inside a live page by what it says, not by site-specific selectors: every block of
/// the page is scored by how many of the archived text's 5-character shingles it holds, scores add up through
/// the element tree, and the deepest element still holding <see cref="Share"/> of the page's matches is the
/// article. When that finds less than <see cref="WeakStrength"/> of the archived text, Readability's extraction
/// (SmartReader) is tried and the stronger of the two kept.
/// </summary>
internal static class ArticleLocator
{
    /// <summary>The share of the page's matching shingles the located element must hold.</summary>
    public const double Share = 0.8;

    /// <summary>The live page's text blocks read, in document order; the rest of a larger page is left out of the comparison.</summary>
    public const int MaxLiveBlocks = 20_000;

    /// <summary>Children of the located element holding at most this share of its matches (a headline repeated in a teaser) may be left out of a tighter run.</summary>
    public const double LeftOutShare = 0.03;

    /// <summary>Below this strength the alignment is too weak to trust on its own and Readability is consulted.</summary>
    public const double WeakStrength = 0.5;

    /// <param name="prepare">Turns a block's text into what is compared (masks applied, tokenized); blocks it leaves without tokens are skipped.</param>
    public static LocatedArticle Locate(IDocument page, HashSet<ulong> archived, Uri pageUrl, Func<string, TokenizedText> prepare, CancellationToken cancellationToken = default)
    {
        var root = page.Body ?? page.DocumentElement;
        var owners = new List<IElement>();
        var blocks = ArchivedDocumentParser.ReadBlocks(root, owners);

        // A documented bound before any pairing: a long article has a few hundred blocks, an 8 MB page of
        // generated markup tens of thousands, whose pairing would outlast any time limit.
        if (blocks.Count > MaxLiveBlocks)
        {
            blocks = blocks.Take(MaxLiveBlocks).ToList();
            owners.RemoveRange(MaxLiveBlocks, owners.Count - MaxLiveBlocks);
        }
        var texts = blocks.Select(b => { cancellationToken.ThrowIfCancellationRequested(); return prepare(b.Text); }).ToList();
        var shingles = texts.Select(t => t.Shingles).ToList();

        var score = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        var matchingBlocks = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < blocks.Count; i++)
        {
            var matched = shingles[i].Count(archived.Contains);
            if (matched == 0)
            {
                continue;
            }

            for (var e = owners[i]; e is not null; e = e.ParentElement)
            {
                score[e] = score.GetValueOrDefault(e) + matched;
                matchingBlocks[e] = matchingBlocks.GetValueOrDefault(e) + 1;
            }
        }

        var chosen = root;
        var total = score.GetValueOrDefault(root);
        while (total > 0 && chosen.Children.FirstOrDefault(c => score.GetValueOrDefault(c) >= Share * total) is { } tighter && !IsOneBlockOfMore(tighter))
        {
            chosen = tighter;
        }

        // One long paragraph can hold 80 % of an article whose other paragraphs stand beside it: that paragraph alone
        // is not the article when real matches are left outside it, or the order of the others is never compared.
        bool IsOneBlockOfMore(IElement element) =>
            matchingBlocks.GetValueOrDefault(element) == 1 && total - score.GetValueOrDefault(element) > LeftOutShare * total;

        // The element may still be a wide wrapper (the whole page's div#bg) when the article is a run of its children
        // (text, then a table) beside the site's chrome: then the article is that run of children alone.
        var run = TightestRun(chosen, score, total);
        var runChildren = run is { } r ? chosen.Children.Skip(r.First).Take(r.Last - r.First + 1).ToList() : null;
        bool Inside(IElement owner) => runChildren is not null
            ? runChildren.Any(c => c == owner || c.Contains(owner))
            : owner == chosen || chosen.Contains(owner);

        var inside = new List<LiveBlock>();
        var elsewhere = new List<TokenizedText>();
        var found = new HashSet<ulong>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (texts[i].Count == 0)
            {
                continue;
            }

            if (Inside(owners[i]))
            {
                inside.Add(new LiveBlock(blocks[i] with { Index = inside.Count }, owners[i], texts[i]));
                found.UnionWith(shingles[i].Where(archived.Contains));
            }
            else
            {
                elsewhere.Add(texts[i]);
            }
        }

        var selector = CssPath(chosen) + (run is { } w ? $" > :nth-child(n+{w.First + 1}):nth-child(-n+{w.Last + 1})" : string.Empty);
        var located = new LocatedArticle(inside, LocateMethod.Alignment, Strength(found.Count, archived.Count), selector, elsewhere);
        if (located.Strength >= WeakStrength)
        {
            return located;
        }

        var readable = ReadabilityExtract(page, archived, pageUrl, texts, prepare);
        return readable is not null && readable.Strength > located.Strength ? readable : located;
    }

    /// <summary>
    /// The shortest run of <paramref name="element"/>'s children holding <see cref="Share"/> of its matches, widened
    /// to every child holding more than <see cref="LeftOutShare"/> of them; null when the whole element is needed (its own text holds the
    /// matches, or every child with text is in the run).
    /// </summary>
    private static (int First, int Last)? TightestRun(IElement element, Dictionary<IElement, int> score, int total)
    {
        var children = element.Children.ToList();
        if (total == 0 || children.Count < 2)
        {
            return null;
        }

        var scores = children.Select(c => score.GetValueOrDefault(c)).ToArray();
        (int First, int Last)? best = null;
        for (int first = 0, last = 0, sum = 0; last < scores.Length; last++)
        {
            sum += scores[last];
            while (first < last && sum - scores[first] >= Share * total)
            {
                sum -= scores[first++];
            }

            if (sum >= Share * total && (best is null || last - first < best.Value.Last - best.Value.First))
            {
                best = (first, last);
            }
        }

        if (best is not { } run)
        {
            return null;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > LeftOutShare * total)
            {
                run = (Math.Min(run.First, i), Math.Max(run.Last, i));
            }
        }


        // Only site chrome is cut away: the run widens over every neighbour that is not navigation, a header or
        // footer, a sidebar or a block of links, so the rest of an article whose archive holds only its start stays
        // in (it is coverage, not drift).
        while (run.First > 0 && !IsChrome(children[run.First - 1]))
        {
            run.First--;
        }

        while (run.Last < children.Count - 1 && !IsChrome(children[run.Last + 1]))
        {
            run.Last++;
        }

        // And only from a page-wide wrapper, where the chrome outweighs the article: an article's own container with
        // a share bar at its end stays whole, and what is in it is judged block by block.
        static int Length(IElement e) => e.TextContent.Length;
        var kept = children.Where((c, i) => i >= run.First && i <= run.Last).Sum(Length);
        var leftOut = children.Where((c, i) => i < run.First || i > run.Last).Sum(Length);
        return leftOut > kept ? run : null;
    }

    /// <summary>Site chrome beside an article: navigation, a header or footer, a sidebar, a form, or a block that is mostly links (an empty one is not: the run widens over it).</summary>
    private static bool IsChrome(IElement element)
    {
        if (element.LocalName is "nav" or "header" or "footer" or "aside" or "form" or "menu"
            || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search")
        {
            return true;
        }

        var text = Whitespace.Collapse(element.TextContent).Length;
        var links = element.QuerySelectorAll("a").Sum(a => Whitespace.Collapse(a.TextContent).Length);
        return text > 0 && links >= 0.5 * text;
    }

    private static LocatedArticle? ReadabilityExtract(IDocument page, HashSet<ulong> archived, Uri pageUrl, List<TokenizedText> pageTexts, Func<string, TokenizedText> prepare)
    {
        SmartReader.Article article;
        try
        {
            article = SmartReader.Reader.ParseArticle(pageUrl.AbsoluteUri, page.DocumentElement.OuterHtml);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readability is a second opinion; a page it cannot read leaves the first one standing.
            return null;
        }

        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            return null;
        }

        var content = new HtmlParser().ParseDocument(article.Content);
        var blocks = ArchivedDocumentParser.ReadBlocks(content.Body ?? content.DocumentElement)
            .Select(b => new LiveBlock(b, null, prepare(b.Text)))
            .Where(b => b.Text.Count > 0)
            .ToList();
        var found = new HashSet<ulong>();
        foreach (var block in blocks)
        {
            found.UnionWith(block.Text.Shingles.Where(archived.Contains));
        }

        var inside = blocks.Select(b => b.Text.Text).ToHashSet(StringComparer.Ordinal);
        return new LocatedArticle(
            blocks,
            LocateMethod.Readability,
            Strength(found.Count, archived.Count),
            null,
            pageTexts.Where(t => t.Count > 0 && !inside.Contains(t.Text)).ToList());
    }

    private static double Strength(int found, int archived) => archived == 0 ? 1 : (double)found / archived;

    private static string CssPath(IElement element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null && e.LocalName != "html"; e = e.ParentElement)
        {
            if (IsIdentifier(e.Id))
            {
                parts.Add($"{e.LocalName}#{e.Id}");
                break;
            }

            var part = e.LocalName;
            var siblings = e.ParentElement?.Children.Where(c => c.LocalName == e.LocalName).ToList() ?? [];
            if (e.ClassList.FirstOrDefault(IsIdentifier) is { } cls)
            {
                part += "." + cls;
                siblings = siblings.Where(c => c.ClassList.Contains(cls)).ToList();
            }

            if (siblings.Count > 1)
            {
                part += $":nth-of-type({e.ParentElement!.Children.Where(c => c.LocalName == e.LocalName).ToList().IndexOf(e) + 1})";
            }

            parts.Add(part);
        }

        parts.Reverse();
        return string.Join(" > ", parts);
    }

    private static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
