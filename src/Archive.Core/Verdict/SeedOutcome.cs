using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Seeds;

namespace Archive.Verdict;

/// <summary>
/// What became of a seed, as the policy reads it: its status and reason and the findings that can break a policy,
/// without the report's wording, scores or files. The judge builds it from a seed's findings; an accepted state,
/// stored as a report, is read back into one (<c>Report.ReportOutcome</c>), so a run and its accepted state are
/// compared as the same kind of thing.
/// </summary>
/// <param name="Blocks">The text diff's blocks (equal ones included); empty when the text was not compared.</param>
public sealed record SeedOutcome(
    string Id,
    string? SourceUrl,
    SeedStatus Status,
    string? Reason,
    bool Soft404,
    Severity? Severity,
    double? Similarity,
    IReadOnlyList<BlockDiff> Blocks,
    IReadOnlyList<MediaOutcome> Media,
    IReadOnlyList<LinkOutcome> Links,
    IReadOnlyList<ComparisonOutcome>? Comparisons = null)
{
    /// <summary>The drift the registered comparisons found.</summary>
    public IReadOnlyList<ComparisonOutcome> Drifted => Comparisons ?? [];

    /// <summary>Archived media that drifted (changed, removed, missing).</summary>
    public int MediaDrifted => Media.Count(m => MediaFinding.IsDriftStatus(m.Status));

    /// <summary>The seed's links and media URLs (not its source) that are dead or soft-404.</summary>
    public int DeadLinks => Links.Count(l => l.Kind != LinkKind.Source && l.Status is LinkStatus.Dead or LinkStatus.Soft404);
}

/// <summary>One archived medium's fate: enough to name it (<see cref="Index"/>, URL, the live copy's hash) and judge it.</summary>
public sealed record MediaOutcome(int Index, MediaKind Kind, MediaStatus Status, string ArchivedUrl, string? LiveSha256);

/// <summary>A registered comparison's drift (<see cref="IComparison"/>): its name, its words, its key.</summary>
public sealed record ComparisonOutcome(string Name, string Drift, string Key);

/// <summary>One checked URL of the seed.</summary>
public sealed record LinkOutcome(string Url, LinkKind Kind, LinkStatus Status);
