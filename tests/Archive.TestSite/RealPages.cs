using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archive.Seeds;

namespace Archive.TestSite;

/// <summary>
/// Real web pages with a known article (<c>../shared/realpages</c>, never copied into the repository) turned into
/// drift cases: an archive made from the article's ground truth and a live page made from the real HTML, as it is
/// or with one perturbation made in its markup. Shared by the accuracy tests and <c>bench accuracy</c>.
/// </summary>
public static class RealPages
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Articles.RepositoryRoot, "..", "shared", "realpages"));

    /// <summary>
    /// Readability pages whose ground truth is known to lack text the page shows as article, with that text: "unchanged"
    /// is not their truth. The realpages README names salon-1's two lines; wikipedia's expected.html keeps the
    /// "[edit]" of its Community heading without the heading's words.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TruthGaps { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["readability/salon-1"] = "What can we learn from this incident?",
        ["readability/wikipedia"] = "Community[edit]",
    };

    /// <summary>Why real-page tests cannot run here, or null when they can.</summary>
    public static string? Absent =>
        Directory.Exists(Path.Combine(Root, "readability")) && Directory.Exists(Path.Combine(Root, "pages"))
            ? null
            : $"the real pages are not at {Root} (../shared/realpages beside the repository)";

    /// <summary>
    /// Readability's test pages: archive = the whole extracted article (<c>expected.html</c>), live = the captured
    /// page (<c>source.html</c>). Pages whose article does not show without their own scripts are left out (see the
    /// realpages README: <c>seattletimes-1</c> hides its body until an external script runs).
    /// </summary>
    public static IReadOnlyList<RealPage> Readability()
    {
        var folder = Path.Combine(Root, "readability");
        var pages = new List<RealPage>();
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected-metadata.json")));
            var title = metadata.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : name;
            var language = metadata.RootElement.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "?";
            var source = File.ReadAllText(Path.Combine(dir, "source.html"));
            var url = CanonicalUrl(source) ?? new Uri($"https://{name}.example/article");
            pages.Add(new RealPage("readability/" + name, language, url, title, File.ReadAllText(Path.Combine(dir, "expected.html")), source, WholeArticle: true));
        }

        return pages;
    }

    /// <summary>
    /// The 200 annotated pages: archive = the ground-truth paragraphs (a sample of the article, so live text between
    /// them is real article text the archive lacks), live = the page.
    /// </summary>
    public static IReadOnlyList<RealPage> Annotated()
    {
        var folder = Path.Combine(Root, "pages");
        var pages = new List<RealPage>();
        foreach (var json in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var truth = JsonDocument.Parse(File.ReadAllText(json));
            var root = truth.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var html = File.ReadAllText(Path.ChangeExtension(json, ".html"));
            var url = root.GetProperty("url").ValueKind == JsonValueKind.String && Uri.TryCreate(root.GetProperty("url").GetString(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                ? u
                : new Uri($"https://{id}.example/article");
            var body = string.Concat(root.GetProperty("paragraphs").EnumerateArray().Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p.GetString()) + "</p>\n"));
            // An archive saves the page's own title; the annotators' titles are often their own wording.
            var title = Whitespace.Collapse(new HtmlParser().ParseDocument(html).Title ?? string.Empty);
            pages.Add(new RealPage("pages/" + id, root.GetProperty("language").GetString() ?? "?", url, title.Length > 0 ? title : root.GetProperty("title").GetString() ?? id, body, html, WholeArticle: false));
        }

        return pages;
    }

    private static Uri? CanonicalUrl(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var href = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        return Uri.TryCreate(href, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
    }
}

/// <param name="Name">The folder and page it came from, e.g. <c>readability/guardian-1</c>.</param>
/// <param name="ArticleHtml">The archived body: the article's ground truth as HTML.</param>
/// <param name="LiveHtml">The real page, unchanged.</param>
/// <param name="WholeArticle">Whether the archive holds the whole article (so any extra live prose in it is drift), or a sample.</param>
public sealed record RealPage(string Name, string Language, Uri Url, string Title, string ArticleHtml, string LiveHtml, bool WholeArticle)
{
    public string SeedText => $"<!--1695222902000-->\n[{Title.Replace('\n', ' ')}]({Url.AbsoluteUri})\n------\n\n{ArticleHtml}\n";

    public Seed Seed()
    {
        var load = new SeedReader().Parse(Name.Replace('/', '_') + ".txt", System.Text.Encoding.UTF8.GetBytes(SeedText), DateTimeOffset.UnixEpoch);
        return load.Seed ?? throw new InvalidOperationException(load.Error!.ToString());
    }
}

public enum Perturbation
{
    None,
    EditSentence,
    DeleteParagraph,
    InsertParagraph,
    SwapParagraphs,
    Retitle,
}

