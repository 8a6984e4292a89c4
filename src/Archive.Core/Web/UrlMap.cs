namespace Archive.Web;

/// <summary>One <c>--map FROM=TO</c> rule: URLs whose text starts with <see cref="From"/> are fetched from <see cref="To"/> instead.</summary>
public sealed record UrlMapping(string From, string To)
{
    /// <summary>Parses <c>FROM=TO</c>; both sides must be absolute http(s) URL prefixes.</summary>
    public static UrlMapping Parse(string text)
    {
        var split = text.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0 || split == text.Length - 1)
        {
            throw new FormatException($"map '{text}' is not FROM=TO (for example https://news.example/=http://127.0.0.1:8080/)");
        }

        var from = text[..split].Trim();
        var to = text[(split + 1)..].Trim();
        foreach (var side in new[] { from, to })
        {
            if (!Uri.TryCreate(side, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new FormatException($"map '{text}': '{side}' is not an absolute http(s) URL prefix");
            }
        }

        return new UrlMapping(from, to);
    }
}

/// <summary>
/// Rewrites where requests go — never which URL the tool believes it fetched. Everything upstream (seeds, links,
/// redirects, reports) lives in the original URL space; only the moment a request leaves the process is a URL
/// mapped, and answers (a Location header, a final URL) are read back in the original space.
/// The longest matching prefix wins.
/// </summary>
public sealed class UrlMap
{
    private readonly UrlMapping[] mappings;

    public UrlMap(IEnumerable<UrlMapping> mappings)
    {
        this.mappings = mappings.OrderByDescending(m => m.From.Length).ToArray();
    }

    public static UrlMap None { get; } = new([]);

    public IReadOnlyList<UrlMapping> Mappings => mappings;

    /// <summary>Where a request for <paramref name="url"/> actually goes, and whether a user's mapping put it there.</summary>
    public (Uri Target, bool Mapped) Map(Uri url)
    {
        var text = url.AbsoluteUri;
        foreach (var mapping in mappings)
        {
            if (text.StartsWith(mapping.From, StringComparison.Ordinal))
            {
                return (new Uri(mapping.To + text[mapping.From.Length..], UriKind.Absolute), true);
            }
        }

        return (url, false);
    }

    /// <summary>
    /// Reads a URL as the mapped server wrote it (an absolute Location header, say) back into the original space:
    /// the inverse of <see cref="Map"/>, for the longest matching target prefix.
    /// </summary>
    public Uri Unmap(Uri target)
    {
        var text = target.AbsoluteUri;
        foreach (var mapping in mappings.OrderByDescending(m => m.To.Length))
        {
            if (text.StartsWith(mapping.To, StringComparison.Ordinal))
            {
                return new Uri(mapping.From + text[mapping.To.Length..], UriKind.Absolute);
            }
        }

        return target;
    }
}
