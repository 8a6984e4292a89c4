using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Seeds;

namespace Archive.Verdict;

/// <summary>
/// What became of a seed, as the policy reads it: its status and reason and the findings that can break a policy,
/// without the report's wording, scores or files. The judge builds it from a seed's findings; an accepted state,
/// stored as a report, is read back into one (<c>Report.SeedProjection.Outcome</c>), so a run and its accepted state are
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
    IReadOnlyList<ComparisonOutcome> Comparisons);

/// <summary>One archived medium's fate: enough to name it (<see cref="Index"/>, URL, the live copy's hash) and judge it.</summary>
public sealed record MediaOutcome(int Index, MediaKind Kind, MediaStatus Status, string ArchivedUrl, string? LiveSha256);

/// <summary>A registered comparison's drift (<see cref="IComparison"/>): its name, its words, its key.</summary>
public sealed record ComparisonOutcome(string Name, string Drift, string Key)
{
    /// <summary>
    /// A comparison's drift as the judge reads it from a finding and from a stored report alike, so a run and its
    /// accepted state key it the same way: the words stand in for a key the comparison did not give. Null without drift.
    /// </summary>
    public static ComparisonOutcome? Of(string name, string? drift, string? key) => drift is null ? null : new(name, drift, key ?? drift);
}

/// <summary>One checked URL of the seed.</summary>
public sealed record LinkOutcome(string Url, LinkKind Kind, LinkStatus Status);
