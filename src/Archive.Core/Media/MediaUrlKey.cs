using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Media;

/// <summary>
/// What stays of a media URL when the rendition parameters CDNs put in it are dropped, so that two renditions of
/// one picture (<c>…/w:1280/p:16x9/photo.jpg</c> and <c>…/w:800/p:16x9/photo.jpg</c>, <c>photo-1024x683.jpg</c>
/// and <c>photo.jpg</c>, <c>?width=620&amp;quality=85</c> and <c>?width=1020</c>) have one key. Image proxies
/// (<c>images.weserv.nl/?url=…</c>, <c>i0.wp.com/…</c>) are looked through to the picture they serve.
/// </summary>
internal static partial class MediaUrlKey
{
    // Query parameters that choose a rendition, not a picture.
    private static readonly HashSet<string> RenditionParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "w", "h", "width", "height", "q", "quality", "fit", "crop", "resize", "format", "fm", "auto", "dpr", "size",
        "s", "im", "impolicy", "imwidth", "output-quality", "output-format", "rect", "ar", "mode", "scale", "v",
        "ver", "version", "cache", "cb", "ixlib", "sharp", "blur", "bg", "trim", "strip", "a", "il", "n", "pad",
    };

    private static readonly HashSet<string> ProxyHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "images.weserv.nl", "wsrv.nl", "i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com",
    };

    /// <summary>The key two renditions of one picture share: host without <c>www.</c>, path without rendition segments, size suffixes or extension, picture-choosing query parameters sorted.</summary>
    public static string Of(Uri url)
    {
        url = LookThroughProxy(url);
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var key = new StringBuilder(host);
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var segment = last ? StemOf(segments[i]) : segments[i];
            if (!last && IsRenditionSegment(segment))
            {
                continue;
            }

            key.Append('/').Append(segment.ToLowerInvariant());
        }

        var query = Parameters(url.Query)
            .Where(p => !RenditionParameters.Contains(p.Name))
            .Select(p => p.Name + "=" + p.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (query.Count > 0)
        {
            key.Append('?').AppendJoin('&', query);
        }

        return key.ToString();
    }

    /// <summary>The file name without extension and size suffixes, lower-cased; null when it is too generic to identify a picture.</summary>
    public static string? Stem(Uri url)
    {
        url = LookThroughProxy(url);
        var name = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (name is null)
        {
            return null;
        }

        var stem = StemOf(Uri.UnescapeDataString(name)).ToLowerInvariant();
        return stem.Length < 4 || GenericStem().IsMatch(stem) ? null : stem;
    }

    private static string StemOf(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        var stem = dot > 0 && fileName.Length - dot <= 5 ? fileName[..dot] : fileName;

        // Format negotiation stacks extensions: photo.jpg.webp is photo.jpg served as WebP.
        var inner = Path.GetExtension(stem).ToLowerInvariant();
        if (inner is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp" or ".avif")
        {
            stem = stem[..^inner.Length];
        }

        // Suffixes come stacked (VOA's "_r1_s_w900"), so strip until none is left.
        string before;
        do
        {
            before = stem;
            stem = SizeSuffix().Replace(stem, string.Empty);
        }
        while (stem.Length > 0 && stem != before);
        return stem.Length == 0 ? before : stem;
    }

    private static bool IsRenditionSegment(string segment) =>
        RenditionSegment().IsMatch(segment)
        || (segment.Contains(',', StringComparison.Ordinal) && segment.Split(',').All(part => TransformPart().IsMatch(part)))
        || TransformPart().IsMatch(segment);

    private static Uri LookThroughProxy(Uri url)
    {
        for (var depth = 0; depth < 3 && ProxyHosts.Contains(url.Host); depth++)
        {
            var target = Parameters(url.Query).FirstOrDefault(p => p.Name.Equals("url", StringComparison.OrdinalIgnoreCase)).Value;
            if (string.IsNullOrEmpty(target))
            {
                // Photon puts the picture in the path: i0.wp.com/example.com/photo.jpg
                target = url.AbsolutePath.TrimStart('/');
            }

            if (!target.Contains("://", StringComparison.Ordinal))
            {
                target = "https://" + target.TrimStart('/');
            }

            if (!Uri.TryCreate(target, UriKind.Absolute, out var inner) || inner.Host.Length == 0)
            {
                break;
            }

            url = inner;
        }

        return url;
    }

    private static IEnumerable<(string Name, string Value)> Parameters(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            return equals < 0
                ? (Uri.UnescapeDataString(pair), string.Empty)
                : (Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')));
        });

    // "w:1280", "p:16x9", "w_800", "1024x576", "976", "q:80" as whole path segments.
    [GeneratedRegex(@"^(?:(?:w|h|q|p|c|f|s|fit|crop)[:=][\w.]+|\d{2,4}x\d{2,4}|\d{2,4}|(?:width|height|quality|format|fit|resize|crop)[:_=-][\w.]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RenditionSegment();

    // One Cloudinary-style transformation: c_fill, w_800, q_auto, f_auto, ar_16:9.
    [GeneratedRegex(@"^(?:c|w|h|q|f|g|ar|dpr|e|fl|t|x|y|z|b|o|r)_[\w:.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TransformPart();

    // Size and rendition suffixes on a file name: -1024x683, _640x360, _w900, _r1, _s, @2x, -scaled, NYT's -articleLarge.
    [GeneratedRegex(@"(?:[-_@](?:\d{2,4}x\d{2,4}|[whq]\d{2,4}|\d(?:\.\d)?x|r\d|s|scaled|thumb(?:nail)?|small|medium|large|xlarge|articleLarge|superJumbo|jumbo|popup|blog\d+|master\d+|square\d+|thumbStandard|thumbLarge|facebookJumbo|videoSixteenByNine\w*|mediumSquareAt3X|threeByTwo\w*|horizontal\w*))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeSuffix();

    [GeneratedRegex(@"^(?:image|img|photo|picture|default|index|thumb|placeholder|blank|spacer|pixel|logo|icon|\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GenericStem();
}
