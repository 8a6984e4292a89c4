using AngleSharp.Dom;

namespace Archive.Web;

/// <summary>
/// The one place URLs are parsed and normalised, following the WHATWG URL Standard (through AngleSharp's parser)
/// as browsers do: white space trimmed, dot segments removed, default ports dropped, hosts lower-cased and
/// IDNA-encoded, unsafe characters percent-encoded. Percent-escapes already present are kept as written.
/// </summary>
public static class WebUrl
{
    /// <summary>Parses an absolute URL, or explains why <paramref name="text"/> is not one.</summary>
    public static bool TryParseAbsolute(string text, out Uri url, out string problem)
    {
        url = null!;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            problem = "URL is empty";
            return false;
        }

        var parsed = new Url(trimmed);
        if (parsed.IsRelative)
        {
            problem = $"URL '{trimmed}' is relative; an absolute http(s) URL is required";
            return false;
        }

        return TryConvert(parsed, trimmed, out url, out problem);
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUrl"/> as a browser resolves an attribute value.</summary>
    public static bool TryResolve(Uri baseUrl, string reference, out Uri url, out string problem)
    {
        // AngleSharp gives an absolute URL with an empty path ("https://host?q=1") the base URL's path when it is
        // resolved against a base, which the standard does not; absolute and scheme-relative references are
        // therefore parsed on their own.
        var trimmed = reference.Trim();
        var absolute = new Url(trimmed.StartsWith("//", StringComparison.Ordinal) ? baseUrl.Scheme + ":" + trimmed : trimmed);
        var parsed = absolute is { IsRelative: false, IsInvalid: false } ? absolute : new Url(new Url(baseUrl.AbsoluteUri), reference);
        return TryConvert(parsed, reference, out url, out problem);
    }

    public static bool IsHttp(Uri url) => url.Scheme is "http" or "https";

    /// <summary>The URL without its fragment: the key under which a resource is fetched and compared.</summary>
    public static Uri WithoutFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query), UriKind.Absolute);

    private static bool TryConvert(Url parsed, string original, out Uri url, out string problem)
    {
        url = null!;
        if (parsed.IsInvalid || parsed.IsRelative)
        {
            problem = $"URL '{original.Trim()}' is malformed";
            return false;
        }

        if (parsed.Scheme is "http" or "https" && string.IsNullOrEmpty(parsed.HostName))
        {
            problem = $"URL '{original.Trim()}' has no host";
            return false;
        }

        if (!Uri.TryCreate(parsed.Href, UriKind.Absolute, out var created))
        {
            problem = $"URL '{original.Trim()}' is malformed";
            return false;
        }

        url = created;
        problem = string.Empty;
        return true;
    }
}
