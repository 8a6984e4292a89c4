using Archive.Diff;
using Archive.Seeds;
using Archive.TestSite;

namespace Archive.Tests.Diff;

/// <summary>
/// The shapes real pages take that are not drift (issue 16): furniture inside the article, the same text in other
/// blocks, a page-wide wrapper, decorated titles; and what must stay drift beside them.
/// </summary>
public sealed class RealShapesTests
{
    private const string P1 = "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned.";
    private const string P2 = "Engineers found that the pier foundations needed more work than the first survey had shown, the authority's chief executive said.";
    private const string P3 = "Local businesses have welcomed the decision, although some said the delay had already cost them a summer of visitors.";
    // Three more paragraphs, for articles long enough that one paragraph outside the located element is under a fifth of them.
    private const string P4 = "The operator has chartered a second vessel for the busiest weeks of the season, at a cost it did not disclose.";
    private const string P5 = "Work on the terminal building itself is on schedule, and the car park will open to the public in the autumn.";
    private const string P6 = "Passengers with tickets for the new route will be offered a refund or a seat on the existing crossing.";
    private const string Prose = "A spokesperson for the ferry operator said the company would keep its temporary berth in the old dock until then.";
    private static readonly Uri Url = new("https://news.example/2024/ferry-terminal");

    private static Seed Seed(string body, string title = "Ferry terminal delayed until spring") =>
        new RealPage("shapes", "en", Url, title, body, string.Empty, WholeArticle: true).Seed();

    private static string Archive(params string[] paragraphs) => string.Concat(paragraphs.Select(p => $"<p>{p}</p>"));

    private static string Page(string article, string title = "Ferry terminal delayed until spring | The Harbour News") =>
        $"<html><head><title>{title}</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
        + $"<main><article><h1>Ferry terminal delayed until spring</h1><div class=\"article-body\">{article}</div></article></main>"
        + "<footer><a href=/about>About us</a> <a href=/contact>Contact</a></footer></body></html>";

    private static TextComparison Compare(Seed seed, string live, SiteBoilerplate? learned = null, Uri? at = null) =>
        ContentComparer.Compare(seed, live, at ?? Url, IgnoreRules.None, learned);

    private static List<BlockDiff> Drift(TextComparison text) => text.Blocks.Where(b => b.IsDrift).ToList();

    private static string Describe(TextComparison text) =>
        $"{text.Severity} ({text.Match}): " + string.Join("; ", text.Blocks.Where(b => b.Op != BlockOp.Equal).Select(b => $"{b.Op} «{b.Archived ?? b.Live}» {b.Why}"));

    [TestCase("<figure><img src=/a.jpg><figcaption>The old pier at low tide. Photo: Jane Doe / Harbour News</figcaption></figure>", TestName = "a figure's caption and credit")]
    [TestCase("<div class=\"image\"><img src=/a.jpg></div><div>The old pier at low tide, seen from the ferry's deck in March</div>", TestName = "a caption beside a picture with no figcaption")]
    [TestCase("<p><strong>Read more:</strong> <a href=/x>Ferry fares to rise again in the autumn as fuel costs climb</a></p>", TestName = "a Read more line that is mostly a link")]
    [TestCase("<aside><h3>Related</h3><ul><li><a href=/1>Council votes on harbour budget</a></li><li><a href=/2>New ferry named</a></li></ul></aside>", TestName = "a related box in an aside")]
    [TestCase("<div class=\"ad-slot\"><p>Advertisement</p></div>", TestName = "an advertising label")]
    [TestCase("<div class=\"share-bar\"><span>Share this article on social media with your friends and family today</span></div>", TestName = "a share bar, by its class words")]
    [TestCase("<div class=\"newsletter-signup\"><p>Get our morning briefing delivered to your inbox every weekday at seven.</p></div>", TestName = "a newsletter box")]
    [TestCase("<div class=\"gallery\"><span>3 of 12</span></div>", TestName = "a slideshow counter")]
    [TestCase("<div role=\"note\">Main article: <a href=/wiki/Ferry>Ferry</a></div>", TestName = "an encyclopaedia note")]
    [TestCase("<div class=\"werbung\"><p>Anzeige</p></div>", TestName = "an advertising label in German, by class")]
    [TestCase("<p>Lesen Sie auch: <a href=/y>Neue Fähre für den Hafen</a></p>", TestName = "a German read-also line")]
    [TestCase("<div aria-hidden=\"true\"><p>Continue reading the main story below this line of text here</p></div>", TestName = "text hidden from assistive technology")]
    public void FurnitureBetweenArchivedParagraphsIsReportedNotDrift(string furniture)
    {
        var text = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p>{furniture}<p>{P2}</p><p>{P3}</p>"));
        Assert.Multiple(() =>
        {
            Assert.That(Drift(text), Is.Empty, () => Describe(text));
            Assert.That(text.Severity, Is.EqualTo(Severity.None), () => Describe(text));
            Assert.That(text.Counts.Furniture, Is.GreaterThan(0), () => Describe(text));
            Assert.That(text.Blocks.Where(b => b.Op == BlockOp.Furniture).Select(b => b.Why), Has.All.Not.Empty);
            Assert.That(text.Similarity, Is.EqualTo(1));
        });
    }

