using Archive.Web;

namespace Archive.Links;

/// <summary>The one place that decides what a link's answer means.</summary>
public static class LinkVerdict
{
    /// <param name="response">The deciding answer, redirects followed.</param>
    /// <param name="signal">A soft-404 signal, when the answer is 2xx and one was found.</param>
    /// <param name="method">The request that gave the answer.</param>
    public static LinkResult Decide(Uri url, FetchResponse response, Soft404Signal? signal, string method, DateTimeOffset at)
    {
        var permanent = response.Redirects.Count == 0 ? (bool?)null : response.Redirects.All(r => r.Status is 301 or 308);
        LinkResult Result(LinkStatus status, string? reason) => new(
            url.AbsoluteUri,
            status,
            reason,
            response.Status,
            response.Failure is null || response.Redirects.Count > 0 ? response.FinalUrl.AbsoluteUri : null,
            response.Redirects,
            permanent,
            status == LinkStatus.Soft404 ? signal : null,
            method,
            at);

        if (response.Failure is { } failure)
        {
            return failure.Kind switch
            {
                FetchFailureKind.Timeout => Result(LinkStatus.Timeout, failure.Message),
                FetchFailureKind.Refused or FetchFailureKind.Other or FetchFailureKind.BadRedirect => Result(LinkStatus.Error, failure.Message),
                _ => Result(LinkStatus.Dead, failure.Message),
            };
        }

        return response.Status switch
        {
            >= 200 and < 300 when signal is { } s => Result(LinkStatus.Soft404, Describe(s)),
            >= 200 and < 300 when response.Redirects.Count > 0 => Result(LinkStatus.Redirect, $"{(permanent == true ? "moved permanently" : "redirects")} to {response.FinalUrl.AbsoluteUri}"),
            >= 200 and < 300 => Result(LinkStatus.Ok, null),
            >= 400 => Result(LinkStatus.Dead, $"answers {HttpStatusText.Describe(response.Status.Value)}"),
            >= 300 and < 400 => Result(LinkStatus.Error, $"answers {response.Status} without a usable Location"),
            _ => Result(LinkStatus.Error, $"answers HTTP {response.Status}"),
        };
    }

    /// <summary>A seed's source URL as its capture found it: the link stage never fetches it again.</summary>
    public static LinkResult FromCapture(Capture.PageCapture capture, bool articleGone)
    {
        var response = new FetchResponse(capture.SourceUrl, capture.FinalUrl, capture.Redirects, capture.HttpStatus, [], [], false, capture.Failure, 1, TimeSpan.FromMilliseconds(capture.Timings.FetchMs));
        return Decide(capture.SourceUrl, response, articleGone ? Soft404Signal.ArticleGone : null, "GET", capture.CapturedAt);
    }

    public static string Describe(Soft404Signal signal) => signal switch
    {
        Soft404Signal.RedirectToRoot => "soft-404: redirects to the site's home page",
        Soft404Signal.RedirectLikeMissingPage => "soft-404: redirects where a non-existent page of the same site redirects",
        Soft404Signal.NotFoundText => "soft-404: the page says it was not found",
        Soft404Signal.ArticleGone => "soft-404: the page no longer holds the archived article",
        _ => "soft-404: answers exactly like a non-existent page of the same site",
    };
}
