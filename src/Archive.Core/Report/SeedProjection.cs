using Archive.Snapshots;
using Archive.Verdict;

namespace Archive.Report;

/// <summary>
/// A judged seed as the report shows it: the report is a projection of the judge's result and never judged again.
/// The way back (<see cref="Outcome"/>) reads a stored report, such as an accepted state, as the judge's outcome.
/// </summary>
public static class SeedProjection
{
    /// <param name="path">The seed's file.</param>
    /// <param name="archivedAt">When the seed was archived; null when it could not be read.</param>
    /// <param name="snapshot">The snapshot folder the check wrote, relative to the snapshots root.</param>
    public static SeedReport Report(SeedFindings findings, SeedJudgement judged, string path, DateTimeOffset? archivedAt, string? snapshot)
    {
        var text = findings.Text is null ? TextReport.None : TextReport.From(findings.Text);
        var page = findings.Page is not { } capture
            ? PageReport.None(judged.Reason)
            : new PageReport(
                capture.HttpStatus,
                capture.FinalUrl.AbsoluteUri,
                capture.Redirects.Select(r => r.Url.AbsoluteUri).ToList(),
                findings.ArticleGone,
                capture.Failure?.Message ?? capture.Error,
                capture.ContentType,
                new PageTimings(Round(capture.Timings.FetchMs), Round(capture.Timings.LoadMs), Round(capture.Timings.SettleMs), Round(capture.Timings.TotalMs)),
                [.. capture.Notes, .. findings.Media.Notes]);
        return new SeedReport(
            findings.Id,
            path,
            findings.SourceUrl,
            archivedAt,
            judged.Status,
            judged.Reason,
            page,
            text,
            findings.Media.Findings.Select(f => MediaReport.From(f, snapshot)).ToList(),
            findings.Links.Select(LinkReport.From).ToList(),
            snapshot)
        {
            Breaches = judged.Breaches.Select(b => b.Message).ToList(),
            Accepted = judged.Acceptance is { } a ? new AcceptedReport(a.At, a.Snapshot, a.Unchanged, a.Changes) : null,
            Exit = judged.Exit,
            Comparisons = findings.Comparisons.Count == 0 ? null : findings.Comparisons.ToDictionary(c => c.Key, c => new ComparisonReport(c.Value.Drift, c.Value.DriftKey, c.Value.Details)),
        };
    }

    /// <summary>A stored report read back as the judge's outcome: the same facts the judge drew from the findings.</summary>
    public static SeedOutcome Outcome(SeedReport seed) => new(
        seed.Id,
        seed.SourceUrl,
        seed.Status,
        seed.Reason,
        seed.Page.Soft404,
        seed.Text.Severity,
        seed.Text.Similarity,
        seed.Text.Blocks,
        seed.Media.Select(m => new MediaOutcome(m.Index, m.Kind, m.Status, m.ArchivedUrl, m.Live?.Sha256)).ToList(),
        seed.Links.Select(l => new LinkOutcome(l.Url, l.Kind, l.Status)).ToList(),
        (seed.Comparisons ?? new Dictionary<string, ComparisonReport>()).Select(c => ComparisonOutcome.Of(c.Key, c.Value.Drift, c.Value.DriftKey)).OfType<ComparisonOutcome>().ToList());

    /// <summary>What of a judged result an accepted state keeps: the findings, not that run's policy verdict on them.</summary>
    public static SeedReport Accepted(SeedReport result) => result with { Breaches = [], NewBreaches = [], Accepted = null };

    /// <summary>The seed's line in the history (<c>snapshots/history.jsonl</c>).</summary>
    public static HistoryEntry History(SeedReport seed, DateTimeOffset runStartedAt, DateTimeOffset checkedAt) => new(
        runStartedAt, checkedAt, seed.Id, seed.Status, seed.Text.Similarity, Worst.MissingMedia(seed), Worst.DeadLinks(seed), seed.Breaches.Count, seed.Snapshot,
        seed.Page.Timings is { } timings ? Math.Round(timings.TotalMs / 1000, 1) : null, seed.NewBreaches.Count);

    private static double Round(double ms) => Math.Round(ms, 1);
}
