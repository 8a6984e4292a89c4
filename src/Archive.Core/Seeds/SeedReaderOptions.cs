namespace Archive.Seeds;

/// <summary>Limits that keep a hostile or broken seed file from exhausting time or memory.</summary>
/// <param name="MaxBytes">Larger files are refused before they are read. Real archived articles are well under 1 MB.</param>
/// <param name="MaxNestingDepth">Deeper HTML is refused before it is parsed: HTML tree building costs time proportional to
/// the depth for every element, so 100,000 nested elements would take minutes. Chromium itself caps its DOM depth at 512.</param>
public sealed record SeedReaderOptions(long MaxBytes = 10 * 1024 * 1024, int MaxNestingDepth = 512)
{
    public static SeedReaderOptions Default { get; } = new();
}
