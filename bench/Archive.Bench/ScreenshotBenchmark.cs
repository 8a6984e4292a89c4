using System.Diagnostics;
using System.Globalization;
using Archive.Capture;
using Archive.TestSite;
using Microsoft.Playwright;

namespace Archive.Bench;

/// <summary>
/// What one full-page picture costs at each scale and JPEG quality, and how tall a clip pays: the benchmark site's
/// article pages are loaded one at a time in one tab and pictured through DevTools as the capture does; the machine's
/// CPU (every process, /proc/stat) is counted over the picture alone.
/// </summary>
internal static class ScreenshotBenchmark
{
    /// <summary>The tool's browser has no network of its own (BrowserHost); the pages are served here, as the capture would.</summary>
    private sealed class PassThrough(HttpClient client) : ITabListener
    {
        public async Task HandleAsync(IRoute route)
        {
            using var response = await client.GetAsync(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        }

        public void ConsoleError(string text)
        {
        }

        public void RequestFailed(IRequest request)
        {
        }
    }

    public static async Task<int> RunAsync(int pages, int rounds)
    {
        await using var site = await LiveSite.StartAsync();
        ArticleSite.Serve(site, pages, hung: 0, seeds: null);
        await using var host = await BrowserHost.StartAsync(new BrowserOptions());
        var tab = await BrowserTab.OpenAsync(host.Browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        using var client = new HttpClient();
        tab.Listen(new PassThrough(client));
        (string Name, double Scale, int Quality, int MaxHeight)[] settings =
        [
            ("scale 1, quality 80 (before)", 1, 80, 16_000),
            ("scale 1, quality 60", 1, 60, 16_000),
            ("scale 0.75, quality 80", 0.75, 80, 16_000),
            ("scale 0.5, quality 80", 0.5, 80, 16_000),
            ("scale 0.5, quality 70", 0.5, 70, 16_000),
            ("scale 1, quality 80, clipped at 2,700 px", 1, 80, 2_700),
        ];
        var totals = settings.ToDictionary(s => s.Name, _ => (Cpu: 0.0, Wall: 0.0, Bytes: 0L, Pictures: 0));
        var heights = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < pages; i++)
            {
                await tab.Page.GotoAsync(new Uri(site.BaseUrl, $"news/{i}").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var height = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                heights.Add(height);

                // Each setting in turn on the same loaded page, so every one pictures the same pages.
                foreach (var (name, scale, quality, maxHeight) in settings)
                {
                    var cpu = MachineCpu.Now();
                    var wall = Stopwatch.StartNew();
                    var jpeg = await tab.ScreenshotAsync(1280, Math.Min(height, maxHeight), quality, scale);
                    var t = totals[name];
                    totals[name] = (t.Cpu + MachineCpu.Now() - cpu, t.Wall + wall.Elapsed.TotalSeconds, t.Bytes + jpeg.Length, t.Pictures + 1);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} pages × {rounds} rounds, page height {heights.Min()}–{heights.Max()} px (mean {heights.Average():0})"));
        Console.WriteLine("| picture | CPU ms per picture (machine) | wall ms per picture | KB per picture | CPU vs before |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var before = totals[settings[0].Name];
        foreach (var (name, _, _, _) in settings)
        {
            var t = totals[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {t.Cpu / t.Pictures * 1000:0} | {t.Wall / t.Pictures * 1000:0} | {t.Bytes / t.Pictures / 1024.0:0} | {t.Cpu / before.Cpu:0.00}× |"));
        }

        await tab.DisposeAsync();
        return 0;
    }
}
