using System.Diagnostics;
using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Web;

namespace Archive.IntegrationTests.Capture;

/// <summary><c>--browser-endpoint</c>: a browser the tool did not launch, reached over the Chrome DevTools Protocol.</summary>
public sealed partial class RemoteBrowserTests
{
    [Test]
    public async Task CapturesThroughABrowserReachedOverCdp()
    {
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        site.Html("/article", Pages.Article("王毅见普京", Pages.Paragraphs, ["/img/lead.png"])).Bytes("/img/*", "image/png", Pages.TinyPng);
        var profile = Directory.CreateTempSubdirectory("archive-remote-").FullName;
        var info = new ProcessStartInfo(BrowserLocator.Find(null)!.ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in BrowserOptions.LaunchArguments.Concat(["--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"]))
        {
            info.ArgumentList.Add(arg);
        }

        using var chromium = Process.Start(info)!;
        try
        {
            var endpoint = await ReadEndpointAsync(chromium);
            await using var host = await BrowserHost.StartAsync(new BrowserOptions(Endpoint: endpoint));
            Assert.That(host.Description, Does.Contain("CDP"));
            using var fetcher = new HttpFetcher(new UrlMap([UrlMapping.Parse(site.Map)]), Harness.Fetch);
            await using var capturer = new PageCapturer(fetcher, Harness.Capture, () => Task.FromResult(host.Browser));
            var capture = await capturer.CaptureAsync(LiveSite.Public("/article"), CancellationToken.None);
            Assert.That(capture.Error, Is.Null);
            Assert.That(capture.Text, Does.Contain(Pages.Paragraphs[0]));
            Assert.That(capture.Images.Select(i => i.Url.AbsoluteUri), Does.Contain("https://news.example/img/lead.png"));
        }
        finally
        {
            chromium.Kill(entireProcessTree: true);
            await chromium.WaitForExitAsync();
            Directory.Delete(profile, recursive: true);
        }
    }

    [Test]
    public void AnUnreachableEndpointFailsWithThePlaywrightReason()
    {
        Assert.That(
            async () => await BrowserHost.StartAsync(new BrowserOptions(Endpoint: "http://127.0.0.1:9/")),
            Throws.InstanceOf<Microsoft.Playwright.PlaywrightException>());
    }

    private static async Task<string> ReadEndpointAsync(Process chromium)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await chromium.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("Chromium exited without announcing its DevTools endpoint");
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
