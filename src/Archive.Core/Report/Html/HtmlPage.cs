using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Archive.Report.Html;

/// <summary>
/// A page of the report: escaped content, the one inline style sheet and at most one inline script, and a
/// Content-Security-Policy that allows exactly those two (by hash), images from the report's own folder, and
/// nothing else — no other script, no remote load of any kind, no form, no base URL.
/// </summary>
internal static class HtmlPage
{
    public static string Build(string title, string body, string? script, string bodyClass = "")
    {
        var csp = $"default-src 'none'; style-src {Hash(Assets.Style)}; script-src {(script is null ? "'none'" : Hash(script))}; img-src 'self' file: data:; base-uri 'none'; form-action 'none'";
        var page = new StringBuilder(body.Length + Assets.Style.Length + (script?.Length ?? 0) + 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(csp).Append("\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Escape(title)).Append("</title><style>").Append(Assets.Style).Append("</style></head>")
            .Append("<body class=\"").Append(bodyClass).Append("\">").Append(body);
        if (script is not null)
        {
            page.Append("<script>").Append(script).Append("</script>");
        }

        return page.Append("</body></html>\n").ToString();
    }

    /// <summary>Text for an element or an attribute: &lt; &gt; &amp; and both quotes escaped.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An href only for http(s) URLs (never <c>javascript:</c> or <c>data:</c>), opening without referrer or opener; anything else is shown as text.</summary>
    public static string Link(string? url, string? text = null)
    {
        if (url is null)
        {
            return "–";
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? $"<a href=\"{Escape(parsed.AbsoluteUri)}\" rel=\"noopener noreferrer nofollow\">{Escape(text ?? Readable(url))}</a>"
            : Escape(text ?? url);
    }

    /// <summary>A URL as people read it: percent-encoded UTF-8 (a Chinese path) shown as its characters.</summary>
    public static string Readable(string url)
    {
        try
        {
            var decoded = Uri.UnescapeDataString(url);
            return decoded.Any(char.IsControl) ? url : decoded;
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";
}
