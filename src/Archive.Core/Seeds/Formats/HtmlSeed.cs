using AngleSharp.Html.Dom;

namespace Archive.Seeds.Formats;

/// <summary>A seed made from a whole archived HTML page (a saved page, a crawled response): its title, its body parsed for comparison, and the body to render.</summary>
internal static class HtmlSeed
{
    /// <param name="what">What the body is called in the error when it holds nothing ("the saved page's body"); null when a body of nothing is allowed.</param>
    /// <param name="otherTitle">The title the archive gives beside the page (a WACZ page list), for a page without one of its own.</param>
    public static Seed From(IHtmlDocument document, string id, string path, SeedFormat format, Uri source, DateTimeOffset archivedAt, ArchivedAtSource archivedAtSource, string? what, string? otherTitle = null)
    {
        var title = document.Title?.Trim() is { Length: > 0 } t ? Whitespace.Collapse(t)
            : document.QuerySelector("meta[property='og:title'][content]")?.GetAttribute("content")?.Trim() is { Length: > 0 } og ? og
            : otherTitle?.Trim() ?? string.Empty;
        var root = document.Body ?? document.DocumentElement;
        var parsed = ArchivedDocumentParser.Parse(root, source);
        if (what is not null && parsed.Blocks.Count == 0 && parsed.Media.Count == 0 && parsed.Links.Count == 0)
        {
            throw new SeedFormatException(null, $"{what} holds no text, media or links");
        }

        return new Seed(id, path, format, title, source, archivedAt, archivedAtSource, parsed)
        {
            RenderableHtml = RenderableBody.From(root),
        };
    }
}
