namespace Archive.Web;

/// <summary>Every limit the HTTP fetcher applies, with defaults for a nightly run over real news sites.</summary>
/// <param name="RequestTimeout">How long one attempt may take, headers and body together.</param>
/// <param name="MaxAttempts">Attempts for retryable failures (network errors, 429, 5xx); other 4xx are never retried.</param>
/// <param name="BackoffBase">The first retry waits this long, each later one twice as long, with jitter.</param>
/// <param name="MaxRetryAfter">A server's Retry-After is honoured up to this long; longer asks give up instead.</param>
/// <param name="MaxBodyBytes">Bodies are read up to this many bytes and then cut off (and marked truncated).</param>
/// <param name="MaxRedirects">Redirect hops followed before giving up.</param>
/// <param name="PerHostConcurrency">Requests in flight at once to one host (the host actually contacted).</param>
/// <param name="AllowPrivate">Whether unmapped URLs may reach loopback and private addresses.</param>
/// <param name="HedgeAfter">How long a GET or HEAD may hear nothing, not even headers, before a second copy is sent beside it; by default a third of its time limit, and never under 5 s, so a server that is only slow is not asked twice.</param>
public sealed record FetchOptions(
    TimeSpan RequestTimeout,
    int MaxAttempts = 3,
    TimeSpan? BackoffBase = null,
    TimeSpan? MaxRetryAfter = null,
    long MaxBodyBytes = 16 * 1024 * 1024,
    int MaxRedirects = 10,
    int PerHostConcurrency = 8,
    bool AllowPrivate = false,
    string UserAgent = FetchOptions.DefaultUserAgent,
    TimeSpan? HedgeAfter = null)
{
    public const string DefaultUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Archive/0.1";

    public static FetchOptions Default { get; } = new(TimeSpan.FromSeconds(30));

    public TimeSpan Backoff => BackoffBase ?? TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryAfterLimit => MaxRetryAfter ?? TimeSpan.FromSeconds(30);

    /// <summary>When a request with this time limit is hedged (<see cref="HedgeAfter"/>); at or past the limit, never.</summary>
    public TimeSpan HedgeDelay(TimeSpan limit) => HedgeAfter ?? TimeSpan.FromTicks(Math.Max(limit.Ticks / 3, TimeSpan.FromSeconds(5).Ticks));
}
