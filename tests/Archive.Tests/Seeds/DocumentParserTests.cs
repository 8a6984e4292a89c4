using AngleSharp.Html.Parser;
using Archive.Seeds;

namespace Archive.Tests.Seeds;

public sealed class DocumentParserTests
{
    private static readonly Uri Base = new("https://news.example/world/story.html");

    private static ArchivedDocument Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return ArchivedDocumentParser.Parse(document.Body!, Base);
    }

    [Test]
    public void BlocksAreParagraphLevelUnitsWithTheirKinds()
    {
        var doc = Parse("""
            <h2>Heading</h2><p>First <b>bold</b>
              para.</p><ul><li>one</li><li>two</li></ul>
            <figure><img src=a.jpg><figcaption>A caption</figcaption></figure>
            <blockquote><p>Quoted</p></blockquote><div>Loose text</div><table><tr><td>cell</td></tr></table>
            <script>var hidden = 1;</script><style>p{}</style><noscript>fallback</noscript>
            """);
        Assert.That(
            doc.Blocks.Select(b => (b.Kind, b.Text)),
            Is.EqualTo(new[]
            {
                (BlockKind.Heading, "Heading"),
                (BlockKind.Paragraph, "First bold para."),
                (BlockKind.ListItem, "one"),
                (BlockKind.ListItem, "two"),
                (BlockKind.Caption, "A caption"),
                (BlockKind.Quote, "Quoted"),
                (BlockKind.Text, "Loose text"),
                (BlockKind.TableCell, "cell"),
            }));
        Assert.That(doc.Blocks.Select(b => b.Index), Is.EqualTo(Enumerable.Range(0, 8)));
    }

    [Test]
    public void DoubleLineBreaksSeparateBlocksSingleOnesDoNot()
    {
        var doc = Parse("<div>line one<br>line two<br/> <br />next paragraph</div>");
        Assert.That(doc.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "line one line two", "next paragraph" }));
    }

    [Test]
    public void NonBreakingAndIdeographicSpacesAreTextNotWhiteSpace()
    {
        var doc = Parse("<p>  a\u00A0b\u3000c \n d </p>");
        Assert.That(doc.Blocks.Single().Text, Is.EqualTo("a\u00A0b\u3000c d"));
    }

    [Test]
    public void ImagesPreferTheLargestSrcsetThenLazyAttributesThenSrc()
    {
        var doc = Parse("""
            <img src="small.jpg" srcset="a-320.jpg 320w, a-800.jpg 800w, a-640.jpg 640w">
            <img src="data:image/gif;base64,R0lGOD" data-src="/lazy/real.jpg">
            <img src="" data-original="orig.png">
            <img data-lazy-src="https://cdn.example/x.webp">
            <img src="plain.gif" alt="Plain">
            <img src="">
            <picture><source srcset="p-1x.avif 1x, p-2x.avif 2x" type="image/avif"><img src="p.jpg"></picture>
            """);
        var urls = doc.Media.Select(m => m.Url.AbsoluteUri).ToList();
        Assert.That(urls, Is.EqualTo(new[]
        {
            "https://news.example/world/a-800.jpg",
            "https://news.example/lazy/real.jpg",
            "https://news.example/world/orig.png",
            "https://cdn.example/x.webp",
            "https://news.example/world/plain.gif",
            "https://news.example/world/p-2x.avif",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(doc.Media[0].Candidates.Select(c => c.Attribute), Is.EqualTo(new[] { "srcset", "srcset", "srcset", "src" }));
            Assert.That(doc.Media[1].Candidates.Any(c => c.Url.Scheme == "data"), Is.False, "inline data: placeholders are not media to fetch");
            Assert.That(doc.Media[4].Alt, Is.EqualTo("Plain"));
            Assert.That(doc.Media[5].Candidates.Select(c => c.Attribute), Is.EqualTo(new[] { "source[srcset]", "source[srcset]", "src" }));
        });
    }

    [Test]
    public void TrackingPixelsAndSpacersAreNotMedia()
    {
        var doc = Parse("""
            <img src="https://stats.example/beacon.gif?id=1" width="1" height="1">
            <img src="/spacer.gif" width="2" height="1" alt="">
            <img src="/thin-rule.png" width="600" height="1">
            <img src="/photo.jpg">
            """);
        Assert.That(doc.Media.Select(m => m.Url.AbsolutePath), Is.EqualTo(new[] { "/thin-rule.png", "/photo.jpg" }));
    }

    [Test]
    public void VideoAudioPosterAndEmbedsAreMedia()
    {
        var doc = Parse("""
            <video poster="poster.jpg" src="clip.mp4"><source src="clip.webm"></video>
            <audio><source src="//cdn.example/a.mp3"></audio>
            <iframe src="https://www.youtube.com/embed/xyz" title="Player"></iframe>
            <embed src="anim.swf"><object data="doc.pdf"></object>
            """);
        Assert.That(
            doc.Media.Select(m => (m.Kind, m.Element, m.Url.AbsoluteUri)),
            Is.EqualTo(new[]
            {
                (MediaKind.Video, "video", "https://news.example/world/clip.mp4"),
                (MediaKind.Image, "video", "https://news.example/world/poster.jpg"),
                (MediaKind.Audio, "audio", "https://cdn.example/a.mp3"),
                (MediaKind.Embed, "iframe", "https://www.youtube.com/embed/xyz"),
                (MediaKind.Embed, "embed", "https://news.example/world/anim.swf"),
                (MediaKind.Embed, "object", "https://news.example/world/doc.pdf"),
            }));
        Assert.That(doc.Media[0].Candidates, Has.Count.EqualTo(2));
    }

    [Test]
    public void TheSameImageTwiceIsOneReference()
    {
        var doc = Parse("<img src=x.jpg><noscript><img src=x.jpg></noscript>");
        Assert.That(doc.Media, Has.Count.EqualTo(1));
    }

    [Test]
    public void LinksAreResolvedNormalisedAndClassified()
    {
        var doc = Parse("""
            <a href="../other.html#part">rel</a>
            <a href="HTTP://Example.COM:80/a/./b/../c?q=1">abs</a>
            <a href="mailto:desk@news.example">mail</a>
            <a href="tel:+33 1 23">call</a>
            <a href="javascript:alert(document.cookie)">js</a>
            <a href="#top">top</a>
            <a href="ftp://files.example/x">ftp</a>
            <a href="http://[::1">broken</a>
            <a href="http://https://www.bbc.com/zhongwen">doubled</a>
            <a>no href</a>
            """);
        Assert.That(
            doc.Links.Select(l => (l.Target, l.Url?.AbsoluteUri)),
            Is.EqualTo(new (LinkTarget, string?)[]
            {
                (LinkTarget.Http, "https://news.example/other.html"),
                (LinkTarget.Http, "http://example.com/a/c?q=1"),
                (LinkTarget.Mailto, "mailto:desk@news.example"),
                (LinkTarget.Tel, "tel:+33%201%2023"),
                (LinkTarget.JavaScript, null),
                (LinkTarget.Fragment, null),
                (LinkTarget.UnsupportedScheme, "ftp://files.example/x"),
                (LinkTarget.Malformed, null),
                (LinkTarget.Http, "http://https//www.bbc.com/zhongwen"),
            }));
        Assert.Multiple(() =>
        {
            Assert.That(doc.Links[4].Href, Is.EqualTo("javascript:alert(document.cookie)"));
            Assert.That(doc.Links.Where(l => l.IsFetchable).Count(), Is.EqualTo(3));
            Assert.That(doc.Links[0].Text, Is.EqualTo("rel"));
        });
    }
}
