using System.Diagnostics;
using Archive.Capture;
using Archive.TestSite;
using Microsoft.Playwright;

namespace Archive.Bench;

/// <summary>
/// The baseline a full check is measured against: what anyone would write first with Playwright. One page at a
/// time in the same browser binary the tool finds, no interception, no retries: load (30 s limit, as the tool's
/// default page timeout), the body's text, a full-page screenshot.
/// </summary>
internal static class NaiveLoop
{
    public static async Task<(double Seconds, double CpuSeconds, long PeakRoot, long PeakTree, int Loaded, string Browser)> RunAsync(LiveSite site, int pages)
    {
        var location = BrowserLocator.Find(null) ?? throw new InvalidOperationException(BrowserLocator.Advice(null));
        using var playwright = await Playwright.CreateAsync();
        var cpu = MachineCpu.Now();
        var stopwatch = Stopwatch.StartNew();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = location.ExecutablePath, Headless = true, Args = BrowserOptions.LaunchArguments });
        var memory = new ProcessTreeMemory(Environment.ProcessId);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                memory.Sample();
                await Task.Delay(100).ConfigureAwait(false);
            }
        });
        var loaded = 0;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync(new Uri(site.BaseUrl, $"news/{i}").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
                _ = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''");
                _ = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80 });
                loaded++;
            }
            catch (TimeoutException)
            {
                // a hung page: the naive loop waits out its limit and moves on
            }
            finally
            {
                await page.CloseAsync();
            }
        }

        await context.CloseAsync();
        await sampling.CancelAsync();
        await sampler;
        return (stopwatch.Elapsed.TotalSeconds, MachineCpu.Now() - cpu, memory.PeakRoot, memory.PeakTree, loaded, Path.GetFileName(location.ExecutablePath));
    }
}

/// <summary>The machine's busy CPU seconds so far, every process counted (/proc/stat: all but idle and I/O wait).</summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Now()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields.Sum() - fields[3] - fields[4] - (fields.Length > 8 ? fields[8] + (fields.Length > 9 ? fields[9] : 0) : 0);
        return busy / TicksPerSecond;
    }
}
