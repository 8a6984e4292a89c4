namespace Archive.Web;

/// <summary>What one fetch found, every URL in the original URL space (never the mapped one).</summary>
/// <param name="RequestedUrl">The URL asked for.</param>
/// <param name="FinalUrl">Where the redirects led (the requested URL when there were none).</param>
/// <param name="Redirects">Each hop that answered with a redirect, in order.</param>
/// <param name="Status">The final HTTP status, or null when no HTTP answer came (see <paramref name="Failure"/>).</param>
/// <param name="Truncated">Whether the body was cut off at the size cap.</param>
/// <param name="Attempts">How many attempts the last hop took (retries included).</param>
public sealed record FetchResponse(
    Uri RequestedUrl,
    Uri FinalUrl,
    IReadOnlyList<RedirectHop> Redirects,
    int? Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool Truncated,
    FetchFailure? Failure,
    int Attempts,
    TimeSpan Elapsed)
{
    public string? ContentType => Header("content-type");

    /// <summary>The media type alone, lower-cased, without parameters.</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim().ToLowerInvariant();

    public string? Header(string name) => FindHeader(Headers, name);

    /// <summary>
    /// Headers as they go with a body whose transfer and content coding were undone: names lower-cased, and the
    /// headers that described the coded body (Content-Encoding, Content-Length, Transfer-Encoding) dropped.
    /// </summary>
    internal static List<KeyValuePair<string, string>> Decoded(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value))
            .Where(h => h.Key is not ("content-encoding" or "content-length" or "transfer-encoding"))
            .ToList();

    /// <summary>The first value of a header, names compared case-insensitively as HTTP does.</summary>
    internal static string? FindHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <param name="Url">The URL that answered with a redirect.</param>
/// <param name="Status">Its status: 301, 302, 303, 307 or 308.</param>
public sealed record RedirectHop(Uri Url, int Status);

public enum FetchFailureKind
{
    Dns,
    ConnectionRefused,
    ConnectionReset,
    Tls,
    Timeout,

    /// <summary>The safety policy refused the URL (a scheme or an address it must not reach).</summary>
    Refused,
    RedirectLoop,
    TooManyRedirects,
    BadRedirect,
    Other,
}

/// <summary>Why no usable HTTP answer came.</summary>
public sealed record FetchFailure(FetchFailureKind Kind, string Message);
