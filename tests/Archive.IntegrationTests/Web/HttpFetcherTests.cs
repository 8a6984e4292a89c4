using System.Diagnostics;
using Archive.IntegrationTests.Fixtures;
using Archive.Web;
using Microsoft.AspNetCore.Http;

namespace Archive.IntegrationTests.Web;

/// <summary>The shared fetcher against a real local server: retries, redirects, caps and the safety policy.</summary>
public sealed class HttpFetcherTests
{
    private LiveSite site = null!;
    private HttpFetcher fetcher = null!;
    private int busyCalls;
    private int notFoundCalls;
    private int hangCalls;
    private int hangOnceCalls;
    private int postHangCalls;

    [OneTimeSetUp]
    public async Task Start()
    {
        site = await LiveSite.StartAsync();
        site.Html("/ok", "<p>ok</p>")
            .Route("/busy", async context =>
            {
                if (Interlocked.Increment(ref busyCalls) == 1)
                {
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }

                await context.Response.WriteAsync("finally");
            })
            .Route("/missing", context =>
            {
                Interlocked.Increment(ref notFoundCalls);
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            })
            .Route("/form", context =>
            {
                context.Response.StatusCode = 303;
                context.Response.Headers.Location = "/result";
                return Task.CompletedTask;
            })
            .Route("/result", context => context.Response.WriteAsync(context.Request.Method))
            .Redirect("/rel/start", "next")
            .Redirect("/rel/next", "../ok")
            .Route("/big", context => context.Response.Body.WriteAsync(new byte[3 * 1024 * 1024]).AsTask())
            .Route("/hangs", async context =>
            {
                Interlocked.Increment(ref hangCalls);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            })
            .Route("/hangs-once", async context =>
            {
                // The first request stalls, as behind a lost connection or a stuck backend; a second is answered.
                if (Interlocked.Increment(ref hangOnceCalls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }

                await context.Response.WriteAsync("second time lucky");
            })
            .Route("/hangs-post", async context =>
            {
                Interlocked.Increment(ref postHangCalls);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            })
            .Route("/headers", context => context.Response.WriteAsync($"{context.Request.Headers.UserAgent}|{context.Request.Headers.Cookie}"));
        for (var i = 0; i < 12; i++)
        {
            site.Redirect($"/hop{i}", $"/hop{i + 1}");
        }

        fetcher = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch with { MaxBodyBytes = 1024 * 1024 });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        fetcher.Dispose();
        await site.DisposeAsync();
    }

    private Task<FetchResponse> Get(string path, string method = "GET") =>
        fetcher.FetchAsync(new FetchRequest(LiveSite.Public(path), method), CancellationToken.None);

