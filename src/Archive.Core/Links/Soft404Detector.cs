using Archive.Web;

namespace Archive.Links;

/// <summary>Decides whether a 2xx answer is a soft-404, by the three signals, cheapest first.</summary>
internal sealed class Soft404Detector(MissingPageProbe probe, LinkOptions options)
{
    public async Task<Soft404Signal?> DetectAsync(Uri url, FetchResponse response, ResponsePage? page, CancellationToken cancellationToken)
    {
        // A site's home page cannot be a missing page of that site.
        if (IsRoot(url))
        {
            return null;
        }

        var redirected = response.Redirects.Count > 0;
        if (redirected && IsRoot(response.FinalUrl))
        {
            return Soft404Signal.RedirectToRoot;
        }

        if (page is not null && NotFoundText.Says(page.Title, page.Headline, page.Text))
        {
            return Soft404Signal.NotFoundText;
        }

        // The probe costs a request per directory, so only pages (and redirects) are compared with it.
        if (page is null && !redirected)
        {
            return null;
        }

        var missing = await probe.ForAsync(url, cancellationToken).ConfigureAwait(false);
        if (!missing.AnswersEverything)
        {
            return null;
        }

        if (redirected && missing.Response.Redirects.Count > 0 && missing.Response.FinalUrl.AbsoluteUri == response.FinalUrl.AbsoluteUri)
        {
            return Soft404Signal.RedirectLikeMissingPage;
        }

        return page is not null && missing.Page is not null && page.Similarity(missing.Page) >= options.LikeMissingAbove
            ? Soft404Signal.LikeMissingPage
            : null;
    }

    /// <summary>The site root: <c>/</c>, an index file, or a bare language root such as <c>/en/</c> or <c>/zh-hans</c>.</summary>
    internal static bool IsRoot(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            return true;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 1)
        {
            return false;
        }

        var only = segments[0].ToLowerInvariant();
        return only.StartsWith("index.", StringComparison.Ordinal)
            || only is "home" or "default.aspx"
            || LanguageRoots.Contains(only)
            || (only.Length is >= 5 and <= 7 && only[2] is '-' or '_' && LanguageRoots.Contains(only[..2]) && only[3..].All(char.IsAsciiLetter));
    }

    // Language editions news sites root at: /en/, /zh-hans/, /fr/…
    private static readonly HashSet<string> LanguageRoots = new(StringComparer.Ordinal)
    {
        "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hr", "hu", "id", "it",
        "ja", "ko", "ms", "nl", "no", "pl", "ps", "pt", "ro", "ru", "sk", "sr", "sv", "sw", "th", "tr", "uk", "ur",
        "vi", "zh", "cn", "tw", "hk", "jp", "kr", "br",
    };
}
