namespace Archive.Seeds.Formats;

/// <summary>
/// One seed file format, recognised from the file's content (never its name). A new format is a class
/// implementing this and one line in <see cref="SeedFormats.All"/>.
/// </summary>
internal interface ISeedFormat
{
    /// <summary>The format's name, as messages and docs call it.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the file means to be in this format, even when it is broken: a claimed file is read by this format
    /// alone, so its errors talk about this format ("missing timestamp") rather than "not a seed".
    /// </summary>
    bool Claims(SeedText file);

    /// <summary>
    /// Whether a file of this format may hold several seeds (an archive of crawled pages). While no registered
    /// format may, a run picks its shard and its stale seeds by file name before reading any file.
    /// </summary>
    bool HoldsMany { get; }

    /// <summary>The seeds the file holds, each with an id of its own (see <see cref="SeedId"/>).</summary>
    /// <exception cref="SeedFormatException">The file is in this format but broken; the exception names the line.</exception>
    IReadOnlyList<Seed> Read(SeedText file);
}

/// <summary>The seed formats, asked in order; the first that claims a file reads it.</summary>
internal static class SeedFormats
{
    public static IReadOnlyList<ISeedFormat> All { get; } = [new ArchiveFormat(), new SavedPageFormat()];

    /// <summary>The crawl formats, asked before the text formats, from a file's first bytes.</summary>
    public static IReadOnlyList<ICrawlFormat> Crawls { get; } = [new WarcFormat(), new WaczFormat()];

    /// <summary>How many of a file's first bytes a crawl format is shown (enough to gunzip a WARC's first line).</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The crawl format that claims a file, from its first bytes; null for a text seed (or a file that cannot be read: its reader says why).</summary>
    public static ICrawlFormat? CrawlOf(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[HeadBytes];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return CrawlOf(head.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static ICrawlFormat? CrawlOf(ReadOnlySpan<byte> head)
    {
        foreach (var format in Crawls)
        {
            if (format.Claims(head))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the file may hold several seeds, so that its seeds' ids are known only once it is read. A run picks
    /// its shard and its stale seeds among the other files by file name, before reading them.
    /// </summary>
    public static bool MayHoldMany(string path) => !OneSeedEach(All) || CrawlOf(path) is not null;

    /// <summary>Whether no format of <paramref name="formats"/> may hold several seeds in a file.</summary>
    public static bool OneSeedEach(IEnumerable<ISeedFormat> formats) => formats.All(f => !f.HoldsMany);
}
