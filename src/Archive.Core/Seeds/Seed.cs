namespace Archive.Seeds;

/// <summary>One archived page: what was saved, from where, and when.</summary>
/// <param name="Id">The file name without its extension (for a crawl, see <see cref="Formats.CrawlSeedId"/>); snapshots and reports are keyed by it.</param>
/// <param name="Path">The file the seed was read from, as the user named it.</param>
/// <param name="Format">How the file was recognised (from its content, never its extension).</param>
/// <param name="Title">The archived title, verbatim.</param>
/// <param name="SourceUrl">The absolute http(s) URL the page was archived from, exactly as written in the seed.</param>
/// <param name="ArchivedAt">When the page was saved.</param>
/// <param name="ArchivedAtSource">Whether <paramref name="ArchivedAt"/> came from the file's own header or, lacking one, its modification time.</param>
/// <param name="Document">The archived body, parsed into what later stages compare.</param>
public sealed record Seed(
    string Id,
    string Path,
    SeedFormat Format,
    string Title,
    Uri SourceUrl,
    DateTimeOffset ArchivedAt,
    ArchivedAtSource ArchivedAtSource,
    ArchivedDocument Document)
{
    /// <summary>The archived body made safe to render (see <see cref="RenderableBody"/>), for the screenshot of the archive; null when not kept.</summary>
    public string? RenderableHtml { get; init; }

    /// <summary>The crawl the seed came from, which holds its archived media; null for a seed of one page, whose media is fetched from the archived URLs.</summary>
    public IArchivedResources? Resources { get; internal init; }
}

/// <summary>The file formats a seed can be read from.</summary>
public enum SeedFormat
{
    /// <summary><c>&lt;!--ms--&gt;</c>, <c>[title](url)</c>, <c>------</c>, blank line, HTML body.</summary>
    Archive,

    /// <summary>A page saved by Chrome or Internet Explorer, marked <c>&lt;!-- saved from url=(NNNN)URL --&gt;</c>.</summary>
    SavedFromUrl,

    /// <summary>A page saved by the SingleFile extension, with its <c>url:</c> / <c>saved date:</c> header comment.</summary>
    SingleFile,

    /// <summary>Any other saved HTML page that names itself through <c>&lt;link rel=canonical&gt;</c> or <c>og:url</c>.</summary>
    CanonicalHtml,

    /// <summary>An HTML response of a WARC file (ISO 28500), one seed per response.</summary>
    Warc,

    /// <summary>A page of a WACZ package's page list, its response read from the package's WARCs.</summary>
    Wacz,
}

public enum ArchivedAtSource
{
    Header,
    FileModified,
}