    [Test]
    public void AParagraphOfProseBetweenArchivedParagraphsIsStillAnInsert()
    {
        var text = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p><p>{Prose}</p><p>{P2}</p><p>{P3}</p>"));
        Assert.That(Drift(text).Select(b => (b.Op, b.Live)), Is.EqualTo(new[] { (BlockOp.Insert, (string?)Prose) }), () => Describe(text));
        Assert.That(text.HasChanges, Is.True);
    }

    [Test]
    public void ProseInsertedInsideAnOrdinaryDivIsAnInsertNotFurniture()
    {
        var text = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p><div class=\"story-text\"><p>{Prose}</p></div><p>{P2}</p><p>{P3}</p>"));
        Assert.That(Drift(text).Select(b => b.Op), Is.EqualTo(new[] { BlockOp.Insert }), () => Describe(text));
    }

    [Test]
    public void ACaptionTheArchiveHadIsStillAChangeWhenItChanges()
    {
        var archived = Archive(P1) + "<figure><img src=/a.jpg><figcaption>The old pier at low tide, photographed in March</figcaption></figure>" + Archive(P2, P3);
        var live = $"<p>{P1}</p><figure><img src=/a.jpg><figcaption>The new pier at high tide, photographed in June</figcaption></figure><p>{P2}</p><p>{P3}</p>";
        var text = Compare(Seed(archived), Page(live));
        Assert.That(Drift(text).Select(b => (b.Op, b.Kind)), Is.EqualTo(new[] { (BlockOp.Replace, (BlockKind?)BlockKind.Caption) }), () => Describe(text));
    }

    [Test]
    public void ADeletedParagraphWhereFurnitureStandsIsADeletion()
    {
        var text = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p><div class=\"promo\"><p>Subscribe</p></div><p>{P3}</p>"));
        Assert.That(Drift(text).Select(b => (b.Op, b.Archived)), Is.EqualTo(new[] { (BlockOp.Delete, (string?)P2) }), () => Describe(text));
    }

    [Test]
    public void ArchivedTextThePageHoldsButHidesIsNotDeleted()
    {
        // A gallery's later pages, a collapsed "read more": still the article. A paragraph really gone is still deleted.
        var hidden = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p><section style=\"display: none\"><p>{P2}</p></section><p hidden>{P3}</p>"));
        var gone = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}</p><section style=\"display: none\"><p>{P2}</p></section>"));
        Assert.Multiple(() =>
        {
            Assert.That(Drift(hidden), Is.Empty, () => Describe(hidden));
            Assert.That(Drift(gone).Select(b => (b.Op, b.Archived)), Is.EqualTo(new[] { (BlockOp.Delete, (string?)P3) }), () => Describe(gone));
        });
    }

    [Test]
    public void AnArchivedParagraphStandingUnchangedOutsideTheArticleIsNotRewrittenIntoWhatStandsInItsPlace()
    {
        // The first paragraph sits in the layout cell around the article (outside the located element); in its place
        // inside stands a paragraph the archive never had. That is an insertion, not a rewrite of the first.
        var live = $"<html><body><table><tr><td><p>{P1}</p><table><tr><td><p>{Prose}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p><p>{P5}</p><p>{P6}</p></td></tr></table></td></tr></table></body></html>";
        var text = Compare(Seed(Archive(P1, P2, P3, P4, P5, P6)), live);
        Assert.That(Drift(text).Select(b => (b.Op, b.Live)), Is.EqualTo(new[] { (BlockOp.Insert, (string?)Prose) }), () => Describe(text));
    }

    [Test]
    public void AnArchivedParagraphEditedWhereThePageShowsItOutsideTheArticleIsAReplace()
    {
        // The intro stands in the page's header, outside the located article, and was edited there.
        var edited = P1.Replace("in the spring", "next summer", StringComparison.Ordinal);
        var live = $"<html><body><header><p>{edited}</p></header><main><article><p>{P2}</p><p>{P3}</p><p>{P4}</p><p>{P5}</p><p>{P6}</p></article></main></body></html>";
        var text = Compare(Seed(Archive(P1, P2, P3, P4, P5, P6)), live);
        Assert.That(Drift(text).Select(b => (b.Op, b.Archived, b.Live)), Is.EqualTo(new[] { (BlockOp.Replace, (string?)P1, (string?)edited) }), () => Describe(text));
        Assert.That(text.Similarity, Is.GreaterThan(0.9).And.LessThan(1));
    }

    [Test]
    public void ALineThePageShowsTwiceIsNotMovedBecauseOneCopyStandsElsewhere()
    {
        const string venue = "Harbour Park stadium, Leszno";
        var archived = $"<p>{venue}</p>" + Archive(P1, P2, P3);
        var live = $"<html><body><header><p>{venue}</p></header><main><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><dl><dt>Venue</dt><dd>{venue}</dd></dl></article></main></body></html>";
        var moved = $"<html><body><main><article><p>{P2}</p><p>{P1}</p><p>{P3}</p></article></main></body></html>";
        var text = Compare(Seed(archived), live);
        var reallyMoved = Compare(Seed(Archive(P1, P2, P3)), moved);
        Assert.Multiple(() =>
        {
            Assert.That(Drift(text), Is.Empty, () => Describe(text));
            Assert.That(Drift(reallyMoved).Select(b => b.Op), Has.Member(BlockOp.Move), () => Describe(reallyMoved));
        });
    }

    [Test]
    public void OneLongParagraphIsNotTheWholeArticleWhenTheOthersStandBesideIt()
    {
        // The long paragraph holds over 80 % of the archived text; located alone, the short one beside it would be
        // "found elsewhere" and the swap of the two never seen.
        var longParagraph = string.Join(" ", P1, P2, P3, Prose, P1.Replace("Tuesday", "Wednesday", StringComparison.Ordinal), P2.Replace("pier", "quay", StringComparison.Ordinal));
        const string shortParagraph = "The terminal was first due to open three years ago this month.";
        var swapped = Compare(Seed(Archive(longParagraph, shortParagraph)), Page($"<p>{shortParagraph}</p><p>{longParagraph}</p>"));
        var same = Compare(Seed(Archive(longParagraph, shortParagraph)), Page($"<p>{longParagraph}</p><p>{shortParagraph}</p>"));
        Assert.Multiple(() =>
        {
            Assert.That(Drift(swapped).Select(b => b.Op), Has.Member(BlockOp.Move), () => Describe(swapped));
            Assert.That(Drift(same), Is.Empty, () => Describe(same));
        });
    }

    [Test]
    public void ANoscriptLeftOpenAtTheTopDoesNotHideThePage()
    {
        // Parsed with scripting off, the </noscript> is ignored while the div is open and the whole page ends up
        // inside the noscript; the browser that rendered the page parsed it with scripting on.
        var live = Page(Archive(P1, P2, P3)).Replace("<body>", "<body><noscript><div id=\"nojs\"></noscript>", StringComparison.Ordinal);
        var text = Compare(Seed(Archive(P1, P2, P3)), live);
        Assert.That(text.Severity, Is.EqualTo(Severity.None), () => Describe(text));
    }

    [TestCase("<p>{0}<br>{1}</p>", TestName = "two paragraphs joined by a line break")]
    [TestCase("<ul><li>{0} {1}</li></ul>", TestName = "two paragraphs joined into one list item")]
    public void TheSameWordsInOtherBlocksAreOneCosmeticResegmentation(string shape)
    {
        var live = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, P1, P2) + $"<p>{P3}</p>";
        var text = Compare(Seed(Archive(P1, P2, P3)), Page(live));
        Assert.Multiple(() =>
        {
            Assert.That(Drift(text), Is.Empty, () => Describe(text));
            Assert.That(text.Severity, Is.EqualTo(Severity.Cosmetic), () => Describe(text));
            Assert.That(text.Counts.Resegmented, Is.EqualTo(1), () => Describe(text));
            var note = text.Blocks.Single(b => b.Op == BlockOp.Resegmented);
            Assert.That(note.Joins, Is.EqualTo(new BlockSpan(2, 1)));
            Assert.That(text.Similarity, Is.EqualTo(1));
        });
    }

    [Test]
    public void OneArchivedParagraphSplitInTwoLiveIsAResegmentation()
    {
        var text = Compare(Seed(Archive(P1 + " " + P2, P3)), Page($"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
        Assert.That(Drift(text), Is.Empty, () => Describe(text));
        Assert.That(text.Blocks.Single(b => b.Op == BlockOp.Resegmented).Joins, Is.EqualTo(new BlockSpan(1, 2)));
        Assert.That(text.Severity, Is.EqualTo(Severity.Cosmetic));
    }

    [Test]
    public void ATableRowArchivedAsOneLineAndLiveAsCellsIsAResegmentation()
    {
        var archived = Archive(P1) + "<p>Passengers in 2023: 1,204,000</p>" + Archive(P2);
        var live = $"<p>{P1}</p><table><tr><td>Passengers in 2023:</td><td>1,204,000</td></tr></table><p>{P2}</p>";
        var text = Compare(Seed(archived), Page(live));
        Assert.That(Drift(text), Is.Empty, () => Describe(text));
        Assert.That(text.Counts.Resegmented, Is.EqualTo(1), () => Describe(text));
    }

    [Test]
    public void AResegmentationWithAnEditInsideItIsStillDrift()
    {
        var edited = P2.Replace("more work", "less work", StringComparison.Ordinal);
        var text = Compare(Seed(Archive(P1, P2, P3)), Page($"<p>{P1}<br>{edited}</p><p>{P3}</p>"));
        Assert.That(Drift(text), Is.Not.Empty, () => Describe(text));
        Assert.That(text.HasChanges, Is.True);
    }

    [Test]
    public void APageWideWrapperIsCutDownToTheArticleAndItsTable()
    {
        // The article is text in one child of the page's wrapper and a standings table in the next; neither holds
        // 80 % of the matches alone, and the wrapper holds the whole site's chrome besides.
        var links = string.Concat(Enumerable.Range(0, 40).Select(i => $"<li><a href=/s/{i}>Section number {i} of the site with a long name</a></li>"));
        var table = "<table>" + string.Concat(new[] { "Harbour United", "Ferry Rovers", "Dockside Athletic", "Pier Wanderers", "Lighthouse Town", "Quayside City", "Anchor Albion", "Saltmarsh Rangers", "Breakwater Borough", "Tideway Villa" }
            .Select((team, i) => $"<tr><td>{i + 1}</td><td>{team} Football Club</td><td>{40 - (3 * i)} points from {20 + i} games played</td></tr>")) + "</table>";
        var archived = Archive(P1, P2, P3) + table;
        var live = "<html><head><title>Ferry terminal delayed until spring</title></head><body><div id=\"bg\">"
            + $"<div class=\"menu\"><ul>{links}</ul></div>"
            + $"<div class=\"text\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div class=\"standings\">{table}</div>"
            + $"<div class=\"more\"><ul>{links}</ul></div></div></body></html>";
        var text = Compare(Seed(archived), live);
        Assert.Multiple(() =>
        {
            Assert.That(Drift(text), Is.Empty, () => Describe(text));
            Assert.That(text.Match!.Selector, Does.StartWith("div#bg > :nth-child(n+2):nth-child(-n+3)"), () => Describe(text));
            Assert.That(text.Coverage, Is.EqualTo(1), "no site chrome is counted as article");
        });
    }

    [TestCase("Ferry terminal delayed until spring | The Harbour News", "Ferry terminal delayed until spring – Harbour News", TestName = "a different site suffix")]
    [TestCase("Ferry terminal delayed until spring", "LIVE: Ferry terminal delayed until spring", TestName = "a Live prefix")]
    [TestCase("Ferry terminal delayed until spring", "FERRY TERMINAL DELAYED UNTIL SPRING", TestName = "letter case only")]
    [TestCase("Ferry terminal delayed until spring", "Ferry terminal delayed until spring (updated)", TestName = "a parenthesised note")]
    public void ATitleTheLivePageOnlyDecoratesIsCosmetic(string archived, string live)
    {
        var text = Compare(Seed(Archive(P1, P2, P3), archived), Page($"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", live).Replace("<h1>Ferry terminal delayed until spring</h1>", $"<h1>{live}</h1>", StringComparison.Ordinal));
        Assert.That(text.Blocks.Where(b => b.Title && b.IsDrift), Is.Empty, () => Describe(text));
        Assert.That(text.HasChanges, Is.False);
    }

    [TestCase("Ferry terminal delayed until spring | The Harbour News", "Council approves harbour budget | The Harbour News", TestName = "a new headline with the same site name")]
    [TestCase("Ferry terminal delayed until spring", "Ferry terminal delayed until spring, then cancelled", TestName = "words added to the headline itself")]
    public void ARealNewTitleIsATitleReplace(string archived, string live)
    {
        var page = Page($"<p>{P1}</p><p>{P2}</p><p>{P3}</p>", live).Replace("<h1>Ferry terminal delayed until spring</h1>", $"<h1>{live.Split(" | ")[0]}</h1>", StringComparison.Ordinal);
        var text = Compare(Seed(Archive(P1, P2, P3), archived), page);
        Assert.That(text.Blocks.Where(b => b.IsDrift).Select(b => (b.Op, b.Title)), Is.EqualTo(new[] { (BlockOp.Replace, true) }), () => Describe(text));
        Assert.That(text.HasChanges, Is.True);
    }

    [Test]
    public void ABlockOnOtherPagesOfTheSameSiteIsFurnitureOnceLearned()
    {
        // A sentence of prose by every rule but one: the site prints it inside every article.
        const string Appeal = "Our journalism is funded by readers like you, and every contribution keeps it free for everyone to read.";
        var learned = new SiteBoilerplate();
        var seed = Seed(Archive(P1, P2, P3));
        var live = Page($"<p>{P1}</p><p>{Appeal}</p><p>{P2}</p><p>{P3}</p>");

        var first = Compare(seed, live, learned);
        Assert.That(Drift(first).Select(b => b.Op), Is.EqualTo(new[] { BlockOp.Insert }), "nothing is learned yet");

        // Two other seeds' pages on the same host (with or without www.) hold it too; a third host's does not count.
        foreach (var (id, at) in new[] { ("other-1", "https://news.example/a"), ("other-2", "https://www.news.example/b"), ("elsewhere", "https://other.example/c") })
        {
            var other = new RealPage(id, "en", new Uri(at), "Another story", Archive(Prose), string.Empty, true).Seed();
            ContentComparer.Compare(other, Page($"<p>{Prose}</p><p>{Appeal}</p>"), new Uri(at), IgnoreRules.None, learned);
        }

        var again = Compare(seed, live, learned);
        Assert.Multiple(() =>
        {
            Assert.That(Drift(again), Is.Empty, () => Describe(again));
            Assert.That(again.Blocks.Single(b => b.Op == BlockOp.Furniture).Why, Does.Contain("recurs"));
        });

        // What was learned survives a round trip through the snapshot store's form.
        var restored = SiteBoilerplate.Import(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(System.Text.Json.JsonSerializer.Serialize(learned.Export())));
        Assert.That(Drift(Compare(seed, live, restored)), Is.Empty);
    }

    [Test]
    public void ASeedIsNeverEvidenceAboutItself()
    {
        const string Appeal = "Our journalism is funded by readers like you, and every contribution keeps it free for everyone to read.";
        var learned = new SiteBoilerplate();
        var seed = Seed(Archive(P1, P2, P3));
        var live = Page($"<p>{P1}</p><p>{Appeal}</p><p>{P2}</p><p>{P3}</p>");
        for (var night = 0; night < 5; night++)
        {
            Assert.That(Drift(Compare(seed, live, learned)).Select(b => b.Op), Is.EqualTo(new[] { BlockOp.Insert }), $"night {night}");
        }
    }
}
