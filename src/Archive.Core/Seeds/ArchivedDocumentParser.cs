using System.Text;
using AngleSharp.Dom;
using Archive.Web;

namespace Archive.Seeds;

/// <summary>
/// Turns a parsed HTML tree into an <see cref="ArchivedDocument"/>. Every walk is iterative so that no input,
/// however deep, can exhaust the stack.
/// </summary>
public static class ArchivedDocumentParser
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    // Elements whose content is not text a reader sees in the page.
    private static readonly HashSet<string> SilentElements = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "head", "title", "svg", "math", "select", "textarea", "iframe",
        "object", "embed", "video", "audio", "canvas", "input",
    };

    private static readonly string[] LazyImageAttributes = ["data-src", "data-original", "data-lazy-src"];

    public static ArchivedDocument Parse(IElement root, Uri baseUrl) =>
        new(ReadBlocks(root), ReadMedia(root, baseUrl), ReadLinks(root, baseUrl));

    /// <summary>The paragraph-level blocks under <paramref name="root"/>, in document order.</summary>
    /// <param name="owners">When given, receives for each block the block-level element its text sits in.</param>
    internal static List<TextBlock> ReadBlocks(IElement root, List<IElement>? owners = null)
    {
        var blocks = new List<TextBlock>();
        var text = new StringBuilder();
        var kinds = new Stack<(BlockKind Kind, IElement Element)>();
        kinds.Push((BlockKind.Text, root));
        var breaks = 0;

        void Flush()
        {
            var collapsed = Whitespace.Collapse(text.ToString());
            text.Clear();
            breaks = 0;
            if (collapsed.Length > 0)
            {
                blocks.Add(new TextBlock(blocks.Count, kinds.Peek().Kind, collapsed));
                owners?.Add(kinds.Peek().Element);
            }
        }

        // A null node marks leaving the block element pushed just below it.
        var pending = new Stack<INode?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is null)
            {
                Flush();
                kinds.Pop();
                continue;
            }

            if (node is IText textNode)
            {
                text.Append(textNode.Data);
                if (!string.IsNullOrWhiteSpace(textNode.Data))
                {
                    breaks = 0;
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (SilentElements.Contains(name))
            {
                continue;
            }

            if (name == "br")
            {
                // Two line breaks in a row are how many bodies separate paragraphs without <p>.
                if (++breaks >= 2)
                {
                    Flush();
                }
                else
                {
                    text.Append('\n');
                }

                continue;
            }

            if (BlockElements.Contains(name))
            {
                Flush();
                kinds.Push((KindOf(name, kinds.Peek().Kind), element));
                pending.Push(null);
            }

            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }

        Flush();
        return blocks;
    }

    private static BlockKind KindOf(string element, BlockKind enclosing) => element switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dt" or "dd" => BlockKind.ListItem,
        "figcaption" or "caption" => BlockKind.Caption,
        "blockquote" => BlockKind.Quote,
        "pre" => BlockKind.Preformatted,
        "td" or "th" => BlockKind.TableCell,
        "p" when enclosing is BlockKind.Quote or BlockKind.Caption or BlockKind.ListItem => enclosing,
        "p" => BlockKind.Paragraph,
        _ when enclosing is BlockKind.Paragraph => BlockKind.Text,
        _ => enclosing,
    };

    /// <summary>The media under <paramref name="root"/>: used for the archived body and, by the media stage, for the live page.</summary>
    internal static List<MediaReference> ReadMedia(IElement root, Uri baseUrl)
    {
        var media = new List<MediaReference>();
        var seen = new HashSet<(MediaKind, Uri)>();

        IElement? current = null;
        void Add(MediaKind kind, string element, List<MediaCandidate> candidates, MediaCandidate? primary, string? alt)
        {
            primary ??= candidates.FirstOrDefault();
            if (primary is null || !seen.Add((kind, primary.Url)))
            {
                return;
            }

            var place = kind == MediaKind.Image ? MediaPlace.Of(current!, root, e => BlockElements.Contains(e.LocalName), e => SilentElements.Contains(e.LocalName)) : null;
            media.Add(new MediaReference(media.Count, kind, element, primary.Url, candidates, alt, place));
        }

        foreach (var element in root.QuerySelectorAll("img, video, audio, iframe, embed, object"))
        {
            current = element;
            switch (element.LocalName)
            {
                case "img" when IsTrackingPixel(element):
                    // A 1 × 1 beacon or spacer is not a picture anyone saw; its absence from the live page is not drift.
                    break;

                case "img":
                    {
                        var candidates = new List<MediaCandidate>();
                        var srcset = new List<(SrcsetCandidate Parsed, MediaCandidate Resolved)>();
                        if (element.ParentElement is { LocalName: "picture" } picture)
                        {
                            foreach (var source in picture.Children.Where(c => c.LocalName == "source"))
                            {
                                AddSrcset(source, "srcset", "source[srcset]", baseUrl, candidates, srcset);
                            }
                        }

                        AddSrcset(element, "srcset", "srcset", baseUrl, candidates, srcset);
                        AddSrcset(element, "data-srcset", "data-srcset", baseUrl, candidates, srcset);
                        var lazy = LazyImageAttributes.Select(a => AddAttribute(element, a, baseUrl, candidates)).FirstOrDefault(c => c is not null);
                        var src = AddAttribute(element, "src", baseUrl, candidates);
                        var largest = Srcset.Largest(srcset.Select(s => s.Parsed).ToList());
                        var best = largest is null ? null : srcset.First(s => ReferenceEquals(s.Parsed, largest)).Resolved;
                        Add(MediaKind.Image, "img", candidates, best ?? lazy ?? src, element.GetAttribute("alt"));
                        break;
                    }

                case "video":
                case "audio":
                    {
                        var candidates = new List<MediaCandidate>();
                        AddAttribute(element, "src", baseUrl, candidates);
                        foreach (var source in element.Children.Where(c => c.LocalName == "source"))
                        {
                            AddAttribute(source, "src", baseUrl, candidates, "source[src]");
                        }

                        Add(element.LocalName == "video" ? MediaKind.Video : MediaKind.Audio, element.LocalName, candidates, null, null);
                        var posters = new List<MediaCandidate>();
                        if (AddAttribute(element, "poster", baseUrl, posters) is { } poster)
                        {
                            Add(MediaKind.Image, element.LocalName, posters, poster, null);
                        }

                        break;
                    }

                default:
                    {
                        var candidates = new List<MediaCandidate>();
                        AddAttribute(element, element.LocalName == "object" ? "data" : "src", baseUrl, candidates);
                        Add(MediaKind.Embed, element.LocalName, candidates, null, element.GetAttribute("title"));
                        break;
                    }
            }
        }

        return media;
    }

    /// <summary>An image whose declared width and height are both at most 2 pixels: a tracking beacon or a spacer.</summary>
    internal static bool IsTrackingPixel(IElement image) =>
        int.TryParse(image.GetAttribute("width"), out var width) && width <= 2
        && int.TryParse(image.GetAttribute("height"), out var height) && height <= 2;

    private static MediaCandidate? AddAttribute(IElement element, string attribute, Uri baseUrl, List<MediaCandidate> candidates, string? label = null)
    {
        var value = element.GetAttribute(attribute);
        if (string.IsNullOrWhiteSpace(value) || !TryResolveMedia(baseUrl, value, out var url))
        {
            return null;
        }

        var candidate = new MediaCandidate(url, label ?? attribute, null);
        candidates.Add(candidate);
        return candidate;
    }

    private static void AddSrcset(
        IElement element,
        string attribute,
        string label,
        Uri baseUrl,
        List<MediaCandidate> candidates,
        List<(SrcsetCandidate, MediaCandidate)> srcset)
    {
        var value = element.GetAttribute(attribute);
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        foreach (var parsed in Srcset.Parse(value))
        {
            if (TryResolveMedia(baseUrl, parsed.Url, out var url))
            {
                var candidate = new MediaCandidate(url, label, parsed.Descriptor);
                candidates.Add(candidate);
                srcset.Add((parsed, candidate));
            }
        }
    }

    // Inline data: images and blob: URLs are placeholders or part of the page itself, not media to fetch.
    private static bool TryResolveMedia(Uri baseUrl, string value, out Uri url) =>
        WebUrl.TryResolve(baseUrl, value, out url, out _) && WebUrl.IsHttp(url);

    private static List<LinkReference> ReadLinks(IElement root, Uri baseUrl)
    {
        var links = new List<LinkReference>();
        foreach (var anchor in root.QuerySelectorAll("a[href], area[href]"))
        {
            var href = anchor.GetAttribute("href") ?? string.Empty;
            var text = Whitespace.Collapse(anchor.TextContent);
            links.Add(Classify(links.Count, href, text, baseUrl));
        }

        return links;
    }

    private static LinkReference Classify(int index, string href, string text, Uri baseUrl)
    {
        var trimmed = href.Trim();
        if (trimmed.StartsWith('#'))
        {
            return new LinkReference(index, href, null, text, LinkTarget.Fragment);
        }

        if (!WebUrl.TryResolve(baseUrl, trimmed, out var url, out _))
        {
            return new LinkReference(index, href, null, text, LinkTarget.Malformed);
        }

        var target = url.Scheme switch
        {
            "http" or "https" => LinkTarget.Http,
            "mailto" => LinkTarget.Mailto,
            "tel" => LinkTarget.Tel,
            "javascript" => LinkTarget.JavaScript,
            _ => LinkTarget.UnsupportedScheme,
        };

        // A javascript: URL is code, not an address: it is never kept where something might act on it.
        return target == LinkTarget.JavaScript
            ? new LinkReference(index, href, null, text, target)
            : new LinkReference(index, href, target == LinkTarget.Http ? WebUrl.WithoutFragment(url) : url, text, target);
    }
}
