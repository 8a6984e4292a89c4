using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>What a tab tells the seed it is lent to: every request its pages make and what goes wrong in them.</summary>
internal interface ITabListener
{
    Task HandleAsync(IRoute route);

    void ConsoleError(string text);

    void RequestFailed(IRequest request);
}

/// <summary>
/// One browser context with one page, lent to one seed at a time. Opening a context and its page costs a new
/// renderer process and ~0.5 s of CPU on a small machine, more than loading most articles (docs/performance.md),
/// so a tab serves several seeds and everything a page can leave behind is wiped between them (see
/// <see cref="WipeAsync"/>): cookies, every kind of storage of every origin that had a document in the tab,
/// the window's name, other windows the page opened, the history, the JavaScript switch.
/// </summary>
internal sealed class BrowserTab : IAsyncDisposable
{
    private static readonly TimeSpan WipeLimit = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, byte> documentOrigins = new(StringComparer.Ordinal);
    private readonly ICDPSession devTools;
    private volatile ITabListener? listener;
    private int closed;

    private BrowserTab(IBrowserContext context, IPage page, ICDPSession devTools)
    {
        Context = context;
        Page = page;
        this.devTools = devTools;
        context.Close += (_, _) => Interlocked.Exchange(ref closed, 1);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Seeds this tab has served, counted by its pool.</summary>
    public int Seeds { get; set; }

    /// <summary>Whether the tab can serve another seed: its context and page are still open.</summary>
    public bool Reusable => Volatile.Read(ref closed) == 0 && !Page.IsClosed;

    public static async Task<BrowserTab> OpenAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options).ConfigureAwait(false);
        try
        {
            BrowserTab? tab = null;
            await context.RouteAsync("**/*", route => tab is null ? route.AbortAsync("blockedbyclient") : tab.RouteAsync(route)).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            // Only Chromium is ever launched or connected to (BrowserHost), so its DevTools session is always there.
            tab = new BrowserTab(context, page, await context.NewCDPSessionAsync(page).ConfigureAwait(false));
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    tab.listener?.ConsoleError(message.Text);
                }
            };
            page.PageError += (_, error) => tab.listener?.ConsoleError(error);
            context.RequestFailed += (_, request) => tab.listener?.RequestFailed(request);
            return tab;
        }
        catch
        {
            await context.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lends the tab to one seed: its requests and events go to <paramref name="to"/> until the next call.</summary>
    public void Listen(ITabListener? to) => listener = to;

    /// <summary>Scripts off for a rendering of untrusted markup that must not act (the archived body); the wipe turns them on again.</summary>
    public Task DisableJavaScriptAsync() => ScriptsDisabledAsync(true);

    private Task<JsonElement?> ScriptsDisabledAsync(bool disabled) =>
        devTools.SendAsync("Emulation.setScriptExecutionDisabled", new Dictionary<string, object> { ["value"] = disabled });

    /// <summary>
    /// A JPEG of the page's top <paramref name="height"/> CSS pixels at full width. Through DevTools, rendered
    /// beyond the viewport in place: Playwright's full-page screenshot resizes the page to its full height and
    /// back, laying it out twice more, which cost ~30 % more CPU per picture (docs/performance.md).
    /// </summary>
    /// <param name="scale">The picture's pixels per CSS pixel: below 1 the page is rastered at that scale, not shrunk afterwards.</param>
    public async Task<byte[]> ScreenshotAsync(int width, int height, int quality, double scale = 1)
    {
        var answer = await devTools.SendAsync("Page.captureScreenshot", new Dictionary<string, object>
        {
            ["format"] = "jpeg",
            ["quality"] = quality,
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object> { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = scale },
        }).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return answer is { } json && json.TryGetProperty("data", out var data) && data.GetString() is { } base64
            ? Convert.FromBase64String(base64)
            : throw new PlaywrightException("the browser returned no screenshot");
    }

    /// <summary>
    /// Makes the tab as a fresh context would be for the next seed. False when that could not be done within its
    /// time limit; the tab must then be closed, never lent again.
    /// </summary>
    public async Task<bool> WipeAsync()
    {
        listener = null; // from here on, whatever the old page still asks for is refused
        if (!Reusable)
        {
            return false;
        }

        try
        {
            await WipeStateAsync().WaitAsync(WipeLimit).ConfigureAwait(false);
            return Reusable;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return false;
        }
    }

    private async Task WipeStateAsync()
    {
        foreach (var other in Context.Pages.Where(p => p != Page).ToList())
        {
            await other.CloseAsync().ConfigureAwait(false);
        }

        await ScriptsDisabledAsync(false).ConfigureAwait(false);
        await Page.GotoAsync("about:blank").ConfigureAwait(false);

        // The name outlives the documents of a window (within a site), so a page could pass it to the next seed's.
        await Page.EvaluateAsync("() => { window.name = ''; }").ConfigureAwait(false);
        await Context.ClearCookiesAsync().ConfigureAwait(false);

        // Storage belongs to the origin of the document (or worker) that wrote it, and every document came
        // through the route, which noted its origin. "all" covers local and session storage, IndexedDB, Cache
        // Storage, file systems and service workers.
        foreach (var origin in documentOrigins.Keys.ToList())
        {
            await devTools.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object> { ["origin"] = origin, ["storageTypes"] = "all" }).ConfigureAwait(false);
            documentOrigins.TryRemove(origin, out _);
        }

        await devTools.SendAsync("Page.resetNavigationHistory").ConfigureAwait(false);
    }

    private Task RouteAsync(IRoute route)
    {
        var request = route.Request;
        if (request.ResourceType == "document" && Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            documentOrigins.TryAdd(url.GetLeftPart(UriPartial.Authority), 0);
        }

        return listener is { } current ? current.HandleAsync(route) : route.AbortAsync("blockedbyclient");
    }

    public async ValueTask DisposeAsync()
    {
        listener = null;
        try
        {
            await devTools.DetachAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // the context is going anyway
        }

        try
        {
            await Context.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // closed already (a deadline, a crash, the browser gone)
        }
    }
}
