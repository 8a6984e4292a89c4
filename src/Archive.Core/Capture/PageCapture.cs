using Archive.Web;

namespace Archive.Capture;

/// <summary>
/// What the live page was when it was visited, as a reader's browser saw it. Every URL is in the original URL
/// space, whatever <c>--map</c> did with the requests.
/// </summary>
/// <param name="SourceUrl">The seed's source URL.</param>
/// <param name="FinalUrl">Where the main document's redirects led.</param>
/// <param name="Redirects">The main document's redirect chain.</param>
/// <param name="HttpStatus">The main document's final status; null when no HTTP answer came.</param>
/// <param name="Failure">Why the main document could not be fetched (DNS, refused, timeout…), if it could not.</param>
/// <param name="Html">The DOM after load, scripts, scrolling and a bounded wait for network quiet; null when the page was not rendered.</param>
/// <param name="Text">The rendered page's text (<c>innerText</c>).</param>
/// <param name="Screenshot">A full-page JPEG, clipped at the configured height.</param>
/// <param name="Images">Every image response the page received.</param>
/// <param name="FailedRequests">Requests of the page that got no answer.</param>
/// <param name="ConsoleErrors">Console errors and uncaught exceptions of the page's scripts.</param>
/// <param name="Notes">Limits hit and best-effort steps taken (an overlay dismissed, a body truncated, a load that never finished).</param>
/// <param name="Error">A failure of the capture itself (the browser crashed, the total time limit passed), not of the page.</param>
public sealed record PageCapture(
    Uri SourceUrl,
    Uri FinalUrl,
    IReadOnlyList<RedirectHop> Redirects,
    int? HttpStatus,
    string? ContentType,
    FetchFailure? Failure,
    string? Html,
    string? Text,
    byte[]? Screenshot,
    IReadOnlyList<CapturedImage> Images,
    IReadOnlyList<FailedRequest> FailedRequests,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> Notes,
    CaptureTimings Timings,
    string? Error)
{
    /// <summary>When the main document answered, by the run's clock; names the snapshot folder.</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>
    /// Whether the live page was rendered as a page with something to compare: fetched with a success status and
    /// rendered without a failure of the capture. The one definition every later stage asks.
    /// </summary>
    public bool Rendered => Html is not null && Failure is null && Error is null && HttpStatus is null or (>= 200 and < 300);

    /// <summary>Every request of the page and its answer, the main document's first, when <see cref="CaptureOptions.RecordTraffic"/> asked for them.</summary>
    public IReadOnlyList<Exchange> Traffic { get; init; } = [];

    /// <summary>The archived body rendered from the seed (JavaScript off, images only), as a JPEG; null when not rendered.</summary>
    public byte[]? ArchivedScreenshot { get; init; }
}

/// <param name="Bytes">The image's bytes when they were within the caps, else null (the size is still known).</param>
public sealed record CapturedImage(Uri Url, int Status, string? ContentType, long Size, string? Sha256, byte[]? Bytes, bool Truncated);

public sealed record FailedRequest(Uri Url, string ResourceType, string Reason);

/// <summary>Milliseconds spent on each step.</summary>
/// <param name="FetchMs">Fetching the main document (redirects and retries included).</param>
/// <param name="LoadMs">From navigation to the load event.</param>
/// <param name="SettleMs">Dismissing overlays, scrolling, waiting for network quiet.</param>
/// <param name="TotalMs">The whole capture.</param>
public sealed record CaptureTimings(double FetchMs, double LoadMs, double SettleMs, double TotalMs);
