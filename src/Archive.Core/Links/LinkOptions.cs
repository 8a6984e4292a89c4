namespace Archive.Links;

/// <summary>Limits and choices of the link stage, with defaults for a nightly run over real sites.</summary>
/// <param name="Concurrency">Links checked at once across the whole run (each host is further limited by <see cref="Web.FetchOptions.PerHostConcurrency"/>).</param>
/// <param name="MaxBodyBytes">At most this much of a page is read to look for soft-404 signals; bodies that never end are cut here.</param>
/// <param name="Timeout">How long one request may take.</param>
/// <param name="Exclude">Links matching any of these patterns are skipped.</param>
/// <param name="TimeGate">The Memento TimeGate asked for archived copies of dead links (RFC 7089); null to ask none.</param>
/// <param name="CacheFile">Where results are kept between runs; null for no cache.</param>
/// <param name="CacheTtl">How long a cached result stays fresh.</param>
/// <param name="ProbesPerHost">Directories of one host probed with a random path; further links of the host use the root's probe.</param>
/// <param name="LikeMissingAbove">A page whose text is this similar (Jaccard of 5-character shingles) to the random path's answer is a soft-404.</param>
public sealed record LinkOptions(
    int Concurrency = 128,
    long MaxBodyBytes = 256 * 1024,
    TimeSpan? Timeout = null,
    IReadOnlyList<System.Text.RegularExpressions.Regex>? Exclude = null,
    Uri? TimeGate = null,
    string? CacheFile = null,
    TimeSpan? CacheTtl = null,
    int ProbesPerHost = 8,
    double LikeMissingAbove = 0.9,
    bool Enabled = true)
{
    /// <summary>The Internet Archive's TimeGate, the default for users.</summary>
    public static Uri WaybackTimeGate { get; } = new("https://web.archive.org/web/");

    public static LinkOptions Default { get; } = new(TimeGate: WaybackTimeGate);

    public TimeSpan RequestTimeout => Timeout ?? TimeSpan.FromSeconds(15);
}
