using Archive.Capture;
using Archive.Web;

namespace Archive.Pipeline;

/// <summary>Everything a check run needs to know, in one place.</summary>
/// <param name="Concurrency">Seeds captured at once (browser contexts in the one browser).</param>
/// <param name="SnapshotRoot">Where captures are stored; null to store none.</param>
public sealed record CheckOptions(
    UrlMap Map,
    FetchOptions Fetch,
    CaptureOptions Capture,
    BrowserOptions Browser,
    int Concurrency,
    string? SnapshotRoot)
{
    /// <summary>
    /// Pages spend most of their time waiting on the network and the browser, not on this process's CPU, so
    /// several per core keep both busy (see docs/performance.md for the measurements behind the number).
    /// </summary>
    public static int DefaultConcurrency => Math.Clamp(Environment.ProcessorCount * 4, 4, 16);
}
