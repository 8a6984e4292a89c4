using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Archive.Warc;
using Archive.Web;

namespace Archive.Seeds.Formats;

/// <summary>
/// What one pass over a crawl's WARCs found: its HTML pages (status 200, bodies decoded) and where every archived
/// response lies, so that a seed's media is read back from the crawl later, one record at a time.
/// </summary>
internal sealed partial class CrawlIndex : IArchivedResources
{
    private const int MaxRedirects = 5;

    private readonly string path;
    private readonly bool zipped;
    private readonly Dictionary<string, (string? Entry, WarcLocation Location)> responses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Entry, WarcLocation Location)> byPayload = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CrawlPage> pagesByUrl = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, (long Offset, long Length)>? stored;

    static CrawlIndex()
    {
        // Crawled pages come in every charset the web has used (Shift_JIS, windows-1251…).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private CrawlIndex(string path, bool zipped)
    {
        this.path = path;
        this.zipped = zipped;
    }

    public string Source => path;

    /// <summary>The HTML responses with status 200, in file order.</summary>
    public List<CrawlPage> Pages { get; } = [];

    /// <summary>Damaged stretches of the files, each naming where it lies.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>A page of the crawl: its URL, when it was captured, and where its record lies (its body is read when the page becomes a seed).</summary>
    internal sealed record CrawlPage(string Url, DateTimeOffset? Date, string? ContentType, string? Entry, WarcLocation Location);

    /// <summary>Reads a WARC file.</summary>
    public static CrawlIndex OfWarc(string path, CancellationToken cancellationToken)
    {
        var index = new CrawlIndex(path, zipped: false);
        using var file = File.OpenRead(path);
        index.Add(file, null, cancellationToken);
        return index;
    }

    /// <summary>Reads the WARCs of a WACZ package, where they lie in the zip.</summary>
    public static CrawlIndex OfWacz(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var index = new CrawlIndex(path, zipped: true);
        foreach (var entry in WaczPackage.WarcEntries(zip))
        {
            using var stream = zip.GetEntry(entry)!.Open();
            index.Add(stream, entry, cancellationToken);
        }

        return index;
    }

    private void Add(Stream stream, string? entry, CancellationToken cancellationToken)
    {
        // Only the HTTP head of response and revisit blocks is kept while the file streams by: a page's body is read
        // again from its place when it becomes a seed, so pictures and video never pass through memory whole.
        var options = new WarcReadOptions(WarcReadOptions.HeadBytes, f => f["WARC-Type"] is "response" or "revisit");
        var where = entry is null ? path : $"{path}!{entry}";
        foreach (var found in WarcReader.Read(stream, options, cancellationToken: cancellationToken))
        {
            if (found is WarcProblem problem)
            {
                Problems.Add($"{where}: {problem.Message}");
                continue;
            }

            var record = (WarcRecord)found;
            if (Key(record.TargetUri) is not { } url)
            {
                continue;
            }

            if (record.Type == "revisit")
            {
                // A revisit's payload is an earlier response's (WARC 1.1 §6.7.2): the URL is served from that one.
                if (record.Fields["WARC-Payload-Digest"] is { } digest && byPayload.TryGetValue(digest, out var original))
                {
                    responses.TryAdd(url, original);
                }

                continue;
            }

            if (HttpBlock.Parse(record.Block) is not { Status: { } status } http)
            {
                continue;
            }

            responses[url] = (entry, record.Location);
            if (record.Fields["WARC-Payload-Digest"] is { } payloadDigest)
            {
                byPayload.TryAdd(payloadDigest, (entry, record.Location));
            }

            if (status == 200 && http.MediaType is "text/html" or "application/xhtml+xml")
            {
                var page = new CrawlPage(url, record.Date, http.Header("Content-Type"), entry, record.Location);
                Pages.Add(page);
                pagesByUrl[url] = page; // a URL captured twice: the page list means the later capture
            }
        }
    }

    /// <summary>
    /// The seeds, then each damaged stretch of the file as an error of its own id (two would otherwise collide as one
    /// seed id). A crawl of no pages (only pictures, only POST exchanges) holds no seed, and that is no error.
    /// </summary>
    public IReadOnlyList<SeedLoad> WithProblems(List<SeedLoad> loads)
    {
        for (var i = 0; i < Problems.Count; i++)
        {
            loads.Add(SeedLoad.Failed(new SeedError(path, null, Problems[i]), $"{SeedId.FromPath(path)}~damaged-{i + 1}"));
        }

        return loads;
    }

    /// <summary>The page made a seed, or the reason it cannot be one (naming its URL).</summary>
    public SeedLoad Seed(CrawlPage page, string id, SeedFormat format, SeedReaderOptions options, string? title = null)
    {
        SeedLoad Fail(string message) => SeedLoad.Failed(new SeedError(path, null, $"{page.Url}: {message}"), id);
        var body = ReadAt(page.Entry, page.Location, options.MaxBytes + WarcReadOptions.HeadBytes) is { } found && !found.Record.BlockCut ? found.Http.Payload(options.MaxBytes + 1) : null;
        if (body is null || body.LongLength > options.MaxBytes)
        {
            return Fail($"the archived page is over the {options.MaxBytes / 1024 / 1024} MB limit for a seed");
        }

        if (page.Date is not { } date)
        {
            return Fail("the record has no valid WARC-Date");
        }

        if (!Uri.TryCreate(page.Url, UriKind.Absolute, out var source) || !WebUrl.IsHttp(source))
        {
            return Fail("the record's WARC-Target-URI is not an http(s) URL");
        }

        var html = Decode(body, page.ContentType);
        if (HtmlNestingScanner.FindExcess(html, options.MaxNestingDepth) is not null)
        {
            return Fail($"the HTML nests elements more than {options.MaxNestingDepth} levels deep");
        }

        try
        {
            // A crawl's page without text (a widget frame, a script shell) is still a page whose life is worth checking.
            var seed = HtmlSeed.From(new HtmlParser().ParseDocument(html), id, path, format, source, date, ArchivedAtSource.Header, what: null, title);
            return SeedLoad.Loaded(seed with { Resources = this });
        }
        catch (SeedFormatException e)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>The HTML 200 page of the crawl at <paramref name="url"/>, following redirects inside the crawl; null when it holds none.</summary>
    public CrawlPage? PageAt(string url)
    {
        for (var hop = 0; hop <= MaxRedirects && Key(url) is { } key; hop++)
        {
            if (pagesByUrl.TryGetValue(key, out var page))
            {
                return page;
            }

            if (Read(key, WarcReadOptions.HeadBytes) is not { } found)
            {
                return null;
            }

            // A page the crawl saw unchanged again is a revisit of an earlier response, which holds its body.
            if (found.Http is { Status: 200, MediaType: "text/html" or "application/xhtml+xml" })
            {
                var at = responses[key];
                return new CrawlPage(key, found.Record.Date, found.Http.Header("Content-Type"), at.Entry, at.Location);
            }

            if (found.Http is not { Status: >= 300 and < 400 } http || http.Header("Location") is not { } location || !Uri.TryCreate(new Uri(key), location, out var next))
            {
                return null;
            }

            url = next.AbsoluteUri;
        }

        return null;
    }

    public Task<FetchResponse?> FindAsync(Uri url, long maxBytes, CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            var redirects = new List<RedirectHop>();
            var current = url;
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Key(current.AbsoluteUri) is not { } key || Read(key, maxBytes + WarcReadOptions.HeadBytes) is not { Http.Status: { } status } found)
                {
                    return null;
                }

                if (status is 301 or 302 or 303 or 307 or 308 && found.Http.Header("Location") is { } location && Uri.TryCreate(current, location, out var next))
                {
                    redirects.Add(new RedirectHop(current, status));
                    current = next;
                    continue;
                }

                var body = found.Http.Payload(maxBytes + 1);
                var truncated = found.Record.BlockCut || body.LongLength > maxBytes;
                var headers = FetchResponse.Decoded(found.Http.Headers);
                return new FetchResponse(url, current, redirects, status, headers, truncated ? body[..(int)Math.Min(body.LongLength, maxBytes)] : body, truncated, null, 1, TimeSpan.Zero);
            }

            return (FetchResponse?)null;
        },
        cancellationToken);

    private (WarcRecord Record, HttpBlock Http)? Read(string key, long maxBlock) =>
        responses.TryGetValue(key, out var at) ? ReadAt(at.Entry, at.Location, maxBlock) : null;

    /// <summary>The record at a place of the crawl (a WACZ: of one of its WARCs) with its HTTP message.</summary>
    private (WarcRecord Record, HttpBlock Http)? ReadAt(string? entry, WarcLocation location, long maxBlock)
    {
        try
        {
            return ReadRecordAt(entry, location, maxBlock);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            // The file changed or broke since it was indexed: the record is not there any more.
            return null;
        }
    }

    private (WarcRecord Record, HttpBlock Http)? ReadRecordAt(string? entry, WarcLocation location, long maxBlock)
    {
        var options = new WarcReadOptions(maxBlock);
        WarcRecord? record;
        if (zipped && (stored ??= StoredEntries()).TryGetValue(entry!, out var inZip))
        {
            // A WARC stored in the package (as WACZ packages store them) is read by seeking in the zip file itself.
            using var file = File.OpenRead(path);
            record = WarcReader.ReadAt(file, location with { FileOffset = inZip.Offset + location.FileOffset }, options);
        }
        else if (zipped)
        {
            using var zip = ZipFile.OpenRead(path);
            using var stream = zip.GetEntry(entry!)!.Open();
            record = WarcReader.ReadAt(stream, location, options);
        }
        else
        {
            using var file = File.OpenRead(path);
            record = WarcReader.ReadAt(file, location, options);
        }

        return record is not null && HttpBlock.Parse(record.Block) is { } http ? (record, http) : null;
    }

    private IReadOnlyDictionary<string, (long Offset, long Length)> StoredEntries()
    {
        using var file = File.OpenRead(path);
        return WaczPackage.StoredEntries(file);
    }

    /// <summary>The form URLs are matched in: absolute, without a fragment; null for what is not an absolute URL.</summary>
    private static string? Key(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? WebUrl.WithoutFragment(uri).AbsoluteUri : null;

    /// <summary>The body's text by the charset its Content-Type or its own meta tag names (HTML §13.2.3), UTF-8 otherwise.</summary>
    private static string Decode(byte[] body, string? contentType)
    {
        var charset = Charset().Match(contentType ?? "") is { Success: true } fromHeader ? fromHeader.Groups[1].Value
            : Charset().Match(Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 1024))) is { Success: true } fromMeta ? fromMeta.Groups[1].Value
            : null;
        Encoding encoding;
        try
        {
            encoding = charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        var text = encoding.GetString(body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
