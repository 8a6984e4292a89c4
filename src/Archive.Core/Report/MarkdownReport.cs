using System.Globalization;
using System.Text;
using Archive.Verdict;

namespace Archive.Report;

/// <summary>
/// <c>summary.md</c>: for CI step summaries and pull-request comments — counts, the worst seeds, a link to the HTML
/// report. Every value from a seed or page is escaped, so no archived text can inject Markdown or HTML.
/// </summary>
public static class MarkdownReport
{
    public const int WorstShown = 20;

    /// <param name="htmlLink">Where the HTML report is, as the reader of the summary will reach it (a relative path or a URL); null for none.</param>
    public static string Build(RunReport report, string? htmlLink)
    {
        var s = report.Summary;
        var text = new StringBuilder();
        var verdict = s.Changed + s.Dead + s.Error == 0
            ? "✅ every seed unchanged"
            : "❌ " + string.Join(", ", new[] { (s.Changed, "changed"), (s.Dead, "dead"), (s.Error, "could not be checked") }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"## Archive check: {verdict}");
        text.AppendLine();
        if (report.Gap is { } gap)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"> ⚠️ {gap}.");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{s.Total} seed(s) checked {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC in {(report.FinishedAt - report.StartedAt).TotalSeconds:0} s by {report.Tool.Name} {report.Tool.Version}.");
        text.AppendLine();
        text.AppendLine("| unchanged | changed | dead | error |");
        text.AppendLine("|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Unchanged} | {s.Changed} | {s.Dead} | {s.Error} |");
        if (s.Links is { } l)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Links: {l.Ok} ok, {l.Redirect} redirected, {l.Dead} dead, {l.Soft404} soft-404, {l.Timeout} timed out, {l.Error} errors, {l.Skipped} skipped.");
        }

        // What a reviewer has not seen before comes first: drift new since each seed's previous check.
        var fresh = Worst.First(report.Seeds).Where(seed => seed.NewBreaches.Count > 0).ToList();
        if (fresh.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### New drift ({fresh.Count})");
            text.AppendLine();
            text.AppendLine("| seed | status | what is new | accept it |");
            text.AppendLine("|---|---|---|---|");
            foreach (var seed in fresh.Take(WorstShown))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(seed.Id)} | {seed.Status.ToString().ToLowerInvariant()} | {Cell(string.Join("; ", seed.NewBreaches))} | {Cell(AcceptCommand(seed.Id))} |");
            }

            if (fresh.Count > WorstShown)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"…and {fresh.Count - WorstShown} more with new drift.");
            }
        }

        var worst = Worst.First(report.Seeds).Where(seed => seed.Status != SeedStatus.Unchanged).Take(WorstShown).ToList();
        if (worst.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Worst {worst.Count}");
            text.AppendLine();
            text.AppendLine("| seed | status | text similarity | media | dead links | reason |");
            text.AppendLine("|---|---|---:|---:|---:|---|");
            foreach (var seed in worst)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(seed.Id)} | {seed.Status.ToString().ToLowerInvariant()} | {seed.Text.Similarity?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–"} | {Worst.MissingMedia(seed)} | {Worst.DeadLinks(seed)} | {Cell(seed.Reason ?? string.Empty)} |");
            }
        }

        if (htmlLink is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"[Open the HTML report]({htmlLink.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)}) for every diff, image and link.");
        }

        return text.ToString();
    }

    /// <summary>The command that accepts a seed's current drift, quoted for a POSIX shell when its id needs it.</summary>
    public static string AcceptCommand(string id) =>
        "archive accept " + (id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') ? id : "'" + id.Replace("'", "'\\''", StringComparison.Ordinal) + "'");

    /// <summary>A table cell that stays one cell and shows as typed: Markdown and HTML characters escaped, line breaks and long texts cut.</summary>
    internal static string Cell(string value)
    {
        var flat = value.ReplaceLineEndings(" ");
        if (flat.Length > 160)
        {
            flat = flat[..157] + "…";
        }

        var escaped = new StringBuilder(flat.Length);
        foreach (var c in flat)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}

/// <summary>The Markdown summary, for a CI step summary or a pull-request comment.</summary>
internal sealed class MarkdownReportWriter : FileReportWriter
{
    public override string Name => "markdown";

    public override string DefaultFile => "summary.md";

    public override string Description => "Where to write a Markdown summary for CI step summaries and pull-request comments: counts, the worst 20 seeds, a link to the HTML report ('-' for standard output).";

    public override Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken) =>
        WriteTextAsync(stream, MarkdownReport.Build(report, context.HtmlLink), cancellationToken);
}
