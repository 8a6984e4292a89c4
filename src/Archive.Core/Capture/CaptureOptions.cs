namespace Archive.Capture;

/// <summary>Limits on one page capture. Every external input has a cap and a time limit.</summary>
/// <param name="NavigationTimeout">How long the page may take to reach its load event; past it the capture goes on with what loaded.</param>
/// <param name="TotalTimeout">Everything for one seed: past it the capture is abandoned and reported.</param>
/// <param name="NetworkQuiet">How long to wait, after loading and scrolling, for the network to fall quiet.</param>
/// <param name="MaxScrollSteps">Viewport heights scrolled to trigger lazy loading.</param>
/// <param name="MaxSubresources">Requests one page may make; further ones are refused.</param>
/// <param name="MaxPageBytes">The HTML document is cut off here.</param>
/// <param name="MaxImageBytes">One image's bytes are kept up to this size.</param>
/// <param name="MaxImageBytesPerPage">All images' bytes kept for one page; past it sizes are still recorded, bytes not.</param>
/// <param name="MaxScreenshotHeight">Full-page screenshots are clipped at this height in CSS pixels.</param>
/// <param name="ScreenshotQuality">JPEG quality of the screenshot, 1–100.</param>
/// <param name="ScreenshotScale">Picture pixels per CSS pixel. The page is rastered at this scale, so the picture's cost falls with its area: 0.5 took 0.27× the CPU of 1 (docs/performance.md), and its 640 px are about the width the report shows a picture at (two to a row).</param>
/// <param name="SeedsPerTab">Seeds one browser tab serves, wiped between them, before it is replaced by a fresh context; 1 opens a fresh context for every seed.</param>
/// <param name="SettleTimeout">How long, at most, a page whose first read holds little of the archived text is given to settle (DOM quiet, no loading placeholders, lazy parts loaded) before it is read again.</param>
/// <param name="ArchivedScreenshot">Whether to render the archived body too (JavaScript off, images only) and screenshot it for the report.</param>
/// <param name="Screenshots">Which live pages get a full-page picture (<see cref="ScreenshotPolicy"/>); the capture asks its caller when it is <see cref="ScreenshotPolicy.Findings"/>.</param>
/// <param name="RecordTraffic">Whether to keep every request of the page and its answer (<see cref="PageCapture.Traffic"/>) for the snapshot's WARC.</param>
/// <param name="MaxTrafficBytesPerPage">The bodies kept for one page's traffic; past it, answers are kept without their bodies (marked truncated).</param>
public sealed record CaptureOptions(
    TimeSpan NavigationTimeout,
    TimeSpan TotalTimeout,
    TimeSpan NetworkQuiet,
    int MaxScrollSteps = 30,
    int MaxSubresources = 600,
    long MaxPageBytes = 8 * 1024 * 1024,
    long MaxImageBytes = 12 * 1024 * 1024,
    long MaxImageBytesPerPage = 64 * 1024 * 1024,
    int ViewportWidth = 1280,
    int ViewportHeight = 900,
    int MaxScreenshotHeight = 16_000,
    int ScreenshotQuality = 80,
    double ScreenshotScale = 0.5,
    bool DismissOverlays = true,
    bool ArchivedScreenshot = true,
    int SeedsPerTab = 50,
    TimeSpan? SettleTimeout = null,
    ScreenshotPolicy Screenshots = ScreenshotPolicy.Findings,
    bool RecordTraffic = false,
    long MaxTrafficBytesPerPage = 64 * 1024 * 1024)
{
    /// <summary>The default of <see cref="SettleTimeout"/>: long enough for a body a script inserts seconds after loading, short enough that a real soft-404 costs little.</summary>
    public static TimeSpan DefaultSettleTimeout { get; } = TimeSpan.FromSeconds(8);

    public TimeSpan Settle => SettleTimeout ?? DefaultSettleTimeout;

    public static CaptureOptions Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(3));
}
