using System.Text;
using System.Text.Json;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Verdict;
using Archive.Web;
using Microsoft.AspNetCore.Http;

namespace Archive.IntegrationTests.Capture;

/// <summary>Real Chromium, real Kestrel: the capture of live pages with drift, redirects, errors and slowness.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class CaptureTests
{
    private LiveSite site = null!;
    private BrowserHost browser = null!;
    private HttpFetcher fetcher = null!;
    private PageCapturer capturer = null!;
    private string scratch = null!;
    private int flakyCalls;

    [OneTimeSetUp]
    public async Task StartSiteAndBrowser()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        scratch = Directory.CreateTempSubdirectory("archive-capture-").FullName;
        var images = new[] { "/img/lead.png" };
        site.Html("/article", Pages.Article("王毅见普京", Pages.Paragraphs, images))
            .Bytes("/img/*", "image/png", Pages.TinyPng)
            .Bytes("/static/site.css", "text/css", "body{font-family:sans-serif}"u8.ToArray())
            .Bytes("/static/site.js", "text/javascript", "window.siteLoaded = true;"u8.ToArray())
            .Html("/js-article", Pages.Article("王毅见普京", [], extraBody: """
                <div id="story"></div>
                <script>setTimeout(() => { for (const t of JSON.parse(document.getElementById('data').textContent)) { const p = document.createElement('p'); p.textContent = t; document.getElementById('story').appendChild(p); } }, 300);</script>
                <script type="application/json" id="data">
                """ + JsonSerializer.Serialize(Pages.Paragraphs) + "</script>"))
            .Html("/lazy", Pages.Article("Lazy", Pages.Paragraphs, extraBody: """
                <div style="height:3000px">spacer</div>
                <img loading="lazy" src="/img/native-lazy.png" width="100" height="100">
                <div style="height:3000px">spacer</div>
                <img class="lazy" data-src="/img/js-lazy.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="100" height="100">
                <script>
                  new IntersectionObserver((entries, o) => entries.forEach(e => { if (e.isIntersecting) { e.target.src = e.target.dataset.src; o.unobserve(e.target); } }))
                    .observe(document.querySelector('img.lazy'));
                </script>
                """))
            .Redirect("/r1", LiveSite.PublicBase + "r2", 301)
            .Redirect("/r2", "/r3", 302)
            .Redirect("/r3", site.BaseUrl.AbsoluteUri + "article", 307)
            .Redirect("/loop-a", "/loop-b")
            .Redirect("/loop-b", "/loop-a")
            .Html("/gone-404", "<h1>Not here</h1>", 404)
            .Html("/gone-410", "<h1>Gone</h1>", 410)
            .Route("/flaky", async context =>
            {
                if (Interlocked.Increment(ref flakyCalls) == 1)
                {
                    context.Response.StatusCode = 500;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Pages.Article("王毅见普京", Pages.Paragraphs));
            })
            .Route("/slow", async context =>
            {
                await Task.Delay(1500, context.RequestAborted);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Pages.Article("王毅见普京", Pages.Paragraphs));
            })
            .Route("/never", async context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<html><body><p>It starts");
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            })
            .Html("/huge", Pages.Article("Huge", Pages.Paragraphs, extraBody: string.Concat(Enumerable.Repeat("<p>更多的评论和读者留言，一段又一段地重复，让页面变得非常大。 More comments and reader replies, repeated until the page is huge.</p>", 40_000))))
            .Bytes("/report.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"))
            .Html("/cookie", Pages.Article("王毅见普京", Pages.Paragraphs, extraBody: """
                <div id="cookie-banner" style="position:fixed;inset:0;background:#000c;color:#fff;z-index:9">
                  We use cookies. <button onclick="document.getElementById('cookie-banner').remove(); document.title = 'consented';">Accept all</button>
                </div>
                """));

        browser = await BrowserHost.StartAsync(new BrowserOptions());
        fetcher = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch);
        capturer = new PageCapturer(fetcher, Harness.Capture, () => Task.FromResult(browser.Browser));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (capturer is not null)
        {
            await capturer.DisposeAsync();
        }

        fetcher?.Dispose();
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (site is not null)
        {
            await site.DisposeAsync();
        }

        if (scratch is not null)
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private Task<PageCapture> Capture(string path) => capturer.CaptureAsync(LiveSite.Public(path), CancellationToken.None);

    [Test]
    public async Task PlainArticleIsRenderedWithItsImagesInTheOriginalUrlSpace()
    {
        var capture = await Capture("/article");
        Assert.Multiple(() =>
        {
            Assert.That(capture.Error, Is.Null);
            Assert.That(capture.HttpStatus, Is.EqualTo(200));
            Assert.That(capture.FinalUrl.AbsoluteUri, Is.EqualTo("https://news.example/article"));
            Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[1]));
            Assert.That(capture.Html, Does.Contain("<article>"));
            Assert.That(capture.Images.Select(i => i.Url.AbsoluteUri), Does.Contain("https://news.example/img/lead.png"));
            Assert.That(capture.Images.Single(i => i.Url.AbsolutePath == "/img/lead.png").Bytes, Is.EqualTo(Pages.TinyPng));
            Assert.That(capture.Screenshot, Is.Not.Null.And.Length.GreaterThan(1000));
            Assert.That(capture.Screenshot![..3], Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }), "a JPEG");
            Assert.That(SkiaSharp.SKBitmap.DecodeBounds(capture.Screenshot).Width, Is.EqualTo((int)(Harness.Capture.ViewportWidth * Harness.Capture.ScreenshotScale)), "rastered at the picture's scale");
            Assert.That(site.Hits("/static/site.js"), Is.GreaterThan(0), "scripts the page loads are fetched through the map too");
        });
    }

    [Test]
    public async Task TextInjectedByJavaScriptAfterLoadIsCaptured()
    {
        var capture = await Capture("/js-article");
        Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[0]).And.Contain(Pages.Paragraphs[3]));
    }

    [Test]
    public async Task LazyImagesLoadBecauseThePageIsScrolled()
    {
        var capture = await Capture("/lazy");
        var urls = capture.Images.Select(i => i.Url.AbsolutePath).ToList();
        Assert.That(urls, Does.Contain("/img/native-lazy.png").And.Contain("/img/js-lazy.png"));
    }

    [Test]
    public async Task RedirectChainIsKeptInTheOriginalUrlSpace()
    {
        var capture = await Capture("/r1");
        Assert.Multiple(() =>
        {
            Assert.That(capture.Redirects.Select(r => (r.Url.AbsoluteUri, r.Status)), Is.EqualTo(new[]
            {
                ("https://news.example/r1", 301), ("https://news.example/r2", 302), ("https://news.example/r3", 307),
            }));
            Assert.That(capture.FinalUrl.AbsoluteUri, Is.EqualTo("https://news.example/article"), "an absolute Location in the mapped space is read back into the original one");
            Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[0]));
        });
    }

    [Test]
    public async Task RedirectLoopIsAFailure()
    {
        var capture = await Capture("/loop-a");
        Assert.That(capture.Failure?.Kind, Is.EqualTo(FetchFailureKind.RedirectLoop));
        Assert.That(capture.Redirects, Has.Count.EqualTo(2));
    }

    [TestCase("/gone-404", 404)]
    [TestCase("/gone-410", 410)]
    public async Task ErrorStatusesAreNotRendered(string path, int status)
    {
        var capture = await Capture(path);
        Assert.That(capture.HttpStatus, Is.EqualTo(status));
        Assert.That(capture.Html, Is.Null);
    }

    [Test]
    public async Task ServerErrorIsRetriedAndTheRetrySucceeds()
    {
        var capture = await Capture("/flaky");
        Assert.That(capture.HttpStatus, Is.EqualTo(200));
        Assert.That(site.Hits("/flaky"), Is.EqualTo(2));
    }

    [Test]
    public async Task SlowPageIsWaitedFor()
    {
        var capture = await Capture("/slow");
        Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[0]));
        Assert.That(capture.Timings.FetchMs, Is.GreaterThanOrEqualTo(1400));
    }

    [Test]
    public async Task PageThatNeverFinishesHitsTheTimeLimit()
    {
        var capture = await Capture("/never");
        Assert.That(capture.Failure?.Kind, Is.EqualTo(FetchFailureKind.Timeout));
        Assert.That(capture.Failure!.Message, Does.Contain("no complete answer within 4 s"));
    }

    [Test]
    public async Task TheTotalTimeLimitEndsOneSeedAndTheRunGoesOn()
    {
        var seeds = Path.Combine(scratch, "seeds-total-limit");
        Pages.Seed(seeds, "a-never", LiveSite.Public("/never"), Pages.Body(Pages.Paragraphs));
        Pages.Seed(seeds, "b-gone", LiveSite.Public("/gone-410"), Pages.Body(Pages.Paragraphs));
        var options = Harness.Check(site, null) with { Capture = Harness.Capture with { TotalTimeout = TimeSpan.FromSeconds(2) } };
        var (report, exit) = await Harness.RunAsync(options, seeds);
        Assert.Multiple(() =>
        {
            Assert.That(report.Seeds[0].Status, Is.EqualTo(SeedStatus.Dead));
            Assert.That(report.Seeds[0].Reason, Is.EqualTo("no answer within the total time limit of 2 s"));
            Assert.That(report.Seeds[1].Reason, Is.EqualTo("the live page answers 410 Gone"), "the other seed is still checked");
            Assert.That(exit, Is.EqualTo(ExitCode.PolicyBroken));
        });
    }

    [Test]
    public async Task APageThatHangsLoopsFloodsDialogsOrDownloadsIsAFindingNeverAToolFailure()
    {
        site.Html("/spin", Pages.Article("Spin", Pages.Paragraphs, extraBody: "<script>addEventListener('load', () => { while (true) {} });</script>"))
            .Html("/spin-early", "<!DOCTYPE html><title>Spin</title><script>while (true) {}</script>")
            .Html("/dialogs", Pages.Article("Dialogs", Pages.Paragraphs, extraBody: "<script>for (let i = 0; i < 1e6; i++) { alert(i); confirm('?'); prompt('?'); }</script>"))
            .Route("/attachment", async context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.ContentDisposition = "attachment; filename=\"story.html\"";
                await context.Response.WriteAsync(Pages.Article("Attachment", Pages.Paragraphs));
            });
        var seeds = Path.Combine(scratch, "seeds-hostile");
        foreach (var name in new[] { "spin", "spin-early", "dialogs", "attachment" })
        {
            Pages.Seed(seeds, name, LiveSite.Public("/" + name), Pages.Body(Pages.Paragraphs));
        }

        var options = Harness.Check(site, null) with { Capture = Harness.Capture with { NavigationTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(12) } };
        var (report, exit) = await Harness.RunAsync(options, seeds);
        var byId = report.Seeds.ToDictionary(s => s.Id);
        Assert.Multiple(() =>
        {
            foreach (var seed in report.Seeds)
            {
                Assert.That(seed.Status, Is.Not.EqualTo(SeedStatus.Error), $"{seed.Id}: {seed.Reason}");
            }

            Assert.That(byId["spin-early"].Status, Is.EqualTo(SeedStatus.Dead), byId["spin-early"].Reason);
            Assert.That(byId["attachment"].Status, Is.EqualTo(SeedStatus.Changed), byId["attachment"].Reason);
            Assert.That(byId["attachment"].Reason, Does.Contain("download"));
            Assert.That(exit, Is.Not.EqualTo(ExitCode.ToolFailure));
        });
    }

    [Test]
    public async Task HugePageIsCutOffAtTheCapAndStillRendered()
    {
        var capture = await Capture("/huge");
        Assert.That(capture.Notes, Has.Some.Contains("cut off at 2 MB"));
        Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[0]));
    }

    [Test]
    public async Task PdfIsNotRenderedOrDownloaded()
    {
        var capture = await Capture("/report.pdf");
        Assert.That(capture.ContentType, Is.EqualTo("application/pdf"));
        Assert.That(capture.Html, Is.Null);
        Assert.That(capture.Notes, Has.Some.Contains("serves application/pdf, not an HTML page"));
    }

    [Test]
    public async Task CookieOverlayIsDismissed()
    {
        var capture = await Capture("/cookie");
        Assert.That(capture.Notes, Has.Some.Contains("dismissed a consent overlay (Accept all)"));
        Assert.That(capture.Html, Does.Not.Contain("cookie-banner"));
    }

    [Test]
    public async Task CheckReportsStatusesAndKeepsOriginalUrls()
    {
        var seeds = Path.Combine(scratch, "seeds-report");
        var body = Pages.Body(Pages.Paragraphs, ["https://news.example/img/lead.png"]);
        Pages.Seed(seeds, "a-unchanged", LiveSite.Public("/article"), body);
        Pages.Seed(seeds, "b-changed", LiveSite.Public("/article"), Pages.Body([.. Pages.Paragraphs, "这一段后来被删除了。"]));
        Pages.Seed(seeds, "c-dead", LiveSite.Public("/gone-410"), body);
        Pages.Seed(seeds, "d-loop", LiveSite.Public("/loop-a"), body);
        Pages.Seed(seeds, "e-redirected", LiveSite.Public("/r1"), body);
        Pages.Seed(seeds, "f-pdf", LiveSite.Public("/report.pdf"), body);
        File.WriteAllText(Path.Combine(seeds, "g-broken.txt"), "not a seed");
        var snapshots = Path.Combine(scratch, "snapshots-report");

        var (report, exit) = await Harness.RunAsync(Harness.Check(site, snapshots), seeds);
        var byId = report.Seeds.ToDictionary(s => s.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId["a-unchanged"].Status, Is.EqualTo(SeedStatus.Unchanged), byId["a-unchanged"].Reason);
            Assert.That(byId["a-unchanged"].Text.Similarity, Is.EqualTo(1.0));
            Assert.That(byId["b-changed"].Status, Is.EqualTo(SeedStatus.Changed));
            Assert.That(byId["b-changed"].Text.Blocks.Single(b => b.Op != Archive.Diff.BlockOp.Equal).Archived, Is.EqualTo("这一段后来被删除了。"));
            Assert.That(byId["c-dead"].Status, Is.EqualTo(SeedStatus.Dead));
            Assert.That(byId["c-dead"].Reason, Does.Contain("410 Gone"));
            Assert.That(byId["d-loop"].Status, Is.EqualTo(SeedStatus.Dead));
            Assert.That(byId["d-loop"].Reason, Does.Contain("redirect loop"));
            Assert.That(byId["e-redirected"].Page.Redirects, Is.EqualTo(new[] { "https://news.example/r1", "https://news.example/r2", "https://news.example/r3" }));
            Assert.That(byId["f-pdf"].Status, Is.EqualTo(SeedStatus.Changed));
            Assert.That(byId["g-broken"].Status, Is.EqualTo(SeedStatus.Error));
            Assert.That(report.Summary with { Links = null }, Is.EqualTo(new RunSummary(7, 2, 2, 2, 1)));
            Assert.That(exit, Is.EqualTo(ExitCode.InputError), "an unreadable seed outranks drift");
            Assert.That(JsonReport.Serialize(report), Does.Not.Contain("127.0.0.1"), "reports show original URLs only");
        });

        Assert.That(ReportSchema.Errors(JsonReport.Serialize(report)), Is.Empty, "a real run's report validates against the schema");

        var folder = Path.Combine(snapshots, byId["a-unchanged"].Snapshot!);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "capture.json", "page.html", "page.txt", "screenshot.jpg", "result.json" }), "a first check is pictured; the archived body is rendered only beside drift");
        Assert.That(Directory.GetFiles(Path.Combine(snapshots, byId["b-changed"].Snapshot!)).Select(Path.GetFileName), Does.Contain("archived.jpg").And.Contain("screenshot.jpg"), "drift is pictured beside the archived body");
        Assert.That(File.ReadAllText(Path.Combine(folder, "capture.json")), Does.Contain("https://news.example/img/lead.png").And.Not.Contain("127.0.0.1"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pages.TinyPng));
        Assert.That(File.Exists(Path.Combine(snapshots, "_media", sha)), Is.True, "image bytes are stored once by SHA-256");
    }

    [Test]
    public async Task SeedPointingAtLoopbackWithoutAMapIsRefused()
    {
        var seeds = Path.Combine(scratch, "seeds-private");
        Pages.Seed(seeds, "direct", new Uri(site.BaseUrl, "article"), Pages.Body(Pages.Paragraphs));
        var (report, exit) = await Harness.RunAsync(Harness.Check(site, null), seeds);
        Assert.That(report.Seeds[0].Status, Is.EqualTo(SeedStatus.Error));
        Assert.That(report.Seeds[0].Reason, Does.StartWith("refused: 127.0.0.1 is a loopback address"));
        Assert.That(exit, Is.EqualTo(ExitCode.InputError));

        var (allowed, _) = await Harness.RunAsync(Harness.Check(site, null, allowPrivate: true), seeds);
        Assert.That(allowed.Seeds[0].Status, Is.EqualTo(SeedStatus.Unchanged), allowed.Seeds[0].Reason);
    }

    [Test]
    public async Task APageCannotReachLoopbackThroughItsOwnRequests()
    {
        // The map makes the page itself reachable, but a request the page makes straight to 127.0.0.1 is not the user's doing.
        var probe = "/private-probe";
        site.Html("/sneaky", Pages.Article("Sneaky", Pages.Paragraphs, extraBody: $"<img src=\"{site.BaseUrl.AbsoluteUri.TrimEnd('/')}{probe}\">"));
        var capture = await Capture("/sneaky");
        Assert.That(site.Hits(probe), Is.Zero);
        Assert.That(capture.FailedRequests.Single(f => f.Url.AbsolutePath == probe).Reason, Does.Contain("loopback"));
    }
}
