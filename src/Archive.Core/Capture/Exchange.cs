using Archive.Web;

namespace Archive.Capture;

/// <summary>
/// One request the live page made and the answer the browser got, every URL in the original URL space: what the
/// snapshot's WARC keeps (request and response records).
/// </summary>
/// <param name="At">When the request was sent, by the run's clock.</param>
/// <param name="Method">The request method.</param>
/// <param name="RequestHeaders">The request's headers as the browser sent them.</param>
/// <param name="RequestBody">The request's body (a POST's form), if any.</param>
/// <param name="Response">The answer, its body as given to the browser (content coding undone, cut at the caps).</param>
public sealed record Exchange(DateTimeOffset At, string Method, IReadOnlyList<KeyValuePair<string, string>> RequestHeaders, byte[]? RequestBody, FetchResponse Response);
