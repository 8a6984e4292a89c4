using System.Collections.Concurrent;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Links;

/// <summary>Where a checked URL came from in the seed.</summary>
public enum LinkKind
{
    /// <summary>The seed's own source URL, as the capture found it (never fetched again).</summary>
    Source,

    /// <summary>An <c>a href</c> or <c>area href</c> of the archived body.</summary>
    Link,

    /// <summary>The URL of an image, video, audio or embed of the archived body.</summary>
    Media,
}

/// <summary>One URL of one seed and what became of it.</summary>
/// <param name="Index">The link's (or medium's) place in the archived body; 0 for the source.</param>
/// <param name="Href">The attribute as archived, for links.</param>
/// <param name="Text">The link's text.</param>
/// <param name="Memento">The archived copy closest to the seed's archive time, for dead and soft-404 URLs.</param>
/// <param name="Cached">Whether the result came from the on-disk cache of an earlier run.</param>
public sealed record LinkFinding(int Index, LinkKind Kind, string? Href, string? Text, LinkResult Result, Memento? Memento, bool Cached);

/// <summary>
/// The link stage: every distinct URL is checked once per run, however many seeds hold it — HEAD first, GET
/// (reading a bounded prefix) when HEAD is refused or the page's text has to be read for soft-404 signals — with a
/// global limit on checks in flight (hosts are further limited by the fetcher), and answers kept in an optional
/// on-disk cache.
/// </summary>
public sealed class LinkChecker : IDisposable
{
    private readonly IFetcher fetcher;
    private readonly LinkOptions options;
    private readonly LinkCache? cache;
    private readonly SemaphoreSlim slots;
    private readonly Soft404Detector soft404;
    private readonly MementoClient? mementos;
    private readonly ConcurrentDictionary<string, Lazy<Task<(LinkResult Result, bool Cached)>>> checks = new(StringComparer.Ordinal);

    // Hosts whose HEAD answers were refused or contradicted by GET: asked with GET straight away from then on.
    private readonly ConcurrentDictionary<string, bool> headUnreliable = new(StringComparer.Ordinal);

    public LinkChecker(IFetcher fetcher, LinkOptions options, LinkCache? cache)
    {
        this.fetcher = fetcher;
        this.options = options;
        this.cache = cache;
        slots = new SemaphoreSlim(options.Concurrency);
        soft404 = new Soft404Detector(new MissingPageProbe(fetcher, options), options);
        mementos = options.TimeGate is null ? null : new MementoClient(fetcher, options.TimeGate, options.RequestTimeout);
    }

    /// <summary>Distinct URLs checked or reused so far in this run.</summary>
    public int Distinct => checks.Count;

    /// <summary>Records what the capture already found for a URL, so no seed fetches it again.</summary>
    public void Remember(LinkResult result)
    {
        checks.TryAdd(result.Url, new Lazy<Task<(LinkResult, bool)>>(Task.FromResult((result, false))));
        cache?.Remember(result);
    }

