using Archive.Diff;
using Archive.Verdict;

namespace Archive.Report;

/// <summary>
/// The JSON report (<c>report.json</c>): the contract users' scripts read. Documented in docs/report-schema.md
/// and docs/report.schema.json; fields are added, never renamed or removed, and <see cref="SchemaVersion"/>
/// changes when their meaning does.
/// </summary>
public sealed record RunReport(
    int SchemaVersion,
    ToolInfo Tool,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunSummary Summary,
    IReadOnlyList<SeedReport> Seeds)
{
    public const int CurrentSchemaVersion = 2;
}

public sealed record ToolInfo(string Name, string Version);

/// <summary>How many seeds ended in each status.</summary>
public sealed record RunSummary(int Total, int Unchanged, int Changed, int Dead, int Error)
{
    public static RunSummary Of(IReadOnlyCollection<SeedReport> seeds) => new(
        seeds.Count,
        seeds.Count(s => s.Status == SeedStatus.Unchanged),
        seeds.Count(s => s.Status == SeedStatus.Changed),
        seeds.Count(s => s.Status == SeedStatus.Dead),
        seeds.Count(s => s.Status == SeedStatus.Error));
}

/// <param name="Reason">Why the seed has its status, in words a person can act on; null when unchanged.</param>
/// <param name="Snapshot">The snapshot folder this check wrote, relative to the snapshots root; null when none was written.</param>
public sealed record SeedReport(
    string Id,
    string Path,
    string? SourceUrl,
    DateTimeOffset? ArchivedAt,
    SeedStatus Status,
    string? Reason,
    PageReport Page,
    TextReport Text,
    IReadOnlyList<MediaReport> Media,
    IReadOnlyList<LinkReport> Links,
    string? Snapshot);

/// <param name="Redirects">The URLs that answered with a redirect, in order (original URL space).</param>
/// <param name="Error">Why the page could not be fetched or rendered; null when it was.</param>
public sealed record PageReport(
    int? HttpStatus,
    string? FinalUrl,
    IReadOnlyList<string> Redirects,
    bool Soft404,
    string? Error,
    string? ContentType,
    PageTimings? Timings,
    IReadOnlyList<string> Notes)
{
    public static PageReport None(string? error) => new(null, null, [], false, error, null, null, []);
}

public sealed record PageTimings(double FetchMs, double LoadMs, double SettleMs, double TotalMs);

/// <summary>A seed's text drift; every field but <paramref name="Blocks"/> is null when the live text was not compared. Scores are defined in docs/report-schema.md.</summary>
public sealed record TextReport(
    double? Similarity,
    Severity? Severity,
    double? Retained,
    double? Coverage,
    double? Jaccard,
    int? SimHashDistance,
    ArticleMatch? Match,
    BlockCounts? Counts,
    string? Error,
    IReadOnlyList<BlockDiff> Blocks)
{
    public static TextReport None { get; } = new(null, null, null, null, null, null, null, null, null, []);

    public static TextReport From(TextComparison text) => text.Error is not null
        ? None with { Error = text.Error }
        : new(text.Similarity, text.Severity, text.Retained, text.Coverage, text.Jaccard, text.SimHashDistance, text.Match, text.Counts, null, text.Blocks);
}

public enum MediaStatus
{
    Same,
    Resized,
    Changed,
    Removed,
    Missing,
    Error,
}

public sealed record MediaReport(string ArchivedUrl, string? LiveUrl, MediaStatus Status, double? Similarity);

public enum LinkStatus
{
    Ok,
    Redirect,
    Dead,
    Soft404,
    Timeout,
    Error,
    Skipped,
}

public sealed record LinkReport(string Url, LinkStatus Status, int? HttpStatus, string? FinalUrl);
