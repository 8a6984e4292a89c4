using Archive.Report;
using Archive.Verdict;

namespace Archive.Notify;

/// <summary>One seed a message tells of: its verdict and the breaches that are new.</summary>
/// <param name="Report">The seed's page in the HTML report, when the report's URL is known (<c>--report-url</c>).</param>
public sealed record NotifiedSeed(string Id, string? Url, SeedStatus Status, string? Reason, IReadOnlyList<string> Breaches, IReadOnlyList<string> New, Uri? Report);

/// <summary>What a run's message says, whatever its shape: the run's facts and the seeds worth telling of.</summary>
public sealed record Notification(ToolInfo Tool, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, ExitCode Exit, RunSummary Summary, int NewCount, IReadOnlyList<NotifiedSeed> Seeds, Uri? ReportUrl)
{
    /// <summary>The message for a target that hears on <paramref name="on"/>; null when there is nothing for it to hear.</summary>
    public static Notification? For(RunReport run, ExitCode exit, NotifyOn on, Uri? reportUrl)
    {
        var told = run.Seeds.Where(s => on == NotifyOn.New ? s.NewBreaches.Count > 0 : s.Breaches.Count > 0).ToList();
        if (told.Count == 0 && on != NotifyOn.Always)
        {
            return null;
        }

        return new Notification(
            run.Tool,
            run.StartedAt,
            run.FinishedAt,
            exit,
            run.Summary,
            run.Seeds.Count(s => s.NewBreaches.Count > 0),
            told.OrderByDescending(s => s.NewBreaches.Count > 0).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => new NotifiedSeed(
                s.Id, s.SourceUrl, s.Status, s.Reason, s.Breaches, s.NewBreaches,
                reportUrl is null ? null : new Uri(reportUrl, $"{Report.Html.HtmlReport.SeedFolder}/{Report.Html.HtmlReport.PageName(s.Id)}"))).ToList(),
            reportUrl);
    }

    /// <summary>One line for a person: "3 seeds with new drift of 120 checked (2 changed, 1 dead)".</summary>
    public string Headline =>
        $"Archive: {(NewCount > 0 ? $"{NewCount} seed(s) with new drift" : $"{Seeds.Count} seed(s) breaking the policy")} of {Summary.Total} checked ({Summary.Changed} changed, {Summary.Dead} dead, {Summary.Error} error)";

    /// <summary>The seeds a chat message lists, at most <paramref name="most"/>; the rest are counted.</summary>
    public (IReadOnlyList<NotifiedSeed> Listed, int More) Listed(int most) => (Seeds.Take(most).ToList(), Math.Max(0, Seeds.Count - most));
}
