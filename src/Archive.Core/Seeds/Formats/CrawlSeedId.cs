using System.Text;
using Archive.IO;

namespace Archive.Seeds.Formats;

/// <summary>
/// The id of a page of a crawl: the crawl file's name, the page's host and path made safe for a folder name, and
/// 8 hex digits of the SHA-256 of its URL, e.g. <c>crawl-example.com-news-story-1a2b3c4d</c>. It depends on nothing
/// but the file's name and the URL, so the page keeps its snapshots and accepted state when the crawl moves or
/// grows; a URL the crawl holds more than once gets <c>-2</c>, <c>-3</c>… in file order.
/// </summary>
public static class CrawlSeedId
{
    private const int MaxSlug = 60;

    public static string For(string crawlPath, string url, int occurrence = 1)
    {
        var name = Path.GetFileName(crawlPath.TrimEnd('/', '\\'));
        foreach (var extension in new[] { ".gz", ".warc", ".wacz" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        var slug = new StringBuilder();
        var where = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath : url;
        foreach (var c in where.ToLowerInvariant())
        {
            var safe = char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-';
            if (safe != '-' || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(safe);
            }
        }

        var text = slug.ToString().Trim('-', '.');
        text = text.Length > MaxSlug ? text[..MaxSlug].TrimEnd('-', '.') : text;
        var id = $"{name.TrimStart('.')}-{text}-{ContentHash.Of(url)[..8]}";
        return occurrence > 1 ? $"{id}-{occurrence}" : id;
    }
}
