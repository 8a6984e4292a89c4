using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Capture;

/// <summary>
/// A tab serves several seeds, so nothing one seed's page leaves in it may reach the next: real Chromium, pages
/// answered from memory on two made-up origins (the listener is the only way in or out).
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class TabReuseTests
{
    private const string Writer = """
        <!DOCTYPE html><title>writing</title>
        <script>
          const frameDone = new Promise(done => addEventListener('message', done));
          (async () => {
            const step = name => { document.title = name; };
            document.cookie = 'js=1; max-age=99999';
            localStorage.setItem('local', '1');
            sessionStorage.setItem('session', '1');
            window.name = 'from the last seed';
            step('indexeddb');
            await new Promise(done => { const open = indexedDB.open('db', 1); open.onupgradeneeded = () => open.result.createObjectStore('s'); open.onsuccess = () => { open.result.close(); done(); }; });
            step('cache storage');
            await (await caches.open('cache')).put('/cached', new Response('old'));
            // The frame is waited for before the popup opens: a cross-origin frame's postMessage sent while
            // window.open is creating a popup in the same browsing context group was lost in about half the
            // runs (Chromium 156 with Playwright attaching to the new window), which left the writer stuck at
            // 'frame'. The popup only has to exist for the wipe; when it opens does not matter.
            step('frame');
            await frameDone;
            step('popup');
            window.open('https://a.example/popup');
            step('written');
          })();
        </script>
        <iframe src="https://b.example/frame-writer"></iframe>
        """;

    // A third-party frame is usually denied storage in these contexts; whatever it is allowed must be wiped too.
    private const string FrameWriter = """
        <!DOCTYPE html><script>
          for (const write of [
            () => { document.cookie = 'frame=1; max-age=99999; SameSite=None; Secure'; },
            () => localStorage.setItem('frame-local', '1'),
            () => sessionStorage.setItem('frame-session', '1'),
          ]) { try { write(); } catch { } }
          parent.postMessage('done', '*');
        </script>
        """;

    private const string Reader = """
        <!DOCTYPE html><title>reader</title><iframe src="https://b.example/frame-reader"></iframe>
        """;

    private const string Read = """
        async () => {
          const denied = async read => { try { return await read(); } catch { return 0; } };
          return JSON.stringify({
            cookie: document.cookie,
            local: await denied(() => localStorage.length),
            session: await denied(() => sessionStorage.length),
            name: window.name,
            databases: await denied(async () => (await indexedDB.databases()).length),
            caches: await denied(async () => (await caches.keys()).length),
          });
        }
        """;

    private const string Clean = """{"cookie":"","local":0,"session":0,"name":"","databases":0,"caches":0}""";

    private BrowserHost browser = null!;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        Harness.RequireBrowser();
        browser = await BrowserHost.StartAsync(new BrowserOptions());
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    [Test]
    public async Task NothingASeedLeavesReachesTheNextSeedInTheSameTab()
    {
        await using var pool = Pool(seedsPerTab: 50);
        var site = new MemorySite();

        var first = await pool.RentAsync();
        first.Listen(site);
        await first.Page.GotoAsync("https://a.example/writer");
        try
        {
            await first.Page.WaitForFunctionAsync("() => document.title === 'written'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the writer stopped at '{await first.Page.TitleAsync()}': {string.Join(" | ", site.Errors)}");
        }

        Assert.That(await first.Page.EvaluateAsync<string>(Read), Is.Not.EqualTo(Clean), "the writer must have left something for the wipe to remove");
        // The popup reaches Playwright as an event of its own, after the script that opened it has gone on.
        for (var waited = 0; first.Context.Pages.Count < 2 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.That(first.Context.Pages, Has.Count.EqualTo(2), "the popup opened");
        await pool.ReturnAsync(first, clean: true);

        var second = await pool.RentAsync();
        Assert.That(second, Is.SameAs(first), "the tab was lent again rather than replaced");
        site.CookieHeaders.Clear();
        second.Listen(site);
        await second.Page.GotoAsync("https://a.example/reader");
        var frame = second.Page.Frames.Single(f => f.Url.StartsWith("https://b.example/", StringComparison.Ordinal));
        await frame.WaitForLoadStateAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await second.Page.EvaluateAsync<string>(Read), Is.EqualTo(Clean), "top-level document");
            Assert.That(await frame.EvaluateAsync<string>(Read), Is.EqualTo(Clean), "cross-origin frame");
            Assert.That(second.Context.Pages, Has.Count.EqualTo(1), "windows the last page opened are closed");
            Assert.That(site.CookieHeaders, Is.All.Empty, "no cookie header ever reached a request");
        });
        await pool.ReturnAsync(second, clean: true);
    }

    [Test]
    public async Task ATabIsReplacedAfterItsLimitOfSeedsOrAnAbnormalEnd()
    {
        await using var pool = Pool(seedsPerTab: 2);
        var site = new MemorySite();
        var tab = await pool.RentAsync();
        tab.Listen(site);
        await tab.Page.GotoAsync("https://a.example/reader");
        await pool.ReturnAsync(tab, clean: true);

        var again = await pool.RentAsync();
        Assert.That(again, Is.SameAs(tab));
        await pool.ReturnAsync(again, clean: true);
        var third = await pool.RentAsync();
        Assert.That(third, Is.Not.SameAs(tab), "two seeds served: replaced");
        Assert.That(tab.Reusable, Is.False, "the old tab's context is closed");

        await pool.ReturnAsync(third, clean: false);
        var fourth = await pool.RentAsync();
        Assert.That(fourth, Is.Not.SameAs(third), "a seed that ended abnormally does not hand its tab on");
        await pool.ReturnAsync(fourth, clean: true);
    }

    [Test]
    public async Task ArchivedRenderingInAReusedTabRunsNoScriptAndTheNextSeedRunsScriptsAgain()
    {
        await using var pool = Pool(seedsPerTab: 50);
        var site = new MemorySite();
        var tab = await pool.RentAsync();
        tab.Listen(site);
        await tab.Page.GotoAsync("about:blank");
        await tab.DisableJavaScriptAsync();
        await tab.Page.SetContentAsync("<p id=x>archived</p><img src=x onerror=\"document.getElementById('x').textContent='script ran'\">");
        Assert.That(await tab.Page.TextContentAsync("#x"), Is.EqualTo("archived"));
        await pool.ReturnAsync(tab, clean: true);

        var next = await pool.RentAsync();
        Assert.That(next, Is.SameAs(tab));
        next.Listen(site);
        await next.Page.GotoAsync("https://a.example/scripted");
        Assert.That(await next.Page.TextContentAsync("#x"), Is.EqualTo("script ran"));
        await pool.ReturnAsync(next, clean: true);
    }

    private TabPool Pool(int seedsPerTab) => new(() => Task.FromResult(browser.Browser), () => new BrowserNewContextOptions(), seedsPerTab);

    /// <summary>Two origins' pages from memory; every request's Cookie header noted.</summary>
    private sealed class MemorySite : ITabListener
    {
        private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
        {
            ["https://a.example/writer"] = Writer,
            ["https://a.example/popup"] = "<!DOCTYPE html><script>localStorage.setItem('popup', '1')</script>",
            ["https://a.example/reader"] = Reader,
            ["https://a.example/scripted"] = "<!DOCTYPE html><p id=x>static</p><script>document.getElementById('x').textContent = 'script ran'</script>",
            ["https://b.example/frame-writer"] = FrameWriter,
            ["https://b.example/frame-reader"] = "<!DOCTYPE html><p>frame</p>",
        };

        public List<string> CookieHeaders { get; } = [];

        public async Task HandleAsync(IRoute route)
        {
            var headers = await route.Request.AllHeadersAsync();
            lock (CookieHeaders)
            {
                CookieHeaders.Add(headers.TryGetValue("cookie", out var cookie) ? cookie : string.Empty);
            }

            if (!Pages.TryGetValue(route.Request.Url, out var html))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "not here" });
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/html; charset=utf-8",
                Headers = html == Writer ? new Dictionary<string, string> { ["set-cookie"] = "http=1; Max-Age=99999; SameSite=None; Secure" } : [],
                Body = html,
            });
        }

        public List<string> Errors { get; } = [];

        public void ConsoleError(string text)
        {
            lock (Errors)
            {
                Errors.Add(text);
            }
        }

        public void RequestFailed(IRequest request)
        {
        }
    }
}
