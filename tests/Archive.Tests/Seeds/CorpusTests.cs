using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archive.Seeds;

namespace Archive.Tests.Seeds;

/// <summary>
/// Every real archived article in the shared corpus reads, and what the reader finds is checked against an
/// independent AngleSharp query of the same body: nothing a reader could see is lost.
/// </summary>
public sealed class CorpusTests
{
    private static readonly HashSet<string> Silent = ["script", "style", "template", "noscript", "svg", "math", "select", "textarea", "iframe", "object", "embed", "video", "audio", "canvas"];

    public static IEnumerable<TestCaseData> CorpusFiles()
    {
        var files = TestPaths.CorpusFiles();
        if (files.Count == 0)
        {
            yield return new TestCaseData(string.Empty).SetName("Corpus absent").Ignore($"The shared corpus is not at {TestPaths.Corpus}.");
            yield break;
        }

        foreach (var file in files)
        {
            yield return new TestCaseData(file).SetName("Corpus " + Path.GetRelativePath(TestPaths.Corpus, file));
        }
    }

    [Test]
    public void TheCorpusHoldsSeventyArticles()
    {
        TestPaths.RequireCorpus();
        Assert.That(TestPaths.CorpusFiles(), Has.Count.EqualTo(70));
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public async Task ReadsAndHoldsEverythingItsBodyHolds(string file)
    {
        var load = await new SeedReader().ReadAsync(file);
        Assert.That(load.Error, Is.Null, () => load.Error!.ToString());
        var seed = load.Seed!;

        var lines = (await File.ReadAllTextAsync(file)).Split('\n');
        var titleLine = lines[1];
        var urlText = titleLine[(titleLine.LastIndexOf("](", StringComparison.Ordinal) + 2)..^1];
        var body = new HtmlParser().ParseDocument(string.Join('\n', lines[4..])).Body!;

        Assert.Multiple(() =>
        {
            Assert.That(seed.SourceUrl.Scheme, Is.AnyOf("http", "https"));
            Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo(new Uri(urlText).AbsoluteUri), "the source URL is the title line's, unchanged");
            Assert.That(seed.ArchivedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(lines[0][4..^3], System.Globalization.CultureInfo.InvariantCulture))));

            Assert.That(seed.Document.Blocks, Has.Count.GreaterThanOrEqualTo(LeafBlocks(body)), "blocks");
            Assert.That(Squeeze(seed.Document.Blocks.Select(b => b.Text)), Is.EqualTo(Squeeze(VisibleText(body))), "every visible character, in order");

            Assert.That(seed.Document.Links, Has.Count.EqualTo(body.QuerySelectorAll("a[href], area[href]").Length), "links");

            var imageUrlSets = body.QuerySelectorAll("img, video[poster]")
                .Where(img => !ArchivedDocumentParser.IsTrackingPixel(img))
                .Select(img => ImageUrls(img, seed.SourceUrl))
                .Where(urls => urls.Count > 0)
                .ToList();
            var found = seed.Document.Media.Where(m => m.Kind == MediaKind.Image).SelectMany(m => m.Candidates).Select(c => c.Url.AbsoluteUri).ToHashSet();
            Assert.That(imageUrlSets.Where(urls => !urls.Overlaps(found)), Is.Empty, "every <img> with a URL is among the media");
            Assert.That(seed.Document.ImageCount, Is.EqualTo(imageUrlSets.Select(s => string.Join(' ', s.Order(StringComparer.Ordinal))).Distinct().Count()), "one reference per distinct image");

            var embeds = body.QuerySelectorAll("iframe[src], video, audio").Count(e => !string.IsNullOrWhiteSpace(e.GetAttribute("src")) || e.QuerySelector("source[src]") is not null);
            Assert.That(seed.Document.Media.Count(m => m.Kind is MediaKind.Embed or MediaKind.Video or MediaKind.Audio), Is.GreaterThanOrEqualTo(embeds == 0 ? 0 : 1), "embeds and players");
        });
    }

    private static int LeafBlocks(IElement body) =>
        body.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre, td, th, dt, dd")
            .Count(e => !string.IsNullOrWhiteSpace(VisibleText(e))
                && e.QuerySelector("p, h1, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre, td, th, dt, dd, div") is null
                && !e.Ancestors<IElement>().Any(a => Silent.Contains(a.LocalName)));

    private static string VisibleText(IElement root)
    {
        var text = new StringBuilder();
        foreach (var node in root.Descendants<IText>())
        {
            if (!node.Ancestors<IElement>().TakeWhile(a => a != root).Any(a => Silent.Contains(a.LocalName)))
            {
                text.Append(node.Data);
            }
        }

        return text.ToString();
    }

    private static string Squeeze(IEnumerable<string> parts) => Squeeze(string.Concat(parts));

    private static string Squeeze(string text) => string.Concat(text.Where(c => !Whitespace.IsHtmlSpace(c)));

    private static HashSet<string> ImageUrls(IElement img, Uri baseUrl)
    {
        var values = new List<string>();
        foreach (var attribute in img.LocalName == "video" ? ["poster"] : new[] { "src", "data-src", "data-original", "data-lazy-src" })
        {
            values.Add(img.GetAttribute(attribute) ?? string.Empty);
        }

        values.AddRange((img.LocalName == "video" ? string.Empty : img.GetAttribute("srcset") ?? string.Empty).Split(',').Select(c => c.Trim().Split(' ')[0]));
        return values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => Uri.TryCreate(baseUrl, v.Trim(), out var u) ? u : null)
            .Where(u => u is not null && u.Scheme is "http" or "https")
            .Select(u => u!.AbsoluteUri)
            .ToHashSet();
    }
}
