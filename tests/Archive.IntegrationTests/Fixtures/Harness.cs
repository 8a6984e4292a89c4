using Archive.Capture;
using Archive.Links;
using Archive.Pipeline;
using Archive.Report;
using Archive.Verdict;
using Archive.TestSite;
using Archive.Web;

namespace Archive.IntegrationTests.Fixtures;

/// <summary>Options for driving the real pipeline against the live site quickly: short limits, fast retries.</summary>
public static class Harness
{
    public static FetchOptions Fetch { get; } = FetchOptions.Default with
    {
        RequestTimeout = TimeSpan.FromSeconds(4),
        MaxAttempts = 3,
        BackoffBase = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
    };

    public static CaptureOptions Capture { get; } = CaptureOptions.Default with
    {
        NavigationTimeout = TimeSpan.FromSeconds(6),
        TotalTimeout = TimeSpan.FromSeconds(40),
        NetworkQuiet = TimeSpan.FromSeconds(2),
        MaxPageBytes = 2 * 1024 * 1024,
    };

    /// <summary>No Memento look-ups (the Internet Archive is out of reach and out of bounds), short time limits.</summary>
    public static LinkOptions Links { get; } = LinkOptions.Default with { TimeGate = null, Timeout = TimeSpan.FromSeconds(4) };

    public static CheckOptions Check(LiveSite site, string? snapshots, int concurrency = 4, bool allowPrivate = false) => new(
        new UrlMap([UrlMapping.Parse(site.Map), UrlMapping.Parse($"http://news.example/={site.BaseUrl.AbsoluteUri}")]),
        Fetch with { AllowPrivate = allowPrivate },
        Capture,
        new BrowserOptions(),
        concurrency,
        snapshots) { Links = Links };

    public static async Task<(RunReport Report, ExitCode Exit)> RunAsync(CheckOptions options, params string[] seeds) =>
        await new CheckRunner(options, new NullObserver()).RunAsync(seeds, CancellationToken.None);

    /// <summary>Stops a fixture's live site and removes its scratch folder, whichever of them the set-up got to.</summary>
    public static async Task CleanUpAsync(LiveSite? site, string? root)
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }

        if (root is not null && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static void RequireBrowser()
    {
        if (BrowserLocator.Find(null) is null)
        {
            Assert.Fail("These tests drive a real Chromium and none was found: " + BrowserLocator.Advice(null) + " (./test.sh installs one).");
        }
    }

    private sealed class NullObserver : ICheckObserver
    {
        public void RunStarted(int seeds)
        {
        }

        public void SeedFinished(SeedReport seed, int finished, int total)
        {
        }
    }
}
