using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Archive.Seeds.Formats;

/// <summary>
/// Whole HTML pages saved by a browser. The page names its source in one of three ways, tried in this order:
/// Chrome's and Internet Explorer's <c>&lt;!-- saved from url=(NNNN)URL --&gt;</c> mark, SingleFile's header comment
/// (<c>url:</c>, <c>saved date:</c>), or the page's own <c>&lt;link rel=canonical&gt;</c> / <c>og:url</c>.
/// </summary>
internal sealed partial class SavedPageFormat : ISeedFormat
{
    public string Name => "saved page";

    bool ISeedFormat.Claims(SeedText file) => Claims(file.Text);

    public bool HoldsMany => false;

    IReadOnlyList<Seed> ISeedFormat.Read(SeedText file) => [Read(file)];

    // The marks sit at the very top of the file; looking further would read them out of article text.
    private const int HeaderWindow = 8 * 1024;

    public static bool Claims(string text)
    {
        var head = text.Length > HeaderWindow ? text[..HeaderWindow] : text;
        return SavedFromUrl().IsMatch(head)
            || head.Contains("Page saved with SingleFile", StringComparison.Ordinal)
            || LooksLikeHtml().IsMatch(head);
    }

    public static Seed Read(SeedText file)
    {
        var text = file.Text;
        var head = text.Length > HeaderWindow ? text[..HeaderWindow] : text;
        if (HtmlNestingScanner.FindExcess(text, file.Options.MaxNestingDepth) is { } deepLine)
        {
            throw new SeedFormatException(deepLine, $"the HTML nests elements more than {file.Options.MaxNestingDepth} levels deep");
        }

        var document = new HtmlParser().ParseDocument(text);
        var format = SeedFormat.CanonicalHtml;
        Uri? source = null;
        DateTimeOffset? savedAt = null;

        var chrome = SavedFromUrl().Match(head);
        if (chrome.Success && FromSavedFromUrl(chrome, file) is { } chromeUrl)
        {
            format = SeedFormat.SavedFromUrl;
            source = chromeUrl;
        }

        var singleFile = SingleFileHeader().Match(head);
        if (source is null && singleFile.Success)
        {
            var line = file.LineAt(singleFile.Groups["url"].Index);
            format = SeedFormat.SingleFile;
            source = SourceUrl.Parse(singleFile.Groups["url"].Value, line);
            savedAt = singleFile.Groups["date"].Success ? ParseJavaScriptDate(singleFile.Groups["date"].Value.Trim(), file.LineAt(singleFile.Groups["date"].Index)) : null;
        }

        if (source is null)
        {
            var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href")
                ?? document.QuerySelector("meta[property='og:url'][content]")?.GetAttribute("content");
            if (canonical is null)
            {
                throw new SeedFormatException(
                    null,
                    "the HTML page does not say where it was saved from: it has no '<!-- saved from url=... -->' mark, no SingleFile header, and no <link rel=canonical> or og:url");
            }

            source = SourceUrl.Parse(canonical, null);
        }

        return HtmlSeed.From(document, SeedId.FromPath(file.Path), file.Path, format, source, savedAt ?? file.LastModified, savedAt is null ? ArchivedAtSource.FileModified : ArchivedAtSource.Header, "the saved page's body");
    }

    private static Uri? FromSavedFromUrl(Match match, SeedText file)
    {
        // NNNN is the URL's length; where it disagrees with the text, the text up to the comment's end wins.
        var url = match.Groups["url"].Value;
        if (int.TryParse(match.Groups["length"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0 && length < url.Length)
        {
            url = url[..length];
        }

        // IE writes about:internet for pages it saved from local files; then the page must name itself.
        return url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
            ? null
            : SourceUrl.Parse(url, file.LineAt(match.Groups["url"].Index));
    }

    /// <summary>SingleFile writes dates with JavaScript's Date.prototype.toString: "Tue Jan 02 2024 10:11:12 GMT+0100 (Central European Standard Time)".</summary>
    private static DateTimeOffset ParseJavaScriptDate(string text, int line)
    {
        var match = JavaScriptDate().Match(text);
        if (!match.Success)
        {
            throw new SeedFormatException(line, $"SingleFile 'saved date' '{text}' is not a date this tool can read");
        }

        var offsetText = match.Groups["offset"].Value;
        var offset = new TimeSpan(int.Parse(offsetText[1..3], CultureInfo.InvariantCulture), int.Parse(offsetText[3..5], CultureInfo.InvariantCulture), 0);
        if (offsetText[0] == '-')
        {
            offset = -offset;
        }

        var local = DateTime.ParseExact(match.Groups["date"].Value, "MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    [GeneratedRegex(@"<!--\s*saved from url=\((?<length>\d+)\)(?<url>\S+?)\s*-->", RegexOptions.IgnoreCase)]
    private static partial Regex SavedFromUrl();

    [GeneratedRegex(@"Page saved with SingleFile\s*\n\s*url:\s*(?<url>\S+)\s*\n(?:\s*saved date:\s*(?<date>[^\n]+))?")]
    private static partial Regex SingleFileHeader();

    [GeneratedRegex(@"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--.*?-->\s*<html[\s>])", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"^(?:[A-Z][a-z]{2}\s+)?(?<date>[A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2}) GMT(?<offset>[+-]\d{4})")]
    private static partial Regex JavaScriptDate();
}
