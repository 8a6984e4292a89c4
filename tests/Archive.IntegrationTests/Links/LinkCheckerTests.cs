using System.Diagnostics;
using Archive.IntegrationTests.Fixtures;
using Archive.Links;
using Archive.TestSite;
using Archive.Web;
using Microsoft.AspNetCore.Http;

namespace Archive.IntegrationTests.Links;

/// <summary>Every link state against a real local server: statuses, redirects, retries, failures, the three soft-404 signals, HEAD refusals, Memento.</summary>
[NonParallelizable]
public sealed class LinkCheckerTests
{
    private static readonly DateTimeOffset ArchivedAt = new(2023, 9, 20, 14, 30, 0, TimeSpan.Zero);
    private LiveSite site = null!;
    private HttpFetcher fetcher = null!;
    private int flaky;
    private int limited;

    [OneTimeSetUp]
    public async Task Start()
    {
        site = await LiveSite.StartAsync();
        site.Html("/", Page("News Example", "Front page", "Today's top stories from around the world, updated every hour."));
        site.Html("/ok", Page("Harbour crossing approved", "Harbour crossing approved", "The council approved the new harbour crossing after a long debate."));
        site.Redirect("/moved", "/ok", 301);
        for (var i = 1; i <= 5; i++)
        {
            site.Redirect($"/chain{i}", i == 5 ? "/ok" : $"/chain{i + 1}", 302);
        }

        site.Redirect("/loop-a", "/loop-b").Redirect("/loop-b", "/loop-a");
        site.Html("/gone-404", "<html><body>missing</body></html>", 404);
        site.Html("/gone-410", "<html><body>gone</body></html>", 410);
        site.Route("/flaky", context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref flaky) <= 2 ? 500 : 200;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(Page("Flaky", "Flaky", "It works on the third try, as servers under load do."));
        });
        site.Route("/limited.png", context =>
        {
            if (Interlocked.Increment(ref limited) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            context.Response.ContentType = "image/png";
            return context.Response.Body.WriteAsync(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }).AsTask();
        });
        site.Route("/reset", context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        site.Route("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page("Slow but there", "Slow but there", "This page takes three seconds, well within the limit."));
        });
        site.Route("/endless", async context =>
        {
            context.Response.ContentType = "text/html";
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return; // a HEAD answer has no body to stream
            }

            await context.Response.WriteAsync("<html><head><title>Live blog</title></head><body><h1>Live blog</h1>", context.RequestAborted);
            var chunk = string.Concat(Enumerable.Repeat("<p>Another update from the live blog, minute by minute.</p>", 200));
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted);
            }
        });
        site.Html("/cn-missing", Page("中国新闻网", "页面不存在", "抱歉，您访问的页面不存在或已被删除。"));
        site.Redirect("/old-story", "/");
        site.Route("/spa/*", context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(Page("Example App", "Welcome", "Loading the application shell. Please enable JavaScript to continue."));
        });
        site.Route("/catalog/*", context =>
        {
            // A shop that sends every unknown product to one "no longer available" page that is not its home page.
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/catalog-gone";
            return Task.CompletedTask;
        });
        site.Html("/catalog-gone", Page("Our catalogue", "Browse our catalogue", "Discover this season's products and offers in our shop."));
        site.Route("/report.pdf", context =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = 405;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "application/pdf";
            return context.Response.WriteAsync("%PDF-1.4 a report whose server refuses HEAD but serves GET");
        });
        site.Route("/timegate/*", context =>
        {
            // A TimeGate answers with the memento closest to Accept-Datetime, as the Internet Archive's does.
            var target = context.Request.Path.Value!["/timegate/".Length..];
            var asked = DateTimeOffset.Parse(context.Request.Headers["Accept-Datetime"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var near = asked.AddHours(-5).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var far = asked.AddYears(2).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"https://archive.example/web/{near}/{target}";
            context.Response.Headers.Link =
                $"<https://archive.example/web/{far}/{target}>; rel=\"last memento\"; datetime=\"{asked.AddYears(2):R}\", "
                + $"<https://archive.example/web/{near}/{target}>; rel=\"memento\"; datetime=\"{asked.AddHours(-5):R}\", "
                + $"<{target}>; rel=\"original\"";
            return Task.CompletedTask;
        });
        fetcher = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map), UrlMapping.Parse($"https://timegate.example/={site.BaseUrl.AbsoluteUri}")]), Harness.Fetch);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        fetcher?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    private LinkChecker Checker(LinkOptions? options = null) =>
        new(fetcher, options ?? Harness.Links with { Timeout = TimeSpan.FromSeconds(5) }, cache: null);

    private async Task<LinkResult> Check(string path, LinkOptions? options = null)
    {
        using var checker = Checker(options);
        return (await checker.CheckAsync(LiveSite.Public(path), CancellationToken.None)).Result;
    }

    private static string Page(string title, string headline, string text) =>
        $"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><h1>{headline}</h1><p>{text}</p></body></html>";

    [Test]
    public async Task AnAnsweringPageIsOk()
    {
        var result = await Check("/ok");
        Assert.That((result.Status, result.HttpStatus, result.Reason), Is.EqualTo((LinkStatus.Ok, (int?)200, (string?)null)));
    }

    [Test]
    public async Task APermanentRedirectToAnOkPageIsARedirectWithItsFinalUrl()
    {
        var result = await Check("/moved");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Redirect));
        Assert.That(result.FinalUrl, Is.EqualTo(LiveSite.Public("/ok").AbsoluteUri), "reports show original URLs");
        Assert.That(result.Permanent, Is.True);
    }

    [Test]
    public async Task AChainOfFiveIsFollowedAndKept()
    {
        var result = await Check("/chain1");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Redirect));
        Assert.That(result.Redirects.Select(r => (r.Url.AbsolutePath, r.Status)), Is.EqualTo(Enumerable.Range(1, 5).Select(i => ($"/chain{i}", 302))));
        Assert.That(result.Permanent, Is.False);
    }

    [Test]
    public async Task ARedirectLoopIsDead()
    {
        var result = await Check("/loop-a");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Dead));
        Assert.That(result.Reason, Does.Contain("redirect loop"));
    }

    [TestCase("/gone-404", 404)]
    [TestCase("/gone-410", 410)]
    public async Task ClientErrorsAreDead(string path, int status)
    {
        var result = await Check(path);
        Assert.That((result.Status, result.HttpStatus), Is.EqualTo((LinkStatus.Dead, (int?)status)));
    }

    [Test]
    public async Task TwoServerErrorsThenOkIsOk()
    {
        flaky = 0;
        Assert.That((await Check("/flaky")).Status, Is.EqualTo(LinkStatus.Ok));
    }

    [Test]
    public async Task TooManyRequestsWaitsForRetryAfter()
    {
        limited = 0;
        var stopwatch = Stopwatch.StartNew();
        var result = await Check("/limited.png");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Ok));
        Assert.That(result.Method, Is.EqualTo("HEAD"), "a file settles with HEAD alone");
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)));
    }

    [Test]
    public async Task AHostThatDoesNotResolveIsDead()
    {
        using var checker = Checker();
        var (result, _) = await checker.CheckAsync(new Uri("https://gone-for-good.invalid/story"), CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Dead));
        Assert.That(result.Reason, Does.StartWith("DNS lookup failed"));
    }

    [Test]
    public async Task AResetConnectionIsDead()
    {
        var result = await Check("/reset");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Dead));
        Assert.That(result.Reason, Does.Contain("reset").IgnoreCase.Or.Contain("closed").IgnoreCase);
    }

    [Test]
    public async Task ASlowAnswerWithinTheLimitIsOk() => Assert.That((await Check("/slow")).Status, Is.EqualTo(LinkStatus.Ok));

    [Test]
    public async Task ASlowAnswerPastTheLimitIsATimeout()
    {
        var result = await Check("/slow", Harness.Links with { Timeout = TimeSpan.FromSeconds(1) });
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Timeout));
    }

    [Test]
    public async Task ABodyThatNeverEndsIsReadOnlyToTheCap()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await Check("/endless");
        Assert.That(result.Status, Is.EqualTo(LinkStatus.Ok));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task APageSayingNotFoundInChineseIsASoft404()
    {
        var result = await Check("/cn-missing");
        Assert.That((result.Status, result.Signal), Is.EqualTo((LinkStatus.Soft404, (Soft404Signal?)Soft404Signal.NotFoundText)));
    }

    [Test]
    public async Task ARedirectToTheHomePageIsASoft404()
    {
        var result = await Check("/old-story");
        Assert.That((result.Status, result.Signal), Is.EqualTo((LinkStatus.Soft404, (Soft404Signal?)Soft404Signal.RedirectToRoot)));
    }

    [Test]
    public async Task AServerAnsweringEveryPathAlikeIsCaughtByTheProbe()
    {
        var result = await Check("/spa/news/2023/harbour-crossing");
        Assert.That((result.Status, result.Signal), Is.EqualTo((LinkStatus.Soft404, (Soft404Signal?)Soft404Signal.LikeMissingPage)));
        Assert.That(await Check("/ok"), Has.Property(nameof(LinkResult.Status)).EqualTo(LinkStatus.Ok), "a site that 404s its unknown paths is not suspected");
    }

    [Test]
    public async Task ARedirectToWhereMissingPagesGoIsASoft404()
    {
        var result = await Check("/catalog/red-shoes-42");
        Assert.That((result.Status, result.Signal), Is.EqualTo((LinkStatus.Soft404, (Soft404Signal?)Soft404Signal.RedirectLikeMissingPage)));
    }

    [Test]
    public async Task ARefusedHeadIsAskedAgainWithGet()
    {
        var result = await Check("/report.pdf");
        Assert.That((result.Status, result.Method), Is.EqualTo((LinkStatus.Ok, "GET")));
        Assert.That(site.Hits("/report.pdf"), Is.EqualTo(2), "one refused HEAD, one GET");
    }

    [Test]
    public async Task EachUrlIsCheckedOncePerRun()
    {
        using var checker = Checker();
        var before = site.Hits("/moved");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => checker.CheckAsync(LiveSite.Public("/moved"), CancellationToken.None)));
        Assert.That(site.Hits("/moved") - before, Is.EqualTo(1), "one GET (a page is read for its text), however many ask");
    }

    [Test]
    public async Task ADeadLinkGetsTheMementoClosestToTheArchiveTime()
    {
        using var checker = Checker(Harness.Links with { TimeGate = new Uri("https://timegate.example/timegate/") });
        var seed = Articles.Read(Articles.UserSeed) with
        {
            ArchivedAt = ArchivedAt,
            Document = Seeds.ArchivedDocument.Empty with { Links = [new Seeds.LinkReference(0, "/gone-404", LiveSite.Public("/gone-404"), "gone", Seeds.LinkTarget.Http)] },
        };
        var findings = await checker.CheckSeedAsync(seed, null, CancellationToken.None);
        var memento = findings.Single().Memento;
        Assert.That(memento, Is.Not.Null);
        Assert.That(memento!.Datetime, Is.EqualTo(ArchivedAt.AddHours(-5)));
        Assert.That(memento.Url, Does.Contain("20230920093000"));
    }
}
