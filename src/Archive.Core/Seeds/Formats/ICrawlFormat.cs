namespace Archive.Seeds.Formats;

/// <summary>
/// A file of crawled web traffic (WARC, WACZ) that holds many pages, each a seed. Unlike a <see cref="ISeedFormat"/>,
/// which reads a small text file whole, a crawl is recognised from its first bytes and read as a stream: a file of
/// gigabytes never sits in memory. A new crawl format is a class implementing this and one line in <see cref="SeedFormats.Crawls"/>.
/// </summary>
internal interface ICrawlFormat
{
    /// <summary>The format's name, as messages and docs call it.</summary>
    string Name { get; }

    /// <summary>Whether the file is in this format, judged from its first bytes (up to <see cref="SeedFormats.HeadBytes"/>), never its name.</summary>
    bool Claims(ReadOnlySpan<byte> head);

    /// <summary>
    /// The seeds the file holds, and an error for each page that cannot be one (named by its URL); a damaged
    /// record costs that record, not the file. Only a file that cannot be read at all is a single error.
    /// </summary>
    IReadOnlyList<SeedLoad> Read(string path, SeedReaderOptions options, CancellationToken cancellationToken);
}