/// <summary>A live page made from a real one, with what the comparison must report.</summary>
/// <param name="Target">The archived paragraph's text the perturbation touched (the first of two swapped); null for none and for a retitle.</param>
/// <param name="Inserted">For an insertion, the paragraph put into the live page; for a retitle, the new title.</param>
public sealed record PerturbedPage(RealPage Page, Perturbation Kind, string LiveHtml, string? Target, string? Inserted);

public static class Perturbations
{
    /// <summary>
    /// A new headline for <paramref name="page"/>. Each page gets its own wording: one text on the live pages of
    /// many seeds of a host is that site's boilerplate, and would rightly be learned as such.
    /// </summary>
    public static string Retitled(RealPage page)
    {
        var n = Stable(page.Name);
        string[] who = ["Council", "Parliament", "The board", "Regulators", "The committee"];
        string[] what = ["harbour", "school", "railway", "hospital", "water"];
        return $"{who[n % 5]} approves new {what[n / 5 % 5]} budget after {3 + n % 17} hours of talks";
    }

    /// <summary>A paragraph of new prose, as an editor's added note would read; in English whatever the page's language; its own for each page (see <see cref="Retitled"/>).</summary>
    public static string InsertedProse(RealPage page)
    {
        var n = Stable(page.Name);
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        string[] sources = ["agency", "ministry", "company", "university", "court"];
        return $"Editor's note: this article was updated {2 + n % 23} hours after publication to correct the spelling of a witness's name and to add a statement the {sources[n / 5 % 5]} sent on {days[n % 5]} evening.";
    }

    /// <summary>FNV-1a of the name: the same choice on every run (string hashes are randomised per process).</summary>
    private static int Stable(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % 100_000);
    }

    /// <summary>
    /// The live page with <paramref name="kind"/> made in its markup, or null when the page has no paragraph fit for
    /// it (a paragraph of the archive that is one whole <c>p</c> of the live page, long enough to be prose).
    /// </summary>
    public static PerturbedPage? Make(RealPage page, Perturbation kind, int seed = 0)
    {
        if (kind == Perturbation.None)
        {
            return new PerturbedPage(page, kind, page.LiveHtml, null, null);
        }

        // Parsed as the browser parses it (scripting on), so the page served is the page a reader's browser built.
        var document = Archive.Web.LiveHtml.Parse(page.LiveHtml);
        if (kind == Perturbation.Retitle)
        {
            var retitled = Retitled(page);
            document.Title = retitled;

            foreach (var heading in document.QuerySelectorAll("h1"))
            {
                heading.TextContent = retitled;
            }

            foreach (var meta in document.QuerySelectorAll("meta[property='og:title'], meta[name='twitter:title']"))
            {
                meta.SetAttribute("content", retitled);
            }

            return new PerturbedPage(page, kind, document.DocumentElement.OuterHtml, null, retitled);
        }

        var archived = page.Seed().Document.Blocks
            .Where(b => b.Kind == BlockKind.Paragraph && IsProse(b.Text))
            .Select(b => b.Text)
            .ToHashSet(StringComparer.Ordinal);

        // Live paragraphs that are exactly one archived paragraph, in document order. A paragraph the page shows twice
        // (a standfirst in the header and atop the body) is left out: an editor's change would reach both copies, a
        // perturbation of one copy would not be one change.
        var visible = VisibleText(document);
        var candidates = document.QuerySelectorAll("p")
            .Where(p => p.QuerySelector("p, div, br, img, figure") is null && archived.Contains(Whitespace.Collapse(p.TextContent)))
            .Where(p => Occurrences(visible, Whitespace.Collapse(p.TextContent)) == 1)
            .ToList();
        if (candidates.Count < (kind == Perturbation.SwapParagraphs ? 2 : 1))
        {
            return null;
        }

        var index = new Random(seed).Next(kind == Perturbation.SwapParagraphs ? candidates.Count - 1 : candidates.Count);
        var target = candidates[index];
        var text = Whitespace.Collapse(target.TextContent);
        string? inserted = null;
        switch (kind)
        {
            case Perturbation.EditSentence:
                if (!EditOneWord(target))
                {
                    return null;
                }

                break;
            case Perturbation.DeleteParagraph:
                target.Remove();
                break;
            case Perturbation.InsertParagraph:
                var added = document.CreateElement("p");
                inserted = InsertedProse(page);
                added.TextContent = inserted;
                target.After(added);
                break;
            case Perturbation.SwapParagraphs:
                var next = candidates[index + 1];
                if (next.ParentElement != target.ParentElement)
                {
                    return null;
                }

                var marker = document.CreateElement("span");
                next.Replace(marker);
                target.Replace(next);
                marker.Replace(target);
                break;
        }

        return new PerturbedPage(page, kind, document.DocumentElement.OuterHtml, text, inserted);
    }

    private static bool IsProse(string text) => text.Length >= 80;

    /// <summary>The body's text without scripts, styles and templates, white space collapsed.</summary>
    private static string VisibleText(IDocument document)
    {
        if (document.Body?.Clone(deep: true) is not IElement body)
        {
            return string.Empty;
        }

        foreach (var silent in body.QuerySelectorAll("script, style, template, noscript").ToList())
        {
            silent.Remove();
        }

        return Whitespace.Collapse(body.TextContent);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Replaces the middle word of the paragraph's longest text node: an edited sentence, the rest intact.</summary>
    private static bool EditOneWord(IElement paragraph)
    {
        var longest = paragraph.Descendants<IText>().MaxBy(t => t.Data.Length);
        if (longest is null)
        {
            return false;
        }

        var words = longest.Data.Split(' ');
        if (words.Length >= 5)
        {
            var middle = words.Length / 2;
            words[middle] = "quarterly";
            longest.Data = string.Join(' ', words);
            return true;
        }

        // Text without spaces between words (Chinese, Japanese): change a run of characters in the middle.
        if (longest.Data.Length < 20)
        {
            return false;
        }

        var at = longest.Data.Length / 2;
        longest.Data = longest.Data[..at] + "季度报告" + longest.Data[(at + 4)..];
        return true;
    }
}

