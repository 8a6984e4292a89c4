using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Seeds;
using Archive.Verdict;
using Archive.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>The part of a sharded run (<c>--shard I/N</c>) this report covers; null for a whole run.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>A hash of every seed id of the run before it was sharded: the shards of one run share it, so a merge can tell a foreign report.</summary>
    public string? SeedList { get; init; }

    /// <summary>Shards a merge was told to do without (<c>archive merge --allow-partial</c>): their seeds are not in this report.</summary>
    public IReadOnlyList<int>? MissingShards { get; init; }

    /// <summary>The sentence every format shows for a partial merge; null when nothing is missing.</summary>
    public string? Gap => MissingShards is { Count: > 0 } missing
        ? $"partial: shard(s) {string.Join(", ", missing)} missing from this merge; their seeds were not checked or not reported"
        : null;
}

/// <summary>Part <see cref="Index"/> of <see cref="Count"/>.</summary>
public sealed record ShardInfo(int Index, int Count);

public sealed record ToolInfo(string Name, string Version);

/// <summary>How many seeds ended in each status, and how their links did.</summary>
public sealed record RunSummary(int Total, int Unchanged, int Changed, int Dead, int Error, LinkCounts? Links = null)
{
    public static RunSummary Of(IReadOnlyCollection<SeedReport> seeds) => new(
        seeds.Count,
        seeds.Count(s => s.Status == SeedStatus.Unchanged),
        seeds.Count(s => s.Status == SeedStatus.Changed),
        seeds.Count(s => s.Status == SeedStatus.Dead),
        seeds.Count(s => s.Status == SeedStatus.Error),
        LinkCounts.Of(seeds.SelectMany(s => s.Links)));
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
    string? Snapshot)
{
    /// <summary>How the seed breaks the run's policy (its thresholds), in words; empty when it does not. A seed with breaches fails the run (exit code 1) and its JUnit test case.</summary>
    public IReadOnlyList<string> Breaches { get; init; } = [];

    /// <summary>When an accepted state exists (<c>archive accept</c>): what the seed had then and whether it still has only that drift.</summary>
    public AcceptedReport? Accepted { get; init; }

    /// <summary>What this seed makes the run exit with: <c>clean</c>, <c>policyBroken</c>, <c>inputError</c> or <c>toolFailure</c>.</summary>
    public ExitCode Exit { get; init; }

    /// <summary>What each registered comparison found (<see cref="IComparison"/>), by its name; absent when none ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, ComparisonReport>? Comparisons { get; init; }

    /// <summary>
    /// The breaches that are new: not in the seed's previous judged result, nor in its accepted state (those never
    /// count as breaches). What notifications announce; every breach is new when the seed has no earlier result.
    /// </summary>
    public IReadOnlyList<string> NewBreaches { get; init; } = [];

    /// <summary>The capture as a WARC file (<c>capture.warc.gz</c> in the snapshot), relative to the snapshots root; absent when none was written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warc { get; init; }
}

/// <param name="Drift">The drift in words; null when the comparison found none.</param>
/// <param name="DriftKey">What the drift is, independent of wording (what an accepted state is compared by).</param>
/// <param name="Details">The comparison's own facts.</param>
public sealed record ComparisonReport(string? Drift, string? DriftKey, JsonElement? Details);

/// <param name="At">When the state was accepted.</param>
/// <param name="Snapshot">The snapshot folder that was accepted.</param>
/// <param name="Unchanged">Whether the live page still drifts from the archive exactly as it did when accepted.</param>
/// <param name="Changes">What is new since then, in words.</param>
public sealed record AcceptedReport(DateTimeOffset At, string? Snapshot, bool Unchanged, IReadOnlyList<string> Changes);

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

