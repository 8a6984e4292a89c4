using System.IO.Compression;
using Archive.Warc;

namespace Archive.Seeds.Formats;

/// <summary>
/// A WACZ package (WACZ 1.1.1, as Browsertrix and ArchiveWeb.page make them): every page of its page list is a
/// seed, its archived body the HTML response the package's WARCs hold for it (redirects inside the crawl followed).
/// A package without a page list gives every HTML response with status 200, as a WARC does.
/// </summary>
internal sealed class WaczFormat : ICrawlFormat
{
    public string Name => "WACZ";

    public bool Claims(ReadOnlySpan<byte> head) => WaczPackage.IsZip(head);

    public IReadOnlyList<SeedLoad> Read(string path, SeedReaderOptions options, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            return [SeedLoad.Failed(new SeedError(path, null, $"a damaged zip file, not a readable WACZ: {e.Message}"))];
        }

        using (zip)
        {
            try
            {
                return Read(zip, path, options, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                // The zip's own structure (its directory, an entry's data) or its page list is damaged: the package is refused whole.
                return [SeedLoad.Failed(new SeedError(path, null, e.Message.StartsWith("pages/", StringComparison.Ordinal) ? e.Message : $"a damaged WACZ package: {e.Message}"))];
            }
        }
    }

    private static IReadOnlyList<SeedLoad> Read(ZipArchive zip, string path, SeedReaderOptions options, CancellationToken cancellationToken)
    {
        if (WaczPackage.WarcEntries(zip).Count == 0)
        {
            return [SeedLoad.Failed(new SeedError(path, null, "a zip file without archive/*.warc or archive/*.warc.gz entries, so not a WACZ package"))];
        }

        var pages = WaczPackage.Pages(zip);
        var index = CrawlIndex.OfWacz(zip, path, cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string NextId(string url) => CrawlSeedId.For(path, url, seen[url] = seen.GetValueOrDefault(url) + 1);
        if (pages is null || pages.Count == 0)
        {
            return index.WithProblems(index.Pages.Select(page => index.Seed(page, NextId(page.Url), SeedFormat.Wacz, options)).ToList());
        }

        var loads = pages.Select(page =>
        {
            var id = NextId(page.Url);
            return index.PageAt(page.Url) is { } found
                ? index.Seed(found with { Date = found.Date ?? page.Timestamp }, id, SeedFormat.Wacz, options, page.Title)
                : SeedLoad.Failed(new SeedError(path, null, $"{page.Url}: pages/pages.jsonl lists the page, but no WARC of the package holds an HTML response with status 200 for it"), id);
        }).ToList();
        return index.WithProblems(loads);
    }
}