    /// <summary>Checks one URL, or returns the answer this run (or a fresh cached one) already has.</summary>
    public async Task<(LinkResult Result, bool Cached)> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        return await checks.GetOrAdd(url.AbsoluteUri, key => new Lazy<Task<(LinkResult, bool)>>(async () =>
        {
            if (cache?.Fresh(key) is { } cached)
            {
                return (cached, true);
            }

            var result = await FetchAndDecideAsync(url, cancellationToken).ConfigureAwait(false);
            cache?.Remember(result);
            return (result, false);
        })).Value.ConfigureAwait(false);
    }

    /// <summary>Every link and media URL of a seed, and its source URL as the capture found it.</summary>
    public async Task<IReadOnlyList<LinkFinding>> CheckSeedAsync(Seed seed, LinkResult? source, CancellationToken cancellationToken)
    {
        var work = new List<Task<LinkFinding>>();
        if (source is not null)
        {
            Remember(source);
            work.Add(FindingAsync(0, LinkKind.Source, null, null, seed.SourceUrl, seed.ArchivedAt, cancellationToken));
        }

        Task<LinkFinding> Unfetched(int index, LinkKind kind, string? href, string? text, string url, LinkStatus status, string reason) =>
            Task.FromResult(new LinkFinding(index, kind, href, text, LinkResult.Unfetched(url, status, reason, fetcher.Time.GetUtcNow()), null, false));

        foreach (var link in seed.Document.Links)
        {
            work.Add(link switch
            {
                { Target: LinkTarget.Malformed } => Unfetched(link.Index, LinkKind.Link, link.Href, link.Text, link.Href, LinkStatus.Error, "malformed URL"),
                { IsFetchable: false } => Unfetched(link.Index, LinkKind.Link, link.Href, link.Text, link.Url?.AbsoluteUri ?? link.Href, LinkStatus.Skipped, SkipReason(link.Target)),
                _ when Excluded(link.Url!) is { } pattern => Unfetched(link.Index, LinkKind.Link, link.Href, link.Text, link.Url!.AbsoluteUri, LinkStatus.Skipped, $"excluded by {pattern}"),
                _ => FindingAsync(link.Index, LinkKind.Link, link.Href, link.Text, link.Url!, seed.ArchivedAt, cancellationToken),
            });
        }

        foreach (var media in seed.Document.Media)
        {
            work.Add(Excluded(media.Url) is { } pattern
                ? Unfetched(media.Index, LinkKind.Media, null, media.Alt, media.Url.AbsoluteUri, LinkStatus.Skipped, $"excluded by {pattern}")
                : FindingAsync(media.Index, LinkKind.Media, null, media.Alt, media.Url, seed.ArchivedAt, cancellationToken));
        }

        return await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task<LinkFinding> FindingAsync(int index, LinkKind kind, string? href, string? text, Uri url, DateTimeOffset archivedAt, CancellationToken cancellationToken)
    {
        var (result, cached) = await CheckAsync(url, cancellationToken).ConfigureAwait(false);
        var memento = result.IsBroken && mementos is not null ? await mementos.FindAsync(url, archivedAt, cancellationToken).ConfigureAwait(false) : null;
        return new LinkFinding(index, kind, href, text, result, memento, cached);
    }

    private string? Excluded(Uri url) => options.Exclude?.FirstOrDefault(p => p.IsMatch(url.AbsoluteUri))?.ToString();

    private static string SkipReason(LinkTarget target) => target switch
    {
        LinkTarget.Mailto => "mailto: links are not checked",
        LinkTarget.Tel => "tel: links are not checked",
        LinkTarget.JavaScript => "javascript: links are never followed",
        LinkTarget.Fragment => "a place in the same page",
        _ => "only http and https links are checked",
    };

    private async Task<LinkResult> FetchAndDecideAsync(Uri url, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var host = url.Authority;
            FetchResponse? head = null;
            if (!headUnreliable.ContainsKey(host) && NamesAFile(url))
            {
                head = await fetcher.FetchAsync(Request(url, "HEAD"), cancellationToken).ConfigureAwait(false);
                var answered = head.Failure is null && head.Status is >= 200 and < 300;

                // A HEAD that worked settles everything but a page's text; network failures are not HEAD's fault.
                if ((answered && !MayBeHtml(head)) || head.Failure is not null)
                {
                    return await DecideAsync(url, head, null, "HEAD", cancellationToken).ConfigureAwait(false);
                }
            }

            var get = await fetcher.FetchAsync(Request(url, "GET"), cancellationToken).ConfigureAwait(false);
            if (head is { Status: not (>= 200 and < 300) } && get.Status is >= 200 and < 300)
            {
                headUnreliable.TryAdd(host, true); // refused HEAD (405, 501, 403…) or answered it wrongly
            }

            return await DecideAsync(url, get, ResponsePage.Read(get), "GET", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<LinkResult> DecideAsync(Uri url, FetchResponse response, ResponsePage? page, string method, CancellationToken cancellationToken)
    {
        var signal = response.Failure is null && response.Status is >= 200 and < 300
            ? await soft404.DetectAsync(url, response, page, cancellationToken).ConfigureAwait(false)
            : null;
        return LinkVerdict.Decide(url, response, signal, method, fetcher.Time.GetUtcNow());
    }

    private FetchRequest Request(Uri url, string method) => new(url, method, MaxBodyBytes: options.MaxBodyBytes, Timeout: options.RequestTimeout);

    public void Dispose() => slots.Dispose();

    /// <summary>
    /// Whether the URL names a file (an image, a PDF, a video) that HEAD can settle. A page is read with a bounded
    /// GET straight away: two of the three soft-404 signals need its text, so a HEAD would only add a request.
    /// </summary>
    internal static bool NamesAFile(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension.Length > 1 && extension is not (".html" or ".htm" or ".shtml" or ".xhtml" or ".php" or ".asp" or ".aspx" or ".jsp" or ".cfm" or ".cgi" or ".pl");
    }

    private static bool MayBeHtml(FetchResponse response) => response.MediaType is null or "text/html" or "application/xhtml+xml";
}
