using System.Globalization;
using System.Text;
using Archive.Diff;
using Archive.Links;
using Archive.Media;

namespace Archive.Report.Html;

/// <summary>
/// One seed's page: verdict and scores, page facts, the text diff (side by side and inline, moved blocks marked and
/// linked both ways, unchanged runs folded), images beside their live copies and pixel diffs, links, screenshots.
/// Archived and live text only ever appear escaped: nothing from a seed or a page can run here.
/// </summary>
internal static class SeedPage
{
    public static string Build(RunReport run, SeedReport seed, HtmlReport.ReportFiles files, string indexName, IReadOnlyList<Snapshots.HistoryEntry> history)
    {
        var html = new StringBuilder();
        html.Append("<header class=\"top\"><div><a href=\"../").Append(HtmlPage.Escape(indexName)).Append("\">← all seeds</a></div><h1>")
            .Append(HtmlPage.Escape(seed.Id)).Append(" <span class=\"badge ").Append(Name(seed.Status)).Append("\">").Append(Name(seed.Status)).Append("</span></h1>");
        if (seed.Reason is not null)
        {
            html.Append("<div>").Append(HtmlPage.Escape(seed.Reason)).Append("</div>");
        }

        // What to type when the drift is wanted: accepting makes it the seed's accepted state (README, archive accept).
        if (seed.Breaches.Count > 0)
        {
            html.Append("<div class=\"accept\"><span class=\"muted\">")
                .Append(seed.NewBreaches.Count > 0 ? "<span class=\"badge new\">new</span> drift since the previous check. " : string.Empty)
                .Append("To accept it:</span><code id=\"accept-command\">").Append(HtmlPage.Escape(MarkdownReport.AcceptCommand(seed.Id)))
                .Append("</code><button id=\"copy-accept\" type=\"button\">copy</button></div>");
        }

        html.Append("<div class=\"muted\">").Append(HtmlPage.Link(seed.SourceUrl))
            .Append(seed.ArchivedAt is { } at ? HtmlPage.Escape($" · archived {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : string.Empty)
            .Append(HtmlPage.Escape($" · checked {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"))
            .Append("</div></header><main>");

        // The first screen answers "what changed": the verdict and reason above, then what breaks the policy, the
        // changed text and the pictures; the scores and page facts that explain them come after.
        Policy(html, seed);
        TextDiff(html, seed.Text);
        Images(html, seed, files);
        Scores(html, seed);
        History(html, history);
        PageFacts(html, seed, files);
        Links(html, seed);
        Screenshots(html, seed, files);
        html.Append("</main>");
        return HtmlPage.Build($"{seed.Id} – Archive check", html.ToString(), Assets.SeedScript, "view-sbs");
    }

    private static void Scores(StringBuilder html, SeedReport seed)
    {
        var t = seed.Text;
        html.Append("<h2>Scores</h2><dl class=\"facts\">");
        Fact(html, "text similarity", HtmlReport.Number(t.Similarity) + (t.Severity is { } severity ? $" <span class=\"badge {Name(severity)}\">{Name(severity)}</span>" : string.Empty), raw: true);
        Fact(html, "archived text retained", HtmlReport.Number(t.Retained));
        Fact(html, "coverage of the live article", HtmlReport.Number(t.Coverage));
        Fact(html, "shingle Jaccard / SimHash distance", $"{HtmlReport.Number(t.Jaccard)} / {t.SimHashDistance?.ToString(CultureInfo.InvariantCulture) ?? "–"}");
        if (t.Match is { } match)
        {
            Fact(html, "article found by", $"{Name(match.Method)} (strength {HtmlReport.Number(match.Strength)}){(match.Selector is null ? string.Empty : " at " + match.Selector)}");
        }

        if (t.Counts is { } c)
        {
            Fact(html, "blocks", $"{c.Equal} equal ({c.Cosmetic} cosmetic), {c.Changed} changed, {c.Inserted} inserted, {c.Deleted} deleted, {c.Moved} moved, {c.Resegmented} resegmented, {c.Furniture} furniture, {c.BeyondArchive} beyond the archive");
        }

        if (t.Error is not null)
        {
            Fact(html, "text not compared", t.Error);
        }

        Fact(html, "media", seed.Media.Count == 0 ? "none" : string.Join(", ", seed.Media.GroupBy(m => m.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}")));
        var links = seed.Links.Where(l => l.Kind != LinkKind.Source).ToList();
        Fact(html, "links", links.Count == 0 ? "none" : string.Join(", ", links.GroupBy(l => l.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Name(g.Key)}")));
        html.Append("</dl>");
    }

    private static void Policy(StringBuilder html, SeedReport seed)
    {
        if (seed.Breaches.Count == 0 && seed.Accepted is null)
        {
            return;
        }

        html.Append("<h2>Policy</h2><dl class=\"facts\">");
        foreach (var breach in seed.Breaches)
        {
            Fact(html, "breaks the policy", breach);
        }

        if (seed.Accepted is { } accepted)
        {
            Fact(html, $"accepted {accepted.At.UtcDateTime:yyyy-MM-dd}", accepted.Unchanged ? "no new drift since" : "new since: " + string.Join("; ", accepted.Changes));
        }

        html.Append("</dl>");
    }

    /// <summary>Text similarity at every check, as a small chart coloured by status.</summary>
    private static void History(StringBuilder html, IReadOnlyList<Snapshots.HistoryEntry> history)
    {
        if (history.Count < 2)
        {
            return;
        }

        var shown = history.TakeLast(60).ToList();
        const int Width = 600, Height = 80;
        var step = (double)Width / Math.Max(1, shown.Count - 1);
        html.Append("<h2>History</h2><svg class=\"chart\" width=\"").Append(Width + 40).Append("\" height=\"").Append(Height + 30).Append("\" role=\"img\" aria-label=\"text similarity at each check\">");
        var points = shown.Select((e, i) => (X: 20 + (i * step), Y: 10 + ((1 - (e.Similarity ?? 0)) * Height), Entry: e)).ToList();
        html.Append("<polyline fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.5\" points=\"")
            .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}"))).Append("\"></polyline>");
        foreach (var (x, y, entry) in points)
        {
            var colour = entry.Status switch
            {
                Verdict.SeedStatus.Unchanged => "#1a7f37",
                Verdict.SeedStatus.Changed => "#9a6700",
                Verdict.SeedStatus.Dead => "#cf222e",
                _ => "#8250df",
            };
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{colour}\"><title>{entry.CheckedAt.UtcDateTime:yyyy-MM-dd HH:mm}: {Name(entry.Status)}, similarity {HtmlReport.Number(entry.Similarity)}</title></circle>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"20\" y=\"{Height + 26}\">{shown[0].CheckedAt.UtcDateTime:yyyy-MM-dd}</text><text x=\"{Width - 60}\" y=\"{Height + 26}\">{shown[^1].CheckedAt.UtcDateTime:yyyy-MM-dd}</text></svg>");
    }

    private static void PageFacts(StringBuilder html, SeedReport seed, HtmlReport.ReportFiles files)
    {
        var p = seed.Page;
        html.Append("<h2>Live page</h2><dl class=\"facts\">");
        Fact(html, "HTTP status", p.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "none");
        Fact(html, "final URL", HtmlPage.Link(p.FinalUrl), raw: true);
        Fact(html, "redirects", p.Redirects.Count == 0 ? "none" : string.Join(" → ", p.Redirects.Select(r => HtmlPage.Link(r))) + " → " + HtmlPage.Link(p.FinalUrl), raw: true);
        Fact(html, "content type", p.ContentType ?? "–");
        if (p.Timings is { } t)
        {
            Fact(html, "timings", string.Create(CultureInfo.InvariantCulture, $"fetch {t.FetchMs:0} ms · load {t.LoadMs:0} ms · settle {t.SettleMs:0} ms · total {t.TotalMs:0} ms"));
        }

        if (p.Soft404)
        {
            Fact(html, "soft-404", "yes: the page answers but no longer holds the archived article");
        }

        if (p.Error is not null)
        {
            Fact(html, "error", p.Error);
        }

        foreach (var note in p.Notes)
        {
            Fact(html, "note", note);
        }

        // The live DOM is offered as text only: opened as HTML from disk, its scripts would run.
        var snapshotLinks = new[] { ("capture.json", "capture.json"), ("page.html", "page.html.txt"), ("page.txt", "page.txt") }
            .Select(f => (f.Item2, Path: files.FromSnapshot(seed.Snapshot is null ? null : seed.Snapshot + "/" + f.Item1, f.Item2)))
            .Where(f => f.Path is not null)
            .Select(f => $"<a href=\"{HtmlPage.Escape(f.Path)}\">{HtmlPage.Escape(f.Item1)}</a>")
            .ToList();
        if (snapshotLinks.Count > 0)
        {
            Fact(html, "snapshot " + seed.Snapshot, string.Join(" · ", snapshotLinks), raw: true);
        }

        html.Append("</dl>");
    }

    private static void TextDiff(StringBuilder html, TextReport text)
    {
        html.Append("<h2>Text</h2>");
        if (text.Blocks.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(text.Error is null ? "The live text was not compared." : HtmlPage.Escape(text.Error)).Append("</p>");
            return;
        }

        html.Append("<div class=\"controls\"><button class=\"view on\" data-view=\"sbs\">side by side</button><button class=\"view\" data-view=\"inline\">inline</button></div>");
        var rows = Rows(text.Blocks);
        html.Append("<div class=\"diff sbs\"><div class=\"row head\"><div>archived</div><div>live</div></div>");
        AppendFolded(html, rows, SideBySide);
        html.Append("</div><div class=\"diff inl\">");
        AppendFolded(html, rows.Where(r => !r.Away).ToList(), Inline);
        html.Append("</div>");
    }

    /// <summary>A row of the diff: a block, or the place an archived block moved away from.</summary>
    private sealed record Row(BlockDiff Block, bool Away);

    /// <summary>The blocks in reading order, with a marker at the archived position of every moved block.</summary>
    private static List<Row> Rows(IReadOnlyList<BlockDiff> blocks)
    {
        var rows = blocks.Select(b => new Row(b, false)).ToList();
        foreach (var moved in blocks.Where(b => b.Op == BlockOp.Move && b.ArchivedIndex is not null))
        {
            var at = rows.FindIndex(r => !r.Away && r.Block.Op != BlockOp.Move && r.Block.ArchivedIndex > moved.ArchivedIndex);
            rows.Insert(at < 0 ? rows.Count : at, new Row(moved, true));
        }

        return rows;
    }

    /// <summary>Runs of three or more blocks that are not drift (unchanged, re-segmented, furniture) fold away, and so does any furniture; changes stay in view.</summary>
    private static void AppendFolded(StringBuilder html, List<Row> rows, Action<StringBuilder, Row> render)
    {
        for (var i = 0; i < rows.Count;)
        {
            var end = i;
            while (end < rows.Count && !rows[end].Block.IsDrift && !rows[end].Block.Title && !rows[end].Away)
            {
                end++;
            }

            var furniture = rows.Skip(i).Take(end - i).Count(r => r.Block.Op == BlockOp.Furniture);
            if (end - i >= 3 || (end > i && furniture == end - i))
            {
                var unchanged = end - i - furniture;
                var summary = string.Join(", ", new[] { unchanged > 0 ? $"{unchanged} unchanged block{(unchanged == 1 ? "" : "s")}" : null, furniture > 0 ? $"{furniture} furniture (not drift)" : null }.OfType<string>());
                html.Append("<details class=\"same\"><summary>").Append(summary).Append("</summary>");
                for (var k = i; k < end; k++)
                {
                    render(html, rows[k]);
                }

                html.Append("</details>");
                i = end;
                continue;
            }

            render(html, rows[i]);
            i++;
        }
    }

    private static void SideBySide(StringBuilder html, Row row)
    {
        var b = row.Block;
        if (row.Away)
        {
            html.Append("<div class=\"row away\" id=\"a").Append(b.ArchivedIndex).Append("\"><div><span class=\"badge moved\">moved</span> <a href=\"#l")
                .Append(b.LiveIndex).Append("\">to live block ").Append(b.LiveIndex).Append(" ↓</a>\n").Append(HtmlPage.Escape(b.Archived)).Append("</div><div></div></div>");
            return;
        }

        var kind = b.Op switch { BlockOp.Insert => "insert", BlockOp.Delete => "delete", BlockOp.Equal or BlockOp.Resegmented => "equal", BlockOp.Furniture => "furniture", _ => "replace" };
        html.Append("<div class=\"row ").Append(kind).Append('"');
        if (b.LiveIndex is { } live)
        {
            html.Append(" id=\"l").Append(live).Append('"');
        }
        else if (b.ArchivedIndex is { } archived && b.Op != BlockOp.Move)
        {
            html.Append(" id=\"a").Append(archived).Append('"');
        }

        html.Append("><div>").Append(Badges(b));
        if (b.Op == BlockOp.Move)
        {
            html.Append("<a href=\"#a").Append(b.ArchivedIndex).Append("\">from archived block ").Append(b.ArchivedIndex).Append(" ↑</a>\n");
        }

        html.Append(Side(b, EditOp.Delete)).Append("</div><div>").Append(Side(b, EditOp.Insert)).Append("</div></div>");
    }

    private static void Inline(StringBuilder html, Row row)
    {
        var b = row.Block;
        var kind = b.Op switch { BlockOp.Insert => "insert", BlockOp.Delete => "delete", BlockOp.Furniture => "furniture", _ => "same" };
        html.Append("<div class=\"inline ").Append(kind).Append("\">").Append(Badges(b));
        if (b.Changes is { } changes)
        {
            foreach (var change in changes)
            {
                html.Append(change.Op switch
                {
                    EditOp.Delete => "<del>" + HtmlPage.Escape(change.Text) + "</del>",
                    EditOp.Insert => "<ins>" + HtmlPage.Escape(change.Text) + "</ins>",
                    _ => HtmlPage.Escape(change.Text),
                });
            }
        }
        else
        {
            html.Append(b.Op switch
            {
                BlockOp.Insert => "<ins>" + HtmlPage.Escape(b.Live) + "</ins>",
                BlockOp.Delete => "<del>" + HtmlPage.Escape(b.Archived) + "</del>",
                _ => HtmlPage.Escape(b.Live ?? b.Archived),
            });
        }

        html.Append("</div>");
    }

    /// <summary>One side of a block: the archived side shows deletions, the live side insertions.</summary>
    private static string Side(BlockDiff b, EditOp shown)
    {
        var text = shown == EditOp.Delete ? b.Archived : b.Live;
        if (text is null)
        {
            return string.Empty;
        }

        if (b.Changes is null)
        {
            return b.Op is BlockOp.Insert or BlockOp.Delete
                ? $"<{(shown == EditOp.Delete ? "del" : "ins")}>{HtmlPage.Escape(text)}</{(shown == EditOp.Delete ? "del" : "ins")}>"
                : HtmlPage.Escape(text);
        }

        var side = new StringBuilder();
        foreach (var change in b.Changes.Where(c => c.Op == EditOp.Equal || c.Op == shown))
        {
            side.Append(change.Op == EditOp.Equal ? HtmlPage.Escape(change.Text) : $"<{(shown == EditOp.Delete ? "del" : "ins")}>{HtmlPage.Escape(change.Text)}</{(shown == EditOp.Delete ? "del" : "ins")}>");
        }

        return side.ToString();
    }

    private static string Badges(BlockDiff b)
    {
        var badges = new StringBuilder();
        if (b.Title)
        {
            badges.Append("<span class=\"badge title\">title</span> ");
        }

        if (b.Op == BlockOp.Move)
        {
            badges.Append("<span class=\"badge moved\">moved</span> ");
        }

        if (b.Op == BlockOp.Furniture)
        {
            badges.Append("<span class=\"badge furniture\">furniture</span> <span class=\"muted\">").Append(HtmlPage.Escape(b.Why)).Append("</span>\n");
        }
        else if (b.Op == BlockOp.Resegmented)
        {
            badges.Append("<span class=\"badge resegmented\">resegmented</span> <span class=\"muted\">").Append(b.Joins is { } j ? $"{j.Archived} archived block{(j.Archived == 1 ? "" : "s")} as {j.Live} live" : string.Empty).Append("</span>\n");
        }
        else if (b.Cosmetic)
        {
            badges.Append("<span class=\"badge cosmetic\">cosmetic</span> ");
        }

        return badges.ToString();
    }

    private static void Images(StringBuilder html, SeedReport seed, HtmlReport.ReportFiles files)
    {
        html.Append("<h2>Images and embeds</h2>");
        if (seed.Media.Count == 0)
        {
            // A page that was never rendered had nothing to compare images with: that says nothing of the archive.
            html.Append(seed.Status == Verdict.SeedStatus.Error || (seed.Status == Verdict.SeedStatus.Dead && !seed.Page.Soft404)
                ? "<p class=\"muted\">Not compared: the live page could not be rendered, so no image was looked at.</p>"
                : "<p class=\"muted\">The archived page holds none.</p>");
            return;
        }

        html.Append("<div class=\"images\">");
        foreach (var m in seed.Media)
        {
            html.Append("<div class=\"image\"><div><span class=\"badge ").Append(Name(m.Status)).Append("\">").Append(Name(m.Status)).Append("</span> ")
                .Append(HtmlPage.Escape($"{Name(m.Kind)} #{m.Index}"))
                .Append(m.Similarity is { } similarity ? HtmlPage.Escape($" · similarity {HtmlReport.Number(similarity)}") : string.Empty)
                .Append(m.MatchedBy is { } by ? HtmlPage.Escape($" · found by {Name(by)}") : string.Empty)
                .Append("</div>");
            if (m.Reason is not null)
            {
                html.Append("<div class=\"muted\">").Append(HtmlPage.Escape(m.Reason)).Append("</div>");
            }

            var archived = files.Media(m.Baseline?.Used == true ? m.Baseline.Sha256 : m.Archived?.Sha256, m.Archived?.Format);
            var live = files.Media(m.Live?.Sha256, m.Live?.Format);
            var diff = m.DiffImage is null ? null : files.FromSnapshot(m.DiffImage, $"media-{m.Index}-diff.png");
            if (archived is not null && live is not null)
            {
                Compare(html, archived, live, diff);
            }

            html.Append("<div class=\"pics\">")
                .Append(Figure("archived", archived, m.ArchivedUrl, m.Archived))
                .Append(Figure("live", live, m.LiveUrl, m.Live))
                .Append(Figure("pixel diff", diff, null, null))
                .Append("</div>");
            if (m.Scores is { } s)
            {
                html.Append("<div class=\"muted\">").Append(HtmlPage.Escape($"SSIM {HtmlReport.Number(s.Ssim)} · hash distance {s.HashDistance} · damaged {HtmlReport.Number(s.Damaged)} · pixels differing {HtmlReport.Number(s.DiffRatio, "0.####")}{(s.Cropped ? " · cropped" : string.Empty)}")).Append("</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
    }

    /// <summary>
    /// The archived and live pictures at the same display size, side by side, under a slider or as an onion skin
    /// (the seed script switches), with the pixel diff as an overlay; each opens full size when clicked.
    /// </summary>
    private static void Compare(StringBuilder html, string archived, string live, string? diff)
    {
        html.Append("<div class=\"compare side\"><div class=\"modes\">")
            .Append("<button type=\"button\" data-mode=\"side\" class=\"on\">side by side</button><button type=\"button\" data-mode=\"slider\">slider</button><button type=\"button\" data-mode=\"onion\">onion skin</button>");
        if (diff is not null)
        {
            html.Append("<label><input type=\"checkbox\" class=\"overlay\"> pixel diff overlay</label>");
        }

        html.Append("<input type=\"range\" class=\"amount\" min=\"0\" max=\"100\" value=\"50\" aria-label=\"how much of the live picture\"></div><div class=\"stage\">")
            .Append("<a class=\"archived\" href=\"").Append(HtmlPage.Escape(archived)).Append("\" target=\"_blank\" rel=\"noopener\" title=\"the archived picture, full size\"><img src=\"").Append(HtmlPage.Escape(archived)).Append("\" alt=\"archived\" loading=\"lazy\"></a>")
            .Append("<a class=\"live\" href=\"").Append(HtmlPage.Escape(live)).Append("\" target=\"_blank\" rel=\"noopener\" title=\"the live picture, full size\"><img src=\"").Append(HtmlPage.Escape(live)).Append("\" alt=\"live\" loading=\"lazy\"></a>");
        if (diff is not null)
        {
            html.Append("<img class=\"diff\" src=\"").Append(HtmlPage.Escape(diff)).Append("\" alt=\"pixel diff\" loading=\"lazy\">");
        }

        html.Append("</div></div>");
    }

    private static string Figure(string caption, string? src, string? url, MediaFile? file)
    {
        var size = file?.Width is { } w && file.Height is { } h ? $" · {w}×{h}" : string.Empty;
        var picture = src is null
            ? $"<div class=\"none\">{HtmlPage.Escape(url is null && caption != "pixel diff" ? "no copy" : caption == "pixel diff" ? "no diff (same bytes or not compared)" : "not kept")}</div>"
            : $"<a href=\"{HtmlPage.Escape(src)}\" target=\"_blank\" rel=\"noopener\"><img src=\"{HtmlPage.Escape(src)}\" alt=\"{HtmlPage.Escape(caption)}\" loading=\"lazy\"></a>";
        return $"<figure>{picture}<figcaption>{HtmlPage.Escape(caption + size)}{(url is null ? string.Empty : "<br>" + HtmlPage.Link(url, Shorten(url)))}</figcaption></figure>";
    }

    private static void Links(StringBuilder html, SeedReport seed)
    {
        html.Append("<h2>Links</h2>");
        if (seed.Links.Count == 0)
        {
            html.Append("<p class=\"muted\">None checked.</p>");
            return;
        }

        html.Append("<div class=\"controls\"><select id=\"link-status\" aria-label=\"status\"><option value=\"all\">every status</option>");
        foreach (var status in seed.Links.Select(l => l.Status).Distinct().Order())
        {
            html.Append("<option value=\"").Append(Name(status)).Append("\">").Append(Name(status)).Append("</option>");
        }

        html.Append("</select><input id=\"link-search\" type=\"search\" placeholder=\"filter links\" aria-label=\"filter links\"></div>")
            .Append("<table id=\"links\"><thead><tr><th class=\"sortable\">status</th><th class=\"sortable num\">code</th><th class=\"sortable\">kind</th><th class=\"sortable\">URL</th><th class=\"sortable\">text</th><th class=\"sortable\">final URL</th><th class=\"sortable\">memento</th><th>reason</th></tr></thead><tbody>");
        foreach (var l in seed.Links)
        {
            html.Append("<tr data-status=\"").Append(Name(l.Status)).Append("\"><td><span class=\"badge ").Append(Name(l.Status)).Append("\">").Append(Name(l.Status)).Append("</span></td>")
                .Append("<td class=\"num\">").Append(l.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td>")
                .Append("<td>").Append(Name(l.Kind)).Append("</td>")
                .Append("<td>").Append(HtmlPage.Link(l.Url, Shorten(l.Url))).Append("</td>")
                .Append("<td>").Append(HtmlPage.Escape(l.Text)).Append("</td>")
                .Append("<td>").Append(l.FinalUrl is null || l.FinalUrl == l.Url ? "–" : HtmlPage.Link(l.FinalUrl, Shorten(l.FinalUrl))).Append("</td>")
                .Append("<td>").Append(l.Memento is { } memento ? HtmlPage.Link(memento.Url, memento.Datetime?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "copy") : "–").Append("</td>")
                .Append("<td>").Append(HtmlPage.Escape(l.Reason)).Append(l.Cached ? " <span class=\"muted\">(cached)</span>" : string.Empty).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Screenshots(StringBuilder html, SeedReport seed, HtmlReport.ReportFiles files)
    {
        html.Append("<h2>Screenshots</h2><div class=\"shots\">");
        foreach (var (file, live) in new[] { ("archived.jpg", false), ("screenshot.jpg", true) })
        {
            var caption = live ? "the live page" : "the archived body, rendered from the seed";
            var src = files.FromSnapshot(seed.Snapshot is null ? null : seed.Snapshot + "/" + file, file);

            // Under --screenshots findings a check that found nothing new to see takes no picture: the last one is shown, dated.
            if (src is null && live && seed.Snapshot is not null && files.EarlierScreenshot(seed.Id, seed.Snapshot) is { } earlier)
            {
                src = earlier.Src;
                caption = $"the live page at an earlier check ({earlier.Snapshot}); this check took no new picture, as it found nothing to see";
            }

            // Under --screenshots findings the archived body is rendered only for a seed whose text drifted or is gone;
            // a page that was not rendered at all (dead, unreadable) has no rendering for its own reason.
            if (src is null && !live && seed.Snapshot is not null && seed.Status is Verdict.SeedStatus.Unchanged or Verdict.SeedStatus.Changed)
            {
                caption = "the archived body is rendered only when the live text drifted or is gone (--screenshots all renders it for every seed)";
            }

            html.Append("<figure>").Append(src is null ? "<div class=\"none\">not captured</div>" : $"<img src=\"{HtmlPage.Escape(src)}\" alt=\"{HtmlPage.Escape(caption)}\" loading=\"lazy\">")
                .Append("<figcaption>").Append(HtmlPage.Escape(caption)).Append("</figcaption></figure>");
        }

        html.Append("</div>");
    }

    private static void Fact(StringBuilder html, string name, string value, bool raw = false) =>
        html.Append("<dt>").Append(HtmlPage.Escape(name)).Append("</dt><dd>").Append(raw ? value : HtmlPage.Escape(value)).Append("</dd>");

    private static string Shorten(string url)
    {
        var readable = HtmlPage.Readable(url);
        return readable.Length <= 90 ? readable : readable[..60] + "…" + readable[^25..];
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
