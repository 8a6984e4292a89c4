using Archive.Capture;
using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Seeds;

namespace Archive.Verdict;

/// <summary>
/// Everything the comparisons found about one seed: the judge's only input. Each comparison adds its own typed
/// finding; a seed that could not be read or captured carries the reason instead, and nothing else.
/// </summary>
/// <param name="Id">The seed's id.</param>
/// <param name="SourceUrl">The archived page's URL; null when the seed could not be read.</param>
public sealed record SeedFindings(string Id, string? SourceUrl)
{
    /// <summary>Why the seed file could not be read; the seed was not checked.</summary>
    public SeedError? Unreadable { get; init; }

    /// <summary>Why the browser could not capture the page (a failure of the tool, not of the page).</summary>
    public string? BrowserFailure { get; init; }

    /// <summary>The live page as fetched and rendered.</summary>
    public PageCapture? Page { get; init; }

    /// <summary>The text comparison; null when the page was not rendered.</summary>
    public TextComparison? Text { get; init; }

    /// <summary>The media comparison; empty when the page was not rendered.</summary>
    public MediaComparison Media { get; init; } = MediaComparison.None;

    /// <summary>What each registered comparison (<see cref="Comparisons.All"/>) found, by its name; empty when the page was not rendered.</summary>
    public IReadOnlyDictionary<string, ComparisonFinding> Comparisons { get; init; } = new Dictionary<string, ComparisonFinding>();

    /// <summary>The seed's links and media URLs; empty when links are not checked.</summary>
    public IReadOnlyList<LinkFinding> Links { get; init; } = [];

    /// <summary>Whether the live article is gone though the page answers (a soft-404 found by the text comparison).</summary>
    public bool ArticleGone => Text?.Severity == Severity.Replaced;
}
