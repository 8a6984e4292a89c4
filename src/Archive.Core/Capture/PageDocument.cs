using Archive.Web;

namespace Archive.Capture;

/// <summary>A page's main document as <see cref="PageCapturer.FetchAsync"/> fetched it, waiting to be rendered.</summary>
/// <param name="SourceUrl">The seed's source URL.</param>
/// <param name="Response">The fetch's answer, redirects followed, or its failure.</param>
/// <param name="SentAt">When the request was sent, by the run's clock (the WARC's request record).</param>
/// <param name="AnsweredAt">When the fetch ended, by the run's clock: the capture is dated by it (<see cref="PageCapture.CapturedAt"/>), not by when a tab was free.</param>
/// <param name="Took">How long the fetch took, retries included.</param>
public sealed record PageDocument(Uri SourceUrl, FetchResponse Response, DateTimeOffset SentAt, DateTimeOffset AnsweredAt, TimeSpan Took)
{
    /// <summary>What is left of a seed's <paramref name="total"/> time once its document has been fetched: the fetch counts, a wait for a tab or a worker after it does not.</summary>
    public TimeSpan TimeLeft(TimeSpan total) => total > Took ? total - Took : TimeSpan.Zero;
}
