using Archive.Capture;
using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Verdict;
using Archive.Web;

namespace Archive.Pipeline;

/// <summary>Everything a check run needs to know, in one place.</summary>
/// <param name="Concurrency">Seeds captured at once (browser contexts in the one browser).</param>
/// <param name="SnapshotRoot">Where captures are stored; null to store none.</param>
public sealed record CheckOptions(
    UrlMap Map,
    FetchOptions Fetch,
    CaptureOptions Capture,
    BrowserOptions Browser,
    int Concurrency,
    string? SnapshotRoot)
{
    /// <summary>What to leave out of each seed's text comparison.</summary>
    public IgnoreRuleSet Ignore { get; init; } = IgnoreRuleSet.None;

    /// <summary>Limits of the media stage.</summary>
    public MediaOptions Media { get; init; } = MediaOptions.Default;

    /// <summary>How links are checked; <see cref="LinkOptions.Enabled"/> false to check none.</summary>
    public LinkOptions Links { get; init; } = LinkOptions.Default;

    /// <summary>The comparisons run on every rendered page beside text and media (<see cref="Verdict.Comparisons.All"/> unless a caller chooses).</summary>
    public IReadOnlyList<IComparison> Comparisons { get; init; } = Verdict.Comparisons.All;

    /// <summary>What fails the run.</summary>
    public PolicySet Policy { get; init; } = PolicySet.Default;

    /// <summary>Only this part of the seeds (<c>--shard I/N</c>); null for all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Only seeds whose last check (in the history) is older than this; null for all.</summary>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Where the run journals finished seeds so a killed run resumes; null for no journal.</summary>
    public string? JournalPath { get; init; }

    /// <summary>Limits on decoding images.</summary>
    public ImageLimits Images { get; init; } = ImageLimits.Default;

    /// <summary>The default of <c>--concurrency</c> (<see cref="Config.CheckSettings.Concurrency"/>).</summary>
    public static int DefaultConcurrency => Config.CheckSettings.Concurrency.Default;
}
