using Archive.Web;

namespace Archive.Links;

/// <summary>A link's true state. <see cref="LinkVerdict"/> is the one place that decides it.</summary>
public enum LinkStatus
{
    /// <summary>Answers 2xx where it was asked, and is not a soft-404.</summary>
    Ok,

    /// <summary>Redirects (permanently or temporarily) to a page that is ok: the archive may want the final URL.</summary>
    Redirect,

    /// <summary>4xx, 5xx after retries, DNS failure, refused or reset connection, TLS failure, a redirect loop.</summary>
    Dead,

    /// <summary>Answers as if fine, but the page says it is not there: see <see cref="Soft404Signal"/>.</summary>
    Soft404,

    /// <summary>No answer within the time limit, after retries.</summary>
    Timeout,

    /// <summary>Could not be checked: a malformed URL, an address the safety policy refuses, an answer that makes no sense.</summary>
    Error,

    /// <summary>Not checked on purpose: <c>mailto:</c>, <c>tel:</c>, <c>javascript:</c>, a fragment, an excluded pattern, another scheme.</summary>
    Skipped,
}

/// <summary>Why a page that answers is taken for a soft-404.</summary>
public enum Soft404Signal
{
    /// <summary>It redirects to the site's home page.</summary>
    RedirectToRoot,

    /// <summary>It redirects to the same page a random, certainly non-existent path on the same host redirects to.</summary>
    RedirectLikeMissingPage,

    /// <summary>Its title or main text says "not found" (in one of the languages listed in <see cref="NotFoundText"/>).</summary>
    NotFoundText,

    /// <summary>It answers like a random, certainly non-existent path on the same host and directory: same status, same text.</summary>
    LikeMissingPage,

    /// <summary>For a seed's own source URL: the page answers, but the archived article is no longer in it (see the text comparison).</summary>
    ArticleGone,
}

/// <summary>An archived copy of a dead link, found through a Memento TimeGate (RFC 7089).</summary>
/// <param name="Datetime">When the copy was made.</param>
public sealed record Memento(string Url, DateTimeOffset? Datetime);

/// <summary>What checking one URL found; shared by every seed that links to it.</summary>
/// <param name="FinalUrl">Where redirects led (original URL space); null when not fetched.</param>
/// <param name="Permanent">Whether every redirect on the way was permanent (301, 308), so the archive can be updated with confidence.</param>
/// <param name="Method">The request that decided: <c>HEAD</c>, or <c>GET</c> when HEAD was refused or the text had to be read.</param>
public sealed record LinkResult(
    string Url,
    LinkStatus Status,
    string? Reason,
    int? HttpStatus,
    string? FinalUrl,
    IReadOnlyList<RedirectHop> Redirects,
    bool? Permanent,
    Soft404Signal? Signal,
    string? Method,
    DateTimeOffset CheckedAt)
{
    /// <summary>Whether a memento is worth looking up for it.</summary>
    public bool IsBroken => Status is LinkStatus.Dead or LinkStatus.Soft404;

    /// <summary>A link decided without a request: skipped on purpose, or not a URL at all.</summary>
    public static LinkResult Unfetched(string url, LinkStatus status, string reason, DateTimeOffset at) => new(url, status, reason, null, null, [], null, null, null, at);
}
