using System.Collections.Concurrent;
using System.Diagnostics;
using Archive.IO;
using Archive.Web;
using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>
/// Captures one live page. The main document is fetched first through the shared <see cref="HttpFetcher"/>
/// (so redirects, retries and dead pages are settled without a browser); an HTML page is then opened in a
/// browser tab wiped of every earlier seed's state (<see cref="BrowserTab"/>), in which every request the page
/// makes is intercepted and fetched through the same fetcher — mapped, capped, policed — and answered to the
/// browser in the original URL space.
/// </summary>
public sealed class PageCapturer : IAsyncDisposable
{
    private static readonly HashSet<string> HtmlTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };
    private readonly IFetcher fetcher;
    private readonly CaptureOptions options;
    private readonly TabPool tabs;

    public PageCapturer(IFetcher fetcher, CaptureOptions options, Func<Task<IBrowser>> browser)
    {
        this.fetcher = fetcher;
        this.options = options;
        tabs = new TabPool(browser, ContextOptions, options.SeedsPerTab);
    }

    public ValueTask DisposeAsync() => tabs.DisposeAsync();

    /// <summary>The main document fetched (<see cref="FetchAsync"/>), then rendered, in one call.</summary>
    public async Task<PageCapture> CaptureAsync(Uri sourceUrl, CancellationToken cancellationToken, string? archivedHtml = null, Func<string, bool>? suspect = null, Func<PageCapture, Task<Pictures>>? pictures = null, Seeds.IArchivedResources? archive = null) =>
        await CaptureAsync(await FetchAsync(sourceUrl, cancellationToken).ConfigureAwait(false), cancellationToken, archivedHtml, suspect, pictures, archive).ConfigureAwait(false);

    /// <summary>
    /// Fetches the page's main document, without a browser. A run does this ahead of rendering, for several seeds
    /// at once, so a page that never answers waits beside the others instead of holding a tab (or a worker) for
    /// its whole time limit.
    /// </summary>
    public async Task<PageDocument> FetchAsync(Uri sourceUrl, CancellationToken cancellationToken)
    {
        var took = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.TotalTimeout);
        var sentAt = fetcher.Time.GetUtcNow();
        try
        {
            var document = await fetcher.FetchAsync(new FetchRequest(sourceUrl, MaxBodyBytes: options.MaxPageBytes), deadline.Token).ConfigureAwait(false);
            return new PageDocument(sourceUrl, document, sentAt, fetcher.Time.GetUtcNow(), took.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The seed's own time limit passed while the page was still being fetched or retried: that page is
            // not answering, which is the page's problem, not the run's.
            var failure = new FetchFailure(FetchFailureKind.Timeout, $"no answer within the total time limit of {options.TotalTimeout.TotalSeconds:0.#} s");
            return new PageDocument(sourceUrl, new FetchResponse(sourceUrl, sourceUrl, [], null, [], [], false, failure, 1, took.Elapsed), sentAt, fetcher.Time.GetUtcNow(), took.Elapsed);
        }
    }

    /// <param name="page">The page's main document, from <see cref="FetchAsync"/>; the time it took counts against the seed's total time limit, the time it waited for a tab does not.</param>
    /// <param name="archivedHtml">The archived body, made safe (see <see cref="Seeds.RenderableBody"/>), to render beside the live page; null for no archived screenshot.</param>
    /// <param name="suspect">Tells from the page's text whether it holds hardly any of the archived text; such a page is given time to settle and read again.</param>
    /// <param name="pictures">Under <see cref="ScreenshotPolicy.Findings"/>, asked with the rendered page (HTML and text, no picture yet) while its tab is still open: which pictures it earns. Null: both.</param>
    /// <param name="archive">The crawl the seed came from: the archived body's pictures are shown as it kept them.</param>
    public async Task<PageCapture> CaptureAsync(PageDocument page, CancellationToken cancellationToken, string? archivedHtml = null, Func<string, bool>? suspect = null, Func<PageCapture, Task<Pictures>>? pictures = null, Seeds.IArchivedResources? archive = null)
    {
        var (sourceUrl, document, sentAt, answeredAt, fetchTime) = page;
        var total = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(page.TimeLeft(options.TotalTimeout));

        var fetchMs = fetchTime.TotalMilliseconds;
        var notes = new List<string>();
        if (document.Truncated)
        {
            notes.Add($"the HTML document was cut off at {options.MaxPageBytes / 1024 / 1024} MB");
        }

        var renderable = document.Failure is null && document.Status is >= 200 and < 300;
        if (renderable && document.MediaType is { } type && !HtmlTypes.Contains(type))
        {
            notes.Add($"the live URL serves {type}, not an HTML page; it was not rendered");
            renderable = false;
        }

        var fetched = Fetched(sourceUrl, document, notes, fetchMs, answeredAt);
        if (options.RecordTraffic && document.Failure is null)
        {
            fetched = fetched with { Traffic = [new Exchange(sentAt, "GET", [], null, document)] };
        }

        if (!renderable)
        {
            return fetched;
        }

        BrowserTab tab;
        var renting = tabs.RentAsync();
        try
        {
            tab = await renting.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The tab may still open after the wait has ended; nobody will use it, so it is closed when it does.
            _ = CloseWhenOpenedAsync(renting);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return fetched with { Error = $"the capture exceeded its total time limit of {options.TotalTimeout.TotalSeconds:0} s" };
        }

        var clean = false;
        try
        {
            // Closing the context ends whatever the page is still doing when the total time limit passes.
            await using var onDeadline = deadline.Token.Register(() => _ = tab.Context.CloseAsync()).ConfigureAwait(false);
            var (capture, wanted) = await RenderAsync(tab, fetched, document, notes, total, deadline, suspect, pictures, cancellationToken).ConfigureAwait(false);
            if (archivedHtml is not null && options.ArchivedScreenshot && capture.Error is null && wanted.HasFlag(Pictures.Archived))
            {
                capture = capture with { ArchivedScreenshot = await RenderArchivedAsync(tab, archivedHtml, document, capture.Notes, archive, deadline.Token).ConfigureAwait(false) };
            }

            clean = capture.Error is null && !deadline.IsCancellationRequested;
            return capture;
        }
        finally
        {
            await tabs.ReturnAsync(tab, clean).ConfigureAwait(false);
        }
    }

    private static async Task CloseWhenOpenedAsync(Task<BrowserTab> renting)
    {
        try
        {
            await (await renting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or BrowserUnavailableException or TimeoutException or ObjectDisposedException)
        {
            // it never opened: nothing to close
        }
    }

    /// <summary>
    /// The archived body as the archive shows it, after the live page in the same tab, with JavaScript off: only
    /// images are let through (fetched like the live page's, and not recorded among them); every other request is
    /// refused.
    /// </summary>
    private async Task<byte[]?> RenderArchivedAsync(BrowserTab tab, string archivedHtml, FetchResponse document, IReadOnlyList<string> notes, Seeds.IArchivedResources? archive, CancellationToken cancellationToken)
    {
        tab.Listen(new Session(fetcher, options, document, imagesOnly: true, cancellationToken) { Archive = archive });
        try
        {
            var page = tab.Page;
            await page.GotoAsync("about:blank").ConfigureAwait(false);
            await tab.DisableJavaScriptAsync().ConfigureAwait(false);
            var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base href=\"" + System.Net.WebUtility.HtmlEncode(document.FinalUrl.AbsoluteUri) + "\">"
                + "<style>body{max-width:760px;margin:24px auto;padding:0 16px;font:17px/1.6 Georgia,'Noto Serif CJK SC',serif;color:#222}img,video{max-width:100%;height:auto}</style></head><body>"
                + archivedHtml + "</body></html>";
            try
            {
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)options.NavigationTimeout.TotalMilliseconds }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Images still loading: the picture is taken as it is.
            }

            return await ScreenshotAsync(tab, [.. notes]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or ObjectDisposedException)
        {
            return null; // best effort: the archived rendering is for people, never for the verdict
        }
    }

    /// <summary>What is known once the main document has been fetched (or failed to be); rendering adds to it.</summary>
    private static PageCapture Fetched(Uri sourceUrl, FetchResponse document, List<string> notes, double ms, DateTimeOffset answeredAt) =>
        new(sourceUrl, document.FinalUrl, document.Redirects, document.Status, document.ContentType, document.Failure, null, null, null, [], [], [], notes.ToList(), new CaptureTimings(ms, 0, 0, ms), null) { CapturedAt = answeredAt };

    private async Task<(PageCapture Capture, Pictures Wanted)> RenderAsync(BrowserTab tab, PageCapture fetched, FetchResponse document, List<string> notes, Stopwatch total, CancellationTokenSource deadline, Func<string, bool>? suspect, Func<PageCapture, Task<Pictures>>? pictures, CancellationToken cancellationToken)
    {
        var fetchMs = fetched.Timings.FetchMs;
        double TotalMs() => fetchMs + total.Elapsed.TotalMilliseconds;
        var session = new Session(fetcher, options, document, imagesOnly: false, deadline.Token);
        tab.Listen(session);
        var loadMs = 0.0;
        var settleMs = 0.0;
        try
        {
            var page = tab.Page;
            var load = Stopwatch.StartNew();
            try
            {
                await page.GotoAsync(document.FinalUrl.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)options.NavigationTimeout.TotalMilliseconds }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                notes.Add($"the page did not finish loading within {options.NavigationTimeout.TotalSeconds:0} s; captured as it was");
            }

            loadMs = load.Elapsed.TotalMilliseconds;
            var settle = Stopwatch.StartNew();
            if (options.DismissOverlays && await ConsentOverlays.DismissAsync(page).ConfigureAwait(false) is { } clicked)
            {
                notes.Add($"dismissed a consent overlay ({clicked})");
            }

            await AutoScroll.RunAsync(page, options.MaxScrollSteps, 120).ConfigureAwait(false);
            try
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = (float)options.NetworkQuiet.TotalMilliseconds }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                notes.Add($"the network was still busy {options.NetworkQuiet.TotalSeconds:0.#} s after loading");
            }

            var html = await page.ContentAsync().ConfigureAwait(false);
            var text = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''").ConfigureAwait(false);
            if (suspect is not null && suspect(text))
            {
                (html, text) = await SettleAsync(page, suspect, text, html, notes).ConfigureAwait(false);
            }

            settleMs = settle.Elapsed.TotalMilliseconds;
            var capture = session.Complete(fetched, notes, new CaptureTimings(fetchMs, loadMs, settleMs, TotalMs())) with
            {
                Html = html,
                Text = text,
            };

            // A full-page picture is most of the browser's graphics work for a page: under the findings policy it
            // is taken only when the caller, having compared the page, says it shows something worth seeing.
            var wanted = options.Screenshots switch
            {
                ScreenshotPolicy.None => Pictures.None,
                ScreenshotPolicy.Findings when pictures is not null => await pictures(capture).ConfigureAwait(false),
                _ => Pictures.Live | Pictures.Archived,
            };
            if (!wanted.HasFlag(Pictures.Live))
            {
                return (capture, wanted);
            }

            var noted = notes.Count;
            var screenshot = await ScreenshotAsync(tab, notes).ConfigureAwait(false);
            return (capture with { Screenshot = screenshot, Notes = [.. capture.Notes, .. notes.Skip(noted)], Timings = capture.Timings with { TotalMs = TotalMs() } }, wanted);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            // What the page did is a finding about the page, never a failure of the tool: a page that starts a
            // download serves a file, not a page (changed, like a PDF); one that loops in script or floods dialogs
            // until the seed's time is up did not load (dead, as a page that times out is).
            var timings = new CaptureTimings(fetchMs, loadMs, settleMs, TotalMs());
            if (e.Message.StartsWith("Download is starting", StringComparison.Ordinal))
            {
                notes.Insert(0, "the live URL starts a download (an attachment) instead of showing a page");
                return (session.Complete(fetched, notes, timings), Pictures.None);
            }

            // The reason says which limit it was: the seed's whole time, or one browser step that never answered.
            return (deadline.IsCancellationRequested
                ? session.Complete(fetched, notes, timings) with { Failure = new FetchFailure(FetchFailureKind.Timeout, $"the page did not finish loading within the total time limit of {options.TotalTimeout.TotalSeconds:0} s (a script that never yields, dialogs, or a page that never settles)") }
                : e is TimeoutException
                    ? session.Complete(fetched, notes, timings) with { Failure = new FetchFailure(FetchFailureKind.Timeout, $"the page stopped answering the browser: {FirstLine(e.Message)}") }
                    : session.Complete(fetched, notes, timings) with { Error = $"the browser failed: {FirstLine(e.Message)}" }, Pictures.None);
        }
    }

    /// <summary>
    /// Waits, within <see cref="CaptureOptions.Settle"/>, until the page's DOM has been still for
    /// <see cref="QuietMs"/> with no loading placeholder left (<c>aria-busy</c>, skeletons, spinners), scrolls
    /// again for lazy parts, and reads it again; repeated while the text still holds hardly any of the archive.
    /// A real soft-404 costs this wait once; a body a script fills in late is read once it is there.
    /// </summary>
    private async Task<(string Html, string Text)> SettleAsync(IPage page, Func<string, bool> suspect, string text, string html, List<string> notes)
    {
        var waited = Stopwatch.StartNew();
        var reads = 1;
        while (suspect(text) && waited.Elapsed < options.Settle)
        {
            var left = options.Settle - waited.Elapsed;
            await page.EvaluateAsync<double>(QuietScript, new[] { QuietMs, left.TotalMilliseconds }).ConfigureAwait(false);
            await AutoScroll.RunAsync(page, options.MaxScrollSteps, 120).ConfigureAwait(false);
            try
            {
                var quiet = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, Math.Min(options.NetworkQuiet.Ticks, (options.Settle - waited.Elapsed).Ticks)));
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = (float)quiet.TotalMilliseconds }).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // still busy: read what is there
            }

            html = await page.ContentAsync().ConfigureAwait(false);
            text = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''").ConfigureAwait(false);
            reads++;
        }

        notes.Add($"little of the archived text was there after loading; the page was given {waited.Elapsed.TotalSeconds:0.#} s to settle and read {reads} times{(suspect(text) ? ", and still holds little of it" : string.Empty)}");
        return (html, text);
    }

    /// <summary>How long the DOM must be still for the page to count as settled.</summary>
    private const double QuietMs = 600;

    // Resolves once no mutation has happened for quietMs and no loading placeholder is left, or after maxMs.
    private const string QuietScript = """
        ([quietMs, maxMs]) => new Promise(resolve => {
          const start = performance.now();
          let last = start;
          const observer = new MutationObserver(() => { last = performance.now(); });
          observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          const busy = () => document.querySelector('[aria-busy="true"], .skeleton, [class*="skeleton"], [class*="spinner"], [class*="shimmer"], [data-loading="true"]') !== null;
          const tick = () => {
            const now = performance.now();
            if ((now - last >= quietMs && !busy()) || now - start >= maxMs) {
              observer.disconnect();
              resolve(now - start);
            } else {
              setTimeout(tick, 100);
            }
          };
          setTimeout(tick, 100);
        })
        """;

    /// <summary>No downloads, no service workers; cookies and storage never outlive a seed (<see cref="BrowserTab"/>).</summary>
    private BrowserNewContextOptions ContextOptions() => new()
    {
        AcceptDownloads = false,
        ServiceWorkers = ServiceWorkerPolicy.Block,
        ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
        UserAgent = fetcher.Options.UserAgent,
    };

    private async Task<byte[]?> ScreenshotAsync(BrowserTab tab, List<string> notes)
    {
        try
        {
            var height = await tab.Page.EvaluateAsync<int>("() => Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight)").ConfigureAwait(false);
            if (height > options.MaxScreenshotHeight)
            {
                notes.Add($"the screenshot was clipped at {options.MaxScreenshotHeight} px of {height}");
            }

            // JPEG, not PNG: compressing a full-page PNG took ~360 ms of CPU per page, a third of a capture
            // (docs/performance.md); a JPEG at this quality takes ~160 ms and reads the same to a person.
            return await tab.ScreenshotAsync(options.ViewportWidth, Math.Clamp(height, 1, options.MaxScreenshotHeight), options.ScreenshotQuality, options.ScreenshotScale).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            notes.Add("no screenshot: " + FirstLine(e.Message));
            return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>The state of one page's capture, shared by the request handler and the page's events.</summary>
    private sealed class Session(IFetcher fetcher, CaptureOptions options, FetchResponse document, bool imagesOnly, CancellationToken cancellationToken) : ITabListener
    {
        private readonly ConcurrentQueue<CapturedImage> images = new();
        private readonly ConcurrentQueue<string> notes = new();
        private readonly ConcurrentQueue<Exchange> traffic = new();
        private long trafficBytes;
        private int requests;
        private int documentServed;
        private long imageBytes;

        public ConcurrentQueue<string> ConsoleErrors { get; } = new();

        /// <summary>Where the archived body's pictures come from before the web: the seed's crawl.</summary>
        public Seeds.IArchivedResources? Archive { get; init; }

        public ConcurrentQueue<FailedRequest> Failed { get; } = new();

        /// <summary>The fetched capture with what the page's requests and scripts produced added to it.</summary>
        public PageCapture Complete(PageCapture fetched, List<string> pageNotes, CaptureTimings timings) => fetched with
        {
            Images = images.ToList(),
            Traffic = [.. fetched.Traffic, .. traffic],
            FailedRequests = Failed.ToList(),
            ConsoleErrors = ConsoleErrors.ToList(),
            Notes = [.. pageNotes, .. notes.Distinct()],
            Timings = timings,
        };

        public void ConsoleError(string text) => ConsoleErrors.Enqueue(text);

        public async Task HandleAsync(IRoute route)
        {
            var request = route.Request;
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || !WebUrl.IsHttp(url) || (imagesOnly && request.ResourceType != "image"))
            {
                await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
                return;
            }

            // The main document was fetched already; the first navigation to it is answered from that fetch.
            if (request.IsNavigationRequest && request.Frame.ParentFrame is null && url.AbsoluteUri == document.FinalUrl.AbsoluteUri
                && Interlocked.Exchange(ref documentServed, 1) == 0)
            {
                await FulfillAsync(route, document).ConfigureAwait(false);
                return;
            }

            if (Interlocked.Increment(ref requests) > options.MaxSubresources)
            {
                notes.Enqueue($"the page made more than {options.MaxSubresources} requests; the rest were refused");
                Failed.Enqueue(new FailedRequest(url, request.ResourceType, "over the request limit"));
                await route.AbortAsync("blockedbyclient").ConfigureAwait(false);
                return;
            }

            var isImage = request.ResourceType == "image";
            FetchResponse response;
            var sentAt = fetcher.Time.GetUtcNow();
            try
            {
                var cap = isImage ? options.MaxImageBytes : options.MaxPageBytes;
                response = (Archive is null ? null : await Archive.FindAsync(url, cap, cancellationToken).ConfigureAwait(false))
                    ?? await fetcher.FetchAsync(new FetchRequest(url, request.Method, request.Headers, request.PostDataBuffer, MaxBodyBytes: cap), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await TryAbortAsync(route, "timedout").ConfigureAwait(false);
                return;
            }

            if (response.Failure is { } failure)
            {
                Failed.Enqueue(new FailedRequest(url, request.ResourceType, failure.Message));
                await TryAbortAsync(route, failure.Kind switch
                {
                    FetchFailureKind.Dns => "namenotresolved",
                    FetchFailureKind.ConnectionRefused => "connectionrefused",
                    FetchFailureKind.ConnectionReset => "connectionreset",
                    FetchFailureKind.Timeout => "timedout",
                    FetchFailureKind.Refused => "blockedbyclient",
                    _ => "failed",
                }).ConfigureAwait(false);
                return;
            }

            if (isImage || response.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true)
            {
                Record(url, response);
            }

            // The archived body's own images are not the live page's traffic.
            if (options.RecordTraffic && !imagesOnly)
            {
                var kept = Interlocked.Add(ref trafficBytes, response.Body.LongLength) <= options.MaxTrafficBytesPerPage ? response : response with { Body = [], Truncated = true };
                traffic.Enqueue(new Exchange(sentAt, request.Method, request.Headers.ToList(), request.PostDataBuffer, kept));
            }

            await FulfillAsync(route, response).ConfigureAwait(false);
        }

        public void RequestFailed(IRequest request)
        {
            // Requests the handler aborted are recorded there already, with a better reason.
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && !Failed.Any(f => f.Url == url))
            {
                Failed.Enqueue(new FailedRequest(url, request.ResourceType, request.Failure ?? "failed"));
            }
        }

        private void Record(Uri url, FetchResponse response)
        {
            var size = response.Body.LongLength;
            var keep = !response.Truncated && Interlocked.Add(ref imageBytes, size) <= options.MaxImageBytesPerPage;
            if (!keep && !response.Truncated)
            {
                notes.Enqueue($"image bytes over {options.MaxImageBytesPerPage / 1024 / 1024} MB for the page were not kept");
            }

            images.Enqueue(new CapturedImage(
                url, response.Status ?? 0, response.ContentType, size,
                keep ? ContentHash.Of(response.Body) : null,
                keep ? response.Body : null,
                response.Truncated));
        }

        private static async Task FulfillAsync(IRoute route, FetchResponse response)
        {
            var headers = response.Headers
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(g.Key == "set-cookie" ? "\n" : ", ", g.Select(h => h.Value))));
            try
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = response.Status, Headers = headers, BodyBytes = response.Body }).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // The page went away (closed, navigated) before the answer came; nothing is waiting for it.
            }
        }

        private static async Task TryAbortAsync(IRoute route, string code)
        {
            try
            {
                await route.AbortAsync(code).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // As above: nobody is waiting any more.
            }
        }
    }
}
