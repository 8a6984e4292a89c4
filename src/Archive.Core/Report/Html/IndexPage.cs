using System.Globalization;
using System.Text;
using Archive.Verdict;

namespace Archive.Report.Html;

/// <summary>
/// <c>index.html</c>: the run at a glance. The seed table is built by a small script from a JSON block, a page of
/// 100 rows at a time, so an index of 10,000 seeds stays quick to open, sort and filter.
/// </summary>
internal static class IndexPage
{
    private static readonly (SeedStatus Status, string Name)[] Statuses =
        [(SeedStatus.Unchanged, "unchanged"), (SeedStatus.Changed, "changed"), (SeedStatus.Dead, "dead"), (SeedStatus.Error, "error")];

    /// <param name="history">Each seed's earlier checks (oldest first), for its trend line; empty without a snapshot store.</param>
    /// <param name="thumbnails">Each seed's live-page thumbnail, relative to the report's folder, when it has one.</param>
    public static string Build(RunReport report, IReadOnlyDictionary<string, List<Snapshots.HistoryEntry>> history, IReadOnlyDictionary<string, string> thumbnails)
    {
        var s = report.Summary;
        var body = new StringBuilder();
        body.Append("<header class=\"top\"><h1>Archive check</h1><div class=\"muted\">")
            .Append(HtmlPage.Escape(string.Create(CultureInfo.InvariantCulture, $"{s.Total} seeds · started {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · took {(report.FinishedAt - report.StartedAt).TotalSeconds:0.0} s · {report.Tool.Name} {report.Tool.Version}")))
            .Append("</div></header><main>");
        if (report.Gap is { } gap)
        {
            body.Append("<p class=\"gap\"><strong>").Append(HtmlPage.Escape(gap)).Append(".</strong></p>");
        }

        body.Append("<h2>Statuses</h2>").Append(Chart(s));
        if (s.Links is { } l)
        {
            body.Append("<p class=\"muted\">").Append(HtmlPage.Escape($"Links: {l.Ok} ok, {l.Redirect} redirected, {l.Dead} dead, {l.Soft404} soft-404, {l.Timeout} timed out, {l.Error} errors, {l.Skipped} skipped.")).Append("</p>");
        }

        body.Append("<h2>Seeds</h2><div class=\"controls\">");
        foreach (var (status, name) in Statuses)
        {
            var count = report.Seeds.Count(x => x.Status == status);
            body.Append("<button class=\"status on\" data-status=\"").Append(name).Append("\">").Append(name).Append(" (").Append(count).Append(")</button>");
        }

        var fresh = report.Seeds.Count(x => x.NewBreaches.Count > 0);
        body.Append("<button id=\"new-only\" class=\"status\" title=\"drift not seen in the seed's previous check\">new drift only (").Append(fresh).Append(")</button>");
        body.Append("<input id=\"search\" type=\"search\" placeholder=\"search id, host, URL, reason\" aria-label=\"search\"></div>")
            .Append("<table id=\"seeds\"><thead><tr>")
            .Append("<th class=\"sortable\" data-key=\"id\" data-ascending=\"true\">seed</th>")
            .Append("<th class=\"sortable asc\" data-key=\"rank\" data-ascending=\"true\">status</th>")
            .Append("<th class=\"sortable\" data-key=\"host\" data-ascending=\"true\">host</th>")
            .Append("<th class=\"sortable num\" data-key=\"similarity\" data-ascending=\"true\">text similarity</th>")
            .Append("<th class=\"sortable num\" data-key=\"drift\" data-ascending=\"false\">drift</th>")
            .Append("<th class=\"sortable num\" data-key=\"media\" data-ascending=\"false\">media drifted</th>")
            .Append("<th class=\"sortable num\" data-key=\"links\" data-ascending=\"false\">dead links</th>")
            .Append("<th title=\"text similarity over the seed's checks, oldest first\">trend</th>")
            .Append("<th>reason</th></tr></thead><tbody id=\"seed-rows\"></tbody></table>")
            .Append("<div class=\"pager\"><button id=\"prev\">← previous</button><span id=\"page-info\"></span><button id=\"next\">next →</button></div>");

        // Worst first is the order rows are ranked in; the script sorts by other columns on request.
        var rank = 0;
        var data = Worst.First(report.Seeds).Select(seed => new
        {
            id = seed.Id,
            page = HtmlReport.SeedFolder + "/" + HtmlReport.PageName(seed.Id),
            status = seed.Status.ToString().ToLowerInvariant(),
            rank = rank++,
            similarity = seed.Text.Similarity,
            drift = Math.Round(Worst.Drift(seed), 4),
            media = Worst.MissingMedia(seed),
            links = Worst.DeadLinks(seed),
            reason = seed.Reason,
            host = Uri.TryCreate(seed.SourceUrl, UriKind.Absolute, out var url) ? url.Host : "",
            isNew = seed.NewBreaches.Count > 0,
            thumb = thumbnails.GetValueOrDefault(seed.Id),
            trend = (history.GetValueOrDefault(seed.Id) ?? []).TakeLast(30).Select(e => e.Similarity is { } v ? Math.Round(v, 3) : (double?)null).ToList(),
            text = $"{seed.Id} {seed.SourceUrl} {seed.Reason}".ToLowerInvariant(),
        }).ToList();
        body.Append(HtmlReport.JsonBlock("seed-data", data)).Append("</main>");
        return HtmlPage.Build("Archive check", body.ToString(), Assets.IndexScript);
    }

    /// <summary>A horizontal bar per status, drawn as SVG attributes (no inline styles, which the policy forbids).</summary>
    private static string Chart(RunSummary s)
    {
        var rows = new[] { ("unchanged", s.Unchanged, "#1a7f37"), ("changed", s.Changed, "#9a6700"), ("dead", s.Dead, "#cf222e"), ("error", s.Error, "#8250df") };
        var max = Math.Max(1, rows.Max(r => r.Item2));
        var svg = new StringBuilder("<svg class=\"chart\" width=\"560\" height=\"112\" role=\"img\" aria-label=\"seeds per status\">");
        for (var i = 0; i < rows.Length; i++)
        {
            var (name, count, colour) = rows[i];
            var width = (int)Math.Round(400.0 * count / max);
            var y = i * 28;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\">{name}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"90\" y=\"{y + 4}\" width=\"{Math.Max(width, count > 0 ? 2 : 0)}\" height=\"18\" fill=\"{colour}\"></rect>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{96 + width}\" y=\"{y + 17}\">{count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
