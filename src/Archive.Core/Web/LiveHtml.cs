using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Archive.Web;

/// <summary>
/// Parses HTML a live page served, the way the browser that renders it does: with scripting on. The HTML Standard
/// parses <c>noscript</c> differently by that flag (§13.2.6.4.7, "in body", a start tag "noscript": raw text when
/// scripting is enabled). Parsed with scripting off, a stray <c>&lt;noscript&gt;&lt;div&gt;&lt;/noscript&gt;</c>
/// near the top of a real page swallows the whole page into the <c>noscript</c> (the end tag is ignored while the
/// <c>div</c> is open), and the article a reader sees is not found at all.
/// </summary>
public static class LiveHtml
{
    private static readonly HtmlParserOptions Options = new() { IsScripting = true };

    /// <summary>A new parser per call: AngleSharp's parser keeps state while it parses.</summary>
    public static IDocument Parse(string html) => new HtmlParser(Options).ParseDocument(html);
}