/// <summary>One archived image or embed: what became of it. Statuses and scores are defined in docs/report-schema.md.</summary>
/// <param name="Similarity">0..1, the structural similarity of the archived picture and its live copy; null when no pictures were compared.</param>
/// <param name="Archived">The archived URL as it answers now.</param>
/// <param name="Live">The live page's copy, when one was found.</param>
/// <param name="DiffImage">The pixel-diff image (PNG), relative to the snapshots root; null when none was written.</param>
public sealed record MediaReport(
    string ArchivedUrl,
    string? LiveUrl,
    MediaStatus Status,
    double? Similarity,
    int Index,
    MediaKind Kind,
    string Element,
    string? Reason,
    MatchMethod? MatchedBy,
    MediaFile? Archived,
    MediaFile? Live,
    ImageScores? Scores,
    BaselineUse? Baseline,
    string? DiffImage)
{
    /// <summary>Where a finding's diff image goes inside its snapshot folder.</summary>
    public static string DiffImagePath(MediaFinding finding) => $"media/{finding.Index}-diff.png";

    public static MediaReport From(MediaFinding f, string? snapshot) => new(
        f.ArchivedUrl.AbsoluteUri,
        f.Live?.Url,
        f.Status,
        f.Similarity,
        f.Index,
        f.Kind,
        f.Element,
        f.Reason,
        f.MatchedBy,
        f.Archived,
        f.Live,
        f.Scores,
        f.Baseline,
        f.DiffPng is null || snapshot is null ? null : snapshot + "/" + DiffImagePath(f));
}

/// <summary>One URL of a seed — its source, a link, a medium — and its true state. Statuses are defined in docs/report-schema.md.</summary>
/// <param name="Url">The URL checked (resolved, original URL space); for skipped and malformed links, what the archive held.</param>
/// <param name="FinalUrl">Where redirects led; for a <c>redirect</c>, the URL to update the archive with.</param>
/// <param name="Redirects">Each hop that answered with a redirect, with its status.</param>
/// <param name="Permanent">Whether every redirect hop was permanent (301, 308); null without redirects.</param>
/// <param name="Signal">For a <c>soft404</c>, which signal gave it away.</param>
/// <param name="Memento">For a dead or soft-404 URL, the archived copy closest to the seed's archive time.</param>
/// <param name="Cached">Whether the result was reused from an earlier run's cache (see <c>--cache-ttl</c>).</param>
public sealed record LinkReport(
    string Url,
    LinkStatus Status,
    int? HttpStatus,
    string? FinalUrl,
    LinkKind Kind,
    int Index,
    string? Href,
    string? Text,
    string? Reason,
    IReadOnlyList<RedirectHop> Redirects,
    bool? Permanent,
    Soft404Signal? Signal,
    string? Method,
    Memento? Memento,
    bool Cached,
    DateTimeOffset? CheckedAt)
{
    public static LinkReport From(LinkFinding f) => new(
        f.Result.Url,
        f.Result.Status,
        f.Result.HttpStatus,
        f.Result.FinalUrl,
        f.Kind,
        f.Index,
        f.Href,
        f.Text,
        f.Result.Reason,
        f.Result.Redirects,
        f.Result.Permanent,
        f.Result.Signal,
        f.Result.Method,
        f.Memento,
        f.Cached,
        f.Result.Status == LinkStatus.Skipped ? null : f.Result.CheckedAt);
}

/// <summary>How many of the run's link entries (one per URL per seed) ended in each status.</summary>
public sealed record LinkCounts(int Ok, int Redirect, int Dead, int Soft404, int Timeout, int Error, int Skipped)
{
    public static LinkCounts Of(IEnumerable<LinkReport> links)
    {
        var byStatus = links.GroupBy(l => l.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(LinkStatus status) => byStatus.GetValueOrDefault(status);
        return new(Count(LinkStatus.Ok), Count(LinkStatus.Redirect), Count(LinkStatus.Dead), Count(LinkStatus.Soft404), Count(LinkStatus.Timeout), Count(LinkStatus.Error), Count(LinkStatus.Skipped));
    }
}
