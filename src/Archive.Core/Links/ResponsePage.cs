using System.Text;
using Archive.Diff;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Links;

/// <summary>What a fetched HTML page says, read from the bounded prefix of its body: enough to recognise a "not found" page or a site's catch-all page.</summary>
internal sealed record ResponsePage(string? Title, string? Headline, string Text, IReadOnlySet<ulong> Shingles)
{
    private const int MaxNesting = 512;

    /// <summary>The page, or null when the answer is not HTML.</summary>
    public static ResponsePage? Read(FetchResponse response)
    {
        if (response.Body.Length == 0 || !IsHtml(response))
        {
            return null;
        }

        var html = Decode(response);
        if (HtmlNestingScanner.FindExcess(html, MaxNesting) is not null)
        {
            return null;
        }

        var document = LiveHtml.Parse(html);
        foreach (var silent in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            silent.Remove();
        }

        var text = Whitespace.Collapse(document.Body?.TextContent ?? string.Empty);
        var headline = document.QuerySelector("h1")?.TextContent is { } h1 ? Whitespace.Collapse(h1) : null;
        var title = Whitespace.Collapse(document.Title ?? string.Empty);
        var tokens = new TokenInterner().Tokenize(title + "\n" + text);
        return new ResponsePage(title.Length == 0 ? null : title, headline, text, tokens.Shingles.ToHashSet());
    }

    public double Similarity(ResponsePage other) => Diff.Shingles.Jaccard(Shingles, other.Shingles);

    private static bool IsHtml(FetchResponse response) =>
        response.MediaType is "text/html" or "application/xhtml+xml"
        || (response.MediaType is null or "text/plain" && Media.ImageFormatSniffer.Sniff(response.Body) == Media.ImageFormat.Html);

    private static string Decode(FetchResponse response)
    {
        var charset = response.ContentType?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?[8..].Trim('"', '\'');
        try
        {
            return (charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset)).GetString(response.Body);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(response.Body);
        }
    }
}
