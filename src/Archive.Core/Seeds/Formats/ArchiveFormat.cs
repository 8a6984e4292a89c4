using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Archive.Web;

namespace Archive.Seeds.Formats;

/// <summary>
/// The archive's own format:
/// <code>
/// &lt;!--1695222902000--&gt;       archive time, Unix milliseconds
/// [title](source-url)
/// ------
///
/// &lt;html body&gt;
/// </code>
/// </summary>
internal sealed partial class ArchiveFormat : ISeedFormat
{
    public string Name => "archive";

    bool ISeedFormat.Claims(SeedText file) => Claims(file.Lines);

    public bool HoldsMany => false;

    IReadOnlyList<Seed> ISeedFormat.Read(SeedText file) => [Read(file, file.Lines)];

    // Archived pages before the web (or far in the future) mean a corrupt timestamp, not a real date.
    private static readonly DateTimeOffset Earliest = new(1991, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether the text is meant to be in this format, even if it is broken: then its errors are about this format.</summary>
    public static bool Claims(string[] lines)
    {
        var first = lines.Length > 0 ? lines[0].Trim() : string.Empty;
        var second = lines.Length > 1 ? lines[1].TrimStart() : string.Empty;
        if (TimestampLine().IsMatch(first))
        {
            return true;
        }

        var firstIsBareComment = first.StartsWith("<!--", StringComparison.Ordinal) && first.EndsWith("-->", StringComparison.Ordinal)
            && !first.Contains("saved from url=", StringComparison.OrdinalIgnoreCase);
        return first.StartsWith('[') || (firstIsBareComment && (second.StartsWith('[') || second.StartsWith("---", StringComparison.Ordinal)));
    }

    public static Seed Read(SeedText file, string[] lines)
    {
        var archivedAt = ReadTimestamp(lines, file.Now);
        if (lines.Length < 2 || string.IsNullOrWhiteSpace(lines[1]))
        {
            throw new SeedFormatException(2, "missing title line: expected '[title](source-url)'");
        }

        var (title, sourceUrl) = ReadTitleLine(lines[1]);
        if (lines.Length < 3 || !Separator().IsMatch(lines[2].Trim()))
        {
            throw new SeedFormatException(3, $"expected the separator line '------' after the title, found '{Excerpt(lines.ElementAtOrDefault(2))}'");
        }

        var bodyLine = 4;
        while (bodyLine <= lines.Length && string.IsNullOrWhiteSpace(lines[bodyLine - 1]))
        {
            bodyLine++;
        }

        if (bodyLine > lines.Length)
        {
            throw new SeedFormatException(Math.Min(5, lines.Length + 1), "the archived body is empty: expected HTML after the separator line");
        }

        var body = string.Join('\n', lines[(bodyLine - 1)..]);
        if (HtmlNestingScanner.FindExcess(body, file.Options.MaxNestingDepth) is { } deepLine)
        {
            throw new SeedFormatException(bodyLine + deepLine - 1, $"the HTML body nests elements more than {file.Options.MaxNestingDepth} levels deep");
        }

        var document = new HtmlParser().ParseDocument(body);
        var parsed = ArchivedDocumentParser.Parse(document.Body ?? document.DocumentElement, sourceUrl);
        if (parsed.Blocks.Count == 0 && parsed.Media.Count == 0 && parsed.Links.Count == 0)
        {
            throw new SeedFormatException(bodyLine, "the archived body holds no text, media or links");
        }

        return new Seed(SeedId.FromPath(file.Path), file.Path, SeedFormat.Archive, title, sourceUrl, archivedAt, ArchivedAtSource.Header, parsed)
        {
            RenderableHtml = RenderableBody.From(document.Body ?? document.DocumentElement),
        };
    }

    private static DateTimeOffset ReadTimestamp(string[] lines, DateTimeOffset now)
    {
        var first = lines.Length > 0 ? lines[0].Trim() : string.Empty;
        if (first.StartsWith('['))
        {
            throw new SeedFormatException(1, "missing archive timestamp: expected '<!--<unix milliseconds>-->' before the title line");
        }

        var match = CommentLine().Match(first);
        if (!match.Success)
        {
            throw new SeedFormatException(1, $"expected the archive timestamp '<!--<unix milliseconds>-->', found '{Excerpt(first)}'");
        }

        var value = match.Groups[1].Value;
        if (value.Length == 0)
        {
            throw new SeedFormatException(1, "the archive timestamp is empty: expected '<!--<unix milliseconds>-->'");
        }

        if (!value.All(char.IsAsciiDigit))
        {
            throw new SeedFormatException(1, $"the archive timestamp '{Excerpt(value)}' is not a number of Unix milliseconds");
        }

        if (value.Length > 15 || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            throw new SeedFormatException(1, $"the archive timestamp '{Excerpt(value)}' is out of range");
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (at < Earliest || at > now.AddDays(1))
        {
            var hint = value.Length == 10 ? " (it looks like seconds; the format wants milliseconds)" : string.Empty;
            throw new SeedFormatException(1, $"the archive timestamp {value} is {at:yyyy-MM-dd'T'HH:mm:ss'Z'}, which cannot be an archive time{hint}");
        }

        return at;
    }

    private static (string Title, Uri Url) ReadTitleLine(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('['))
        {
            throw new SeedFormatException(2, $"missing title line: expected '[title](source-url)', found '{Excerpt(trimmed)}'");
        }

        // Titles may hold brackets and URLs parentheses, but a URL never holds "](": the last one splits the two.
        var split = trimmed.LastIndexOf("](", StringComparison.Ordinal);
        if (split < 0 || !trimmed.EndsWith(')'))
        {
            throw new SeedFormatException(2, "the title line has no source URL: expected '[title](source-url)'");
        }

        var title = trimmed[1..split];
        var urlText = trimmed[(split + 2)..^1].Trim();
        if (urlText.StartsWith('<') && urlText.EndsWith('>'))
        {
            urlText = urlText[1..^1];
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new SeedFormatException(2, "the title is empty");
        }

        if (urlText.Length == 0)
        {
            throw new SeedFormatException(2, "the title line has no source URL: expected '[title](source-url)'");
        }

        return (title, SourceUrl.Parse(urlText, 2));
    }

    private static string Excerpt(string? text)
    {
        text ??= string.Empty;
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    [GeneratedRegex(@"^<!--\s*\d+\s*-->$")]
    private static partial Regex TimestampLine();

    [GeneratedRegex(@"^<!--\s*(.*?)\s*-->$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^-{3,}$")]
    private static partial Regex Separator();
}
