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
public sealed record LiveBlock(TextBlock Block, IElement? Owner, TokenizedText Text);

/// <summary>Where the archived article is in the live page.</summary>
/// <param name="Blocks">The blocks of the located element, in document order.</param>
/// <param name="Strength">The share of the archived text's distinct shingles found in <paramref name="Blocks"/>.</param>
/// <param name="Selector">A CSS path to the located element, to write ignore rules against; null for Readability's extraction.</param>
/// <param name="Elsewhere">Every block of the page outside the located element.</param>
public sealed record LocatedArticle(
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
public static class ArticleLocator
{
    /// <summary>The share of the page's matching shingles the located element must hold.</summary>
    public const double Share = 0.8;

    /// <summary>The live page's text blocks read, in document order; the rest of a larger page is left out of the comparison.</summary>
    public const int MaxLiveBlocks = 20_000;

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
            }
        }

        var chosen = root;
        var total = score.GetValueOrDefault(root);
        while (total > 0 && chosen.Children.FirstOrDefault(c => score.GetValueOrDefault(c) >= Share * total) is { } tighter)
        {
            chosen = tighter;
        }

        var inside = new List<LiveBlock>();
        var elsewhere = new List<TokenizedText>();
        var found = new HashSet<ulong>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (texts[i].Count == 0)
            {
                continue;
            }

            if (owners[i] == chosen || chosen.Contains(owners[i]))
            {
                inside.Add(new LiveBlock(blocks[i] with { Index = inside.Count }, owners[i], texts[i]));
                found.UnionWith(shingles[i].Where(archived.Contains));
            }
            else
            {
                elsewhere.Add(texts[i]);
            }
        }

        var located = new LocatedArticle(inside, LocateMethod.Alignment, Strength(found.Count, archived.Count), CssPath(chosen), elsewhere);
        if (located.Strength >= WeakStrength)
        {
            return located;
        }

        var readable = ReadabilityExtract(page, archived, pageUrl, texts, prepare);
        return readable is not null && readable.Strength > located.Strength ? readable : located;
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