    [Test]
    public async Task RetryAfterIsHonoured()
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await Get("/busy");
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Attempts, Is.EqualTo(2));
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "waited the second the server asked for");
    }

    [Test]
    public async Task APageThatSendsNothingIsAskedOnceMoreWithinItsLimitAndNeverAfter()
    {
        using var quick = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch with { RequestTimeout = TimeSpan.FromMilliseconds(600), HedgeAfter = TimeSpan.FromMilliseconds(200) });
        var response = await quick.FetchAsync(new FetchRequest(LiveSite.Public("/hangs")), CancellationToken.None);
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.Timeout));
        Assert.That(response.Failure!.Message, Does.Contain("0.6 s"), "the limit reported is the request's whole limit");
        Assert.That((response.Attempts, Volatile.Read(ref hangCalls)), Is.EqualTo((2, 2)), "one hedged request inside the limit, no retry after it");
    }

    [Test]
    public async Task ASecondRequestRescuesAFirstThatStalled()
    {
        using var quick = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch with { RequestTimeout = TimeSpan.FromSeconds(3), HedgeAfter = TimeSpan.FromMilliseconds(300) });
        var response = await quick.FetchAsync(new FetchRequest(LiveSite.Public("/hangs-once")), CancellationToken.None);
        Assert.That((response.Failure, response.Status, response.Attempts), Is.EqualTo(((FetchFailure?)null, (int?)200, 2)));
        Assert.That(System.Text.Encoding.UTF8.GetString(response.Body), Is.EqualTo("second time lucky"));
    }

    [Test]
    public async Task ARequestThatIsNotSafeToRepeatIsSentOnce()
    {
        using var quick = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch with { RequestTimeout = TimeSpan.FromMilliseconds(600), HedgeAfter = TimeSpan.FromMilliseconds(200) });
        var response = await quick.FetchAsync(new FetchRequest(LiveSite.Public("/hangs-post"), "POST", Body: [1, 2, 3]), CancellationToken.None);
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.Timeout));
        Assert.That((response.Attempts, Volatile.Read(ref postHangCalls)), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task OtherClientErrorsAreNeverRetried()
    {
        var response = await Get("/missing");
        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(notFoundCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task SeeOtherTurnsAPostIntoAGet()
    {
        var response = await Get("/form", "POST");
        Assert.That(System.Text.Encoding.UTF8.GetString(response.Body), Is.EqualTo("GET"));
        Assert.That(response.FinalUrl.AbsoluteUri, Is.EqualTo("https://news.example/result"));
    }

    [Test]
    public async Task RelativeLocationsResolveInTheOriginalUrlSpace()
    {
        var response = await Get("/rel/start");
        Assert.That(response.Redirects.Select(r => r.Url.AbsoluteUri), Is.EqualTo(new[] { "https://news.example/rel/start", "https://news.example/rel/next" }));
        Assert.That(response.FinalUrl.AbsoluteUri, Is.EqualTo("https://news.example/ok"));
        Assert.That(response.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task TooManyRedirectsStopAtTheLimit()
    {
        var response = await Get("/hop0");
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.TooManyRedirects));
        Assert.That(response.Redirects, Has.Count.EqualTo(11));
    }

    [Test]
    public async Task BodiesAreCutOffAtTheCap()
    {
        var response = await Get("/big");
        Assert.That(response.Truncated, Is.True);
        Assert.That(response.Body, Has.Length.EqualTo(1024 * 1024));
    }

    [Test]
    public async Task NoCookiesAndAUserAgentOfItsOwn()
    {
        var response = await Get("/headers");
        Assert.That(System.Text.Encoding.UTF8.GetString(response.Body), Is.EqualTo(FetchOptions.DefaultUserAgent + "|"));
    }

    [Test]
    public async Task UnmappedLoopbackIsRefusedBeforeAnyRequest()
    {
        var direct = new Uri(site.BaseUrl, "ok");
        var response = await fetcher.FetchAsync(new FetchRequest(direct), CancellationToken.None);
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.Refused));
        Assert.That(response.Failure!.Message, Is.EqualTo("127.0.0.1 is a loopback address; use --allow-private or --map to reach it"));
    }

    [Test]
    public async Task HostNamesResolvingToLoopbackAreRefusedAtConnectTime()
    {
        var local = new UriBuilder(site.BaseUrl) { Host = "localhost" }.Uri;
        var response = await fetcher.FetchAsync(new FetchRequest(new Uri(local, "ok")), CancellationToken.None);
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.Refused));
        Assert.That(response.Failure!.Message, Does.StartWith("localhost resolves to a loopback address"));
    }

    [Test]
    public async Task DnsFailureAndRefusedConnectionsAreNamed()
    {
        using var open = new HttpFetcher(UrlMap.None, Harness.Fetch with { AllowPrivate = true, MaxAttempts = 1 });
        var dns = await open.FetchAsync(new FetchRequest(new Uri("https://no-such-host.invalid/")), CancellationToken.None);
        Assert.That(dns.Failure?.Kind, Is.EqualTo(FetchFailureKind.Dns));
        Assert.That(dns.Failure!.Message, Does.StartWith("DNS lookup failed for no-such-host.invalid"));

        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var closedPort = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var refused = await open.FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{closedPort}/")), CancellationToken.None);
        Assert.That(refused.Failure?.Kind, Is.EqualTo(FetchFailureKind.ConnectionRefused));
    }

    [TestCase("file:///etc/passwd")]
    [TestCase("ftp://news.example/x")]
    public async Task OnlyHttpIsEverFetched(string url)
    {
        var response = await fetcher.FetchAsync(new FetchRequest(new Uri(url)), CancellationToken.None);
        Assert.That(response.Failure?.Kind, Is.EqualTo(FetchFailureKind.Refused));
    }
}
