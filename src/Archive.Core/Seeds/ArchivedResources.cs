using Archive.Web;

namespace Archive.Seeds;

/// <summary>
/// The archived responses a seed's crawl holds (a WARC or WACZ): the media stage reads an archived picture from
/// here, as the crawl kept it, instead of fetching the archived URL from today's web.
/// </summary>
public interface IArchivedResources
{
    /// <summary>The crawl file, as messages name it.</summary>
    string Source { get; }

    /// <summary>
    /// The archived response for <paramref name="url"/> (redirects inside the crawl followed), its body decoded as a
    /// browser would get it and cut at <paramref name="maxBytes"/>; null when the crawl holds none.
    /// </summary>
    Task<FetchResponse?> FindAsync(Uri url, long maxBytes, CancellationToken cancellationToken);
}
