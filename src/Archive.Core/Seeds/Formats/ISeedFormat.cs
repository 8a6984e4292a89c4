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

    /// <summary>Whether every file holds one seed, named after the file: then a seed's id is known before its file is read.</summary>
    public static bool OneSeedPerFile => OneSeedEach(All);

    /// <summary>Whether no format of <paramref name="formats"/> may hold several seeds in a file.</summary>
    public static bool OneSeedEach(IEnumerable<ISeedFormat> formats) => formats.All(f => !f.HoldsMany);
}