/// <summary>What the comparison of a <see cref="PerturbedPage"/> must say, and whether it did.</summary>
public static class RealPageExpectation
{
    /// <summary>Null when <paramref name="text"/> reports exactly the perturbation made (and nothing else as drift); otherwise why not.</summary>
    public static string? Check(PerturbedPage page, Archive.Diff.TextComparison text) =>
        Check(page, Archive.Report.TextReport.From(text));

    /// <inheritdoc cref="Check(PerturbedPage, Archive.Diff.TextComparison)"/>
    public static string? Check(PerturbedPage page, Archive.Report.TextReport text)
    {
        if (text.Error is not null || text.Severity is null)
        {
            return "error: " + (text.Error ?? "not compared");
        }

        var drift = text.Blocks.Where(b => b.IsDrift && !b.Title).ToList();

        // A sample of the article leaves real article text between its paragraphs: insertions are not judged there.
        if (!page.Page.WholeArticle)
        {
            drift = drift.Where(b => b.Op != Archive.Diff.BlockOp.Insert).ToList();
        }

        var title = text.Blocks.FirstOrDefault(b => b.Title && b.Op != Archive.Diff.BlockOp.Equal);
        string Describe() => string.Join("; ", drift.Take(4).Select(b => $"{b.Op} «{Short(b.Archived ?? b.Live)}»")) + (drift.Count > 4 ? $" (+{drift.Count - 4})" : string.Empty)
            + (title is null ? string.Empty : $"; title «{Short(title.Archived)}» → «{Short(title.Live)}»");
        bool Is(string? archived, string expected) => archived is not null && Same(archived, expected);

        var ok = page.Kind switch
        {
            Perturbation.None => drift.Count == 0 && title is null && (!page.Page.WholeArticle || text.Severity is Archive.Diff.Severity.None or Archive.Diff.Severity.Cosmetic),
            Perturbation.EditSentence => drift.Count == 1 && drift[0].Op == Archive.Diff.BlockOp.Replace && Is(drift[0].Archived, page.Target!) && title is null,
            // In a sample, unarchived article text may stand between the deleted paragraph's neighbours; nothing can
            // tell that from the paragraph rewritten in place, so a replace of exactly that paragraph is right too.
            Perturbation.DeleteParagraph => drift.Count == 1 && (drift[0].Op == Archive.Diff.BlockOp.Delete || (!page.Page.WholeArticle && drift[0].Op == Archive.Diff.BlockOp.Replace)) && Is(drift[0].Archived, page.Target!) && title is null,
            Perturbation.InsertParagraph => drift.Count == 1 && drift[0].Op == Archive.Diff.BlockOp.Insert && Is(drift[0].Live, page.Inserted!) && title is null,
            Perturbation.SwapParagraphs => drift.Count is 1 or 2 && drift.All(b => b.Op == Archive.Diff.BlockOp.Move) && title is null,
            // The headline may be part of the archived body too; a retitle changes it there as well.
            Perturbation.Retitle => drift.All(b => b is { Op: Archive.Diff.BlockOp.Replace, Kind: BlockKind.Heading } && Same(b.Live!, page.Inserted!)) && title is { Op: Archive.Diff.BlockOp.Replace },
            _ => false,
        };
        var changed = text.Severity is Archive.Diff.Severity.Minor or Archive.Diff.Severity.Major or Archive.Diff.Severity.Replaced;
        return ok && (page.Kind == Perturbation.None || changed) ? null : $"{text.Severity}: {(drift.Count == 0 && title is null ? "no drift reported" : Describe())}";
    }

    private static bool Same(string compared, string original)
    {
        static string Key(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Key(compared) == Key(original);
    }

    private static string Short(string? text) => text is null ? string.Empty : text.Length <= 60 ? text : text[..57] + "…";
}
