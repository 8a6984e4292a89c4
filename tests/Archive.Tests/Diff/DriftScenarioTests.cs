using Archive.Diff;
using Archive.Seeds;
using Archive.TestSite;

namespace Archive.Tests.Diff;

/// <summary>
/// Each archived article, served inside heavy site chrome with one kind of drift, must come out exactly as a
/// reader would describe the change. Chinese (the user's seed, the corpus) and English (our fixtures) alike.
/// </summary>
[TestFixtureSource(nameof(Articles))]
public sealed class DriftScenarioTests(string path)
{
    private Seed seed = null!;
    private List<LiveBlockSpec> blocks = null!;

    public static IEnumerable<TestFixtureData> Articles() =>
        DriftArticles.Paths().Select(p => new TestFixtureData(p).SetArgDisplayNames(Path.GetFileNameWithoutExtension(p)));

    [OneTimeSetUp]
    public void ReadArticle()
    {
        seed = DriftArticles.Read(path);
        blocks = DriftArticles.LiveBlocks(seed);
    }

    private TextComparison Compare(IEnumerable<LiveBlockSpec> live, string? title = null, string besideArticle = "", string insideArticleEnd = "", Seed? archived = null, IgnoreRules? rules = null) =>
        ContentComparer.Compare(
            archived ?? seed,
            NewsChrome.Page(title ?? seed.Title, live, besideArticle: besideArticle, insideArticleEnd: insideArticleEnd),
            seed.SourceUrl,
            rules ?? IgnoreRules.None);

    private static List<BlockDiff> Changes(TextComparison text) => text.Blocks.Where(b => b.IsDrift).ToList();

    [Test]
    public void UnchangedArticleInHeavyChromeIsUnchanged()
    {
        var text = Compare(blocks);
        Assert.Multiple(() =>
        {
            Assert.That(Changes(text), Is.Empty, () => Describe(text));
            Assert.That(text.Severity, Is.EqualTo(Severity.None));
            Assert.That(text.Similarity, Is.EqualTo(1));
            Assert.That(text.Coverage, Is.EqualTo(1));
            Assert.That(text.Jaccard, Is.EqualTo(1));
            Assert.That(text.SimHashDistance, Is.Zero);
            Assert.That(text.Match!.Method, Is.EqualTo(LocateMethod.Alignment));
            Assert.That(text.Match.Selector, Does.EndWith("div.article-body").Or.EndWith("article"));
            Assert.That(text.Counts.Equal, Is.EqualTo(seed.Document.Blocks.Count));
        });
    }

    [Test]
    public void AFewCharactersEditedAreOneReplaceHighlightingThem()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var original = blocks[k].Text;
        var cjk = Tokenizer.IsUnspacedScript(original, Drift.LetterRunMiddle(original, 1));
        var at = Drift.LetterRunMiddle(original, cjk ? 2 : 4);
        var replacement = cjk ? "变更" : "ZZZZ";
        var text = Compare(Drift.EditCharacters(blocks, k, at, cjk ? 2 : 4, replacement));

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        var block = changes[0];
        Assert.Multiple(() =>
        {
            Assert.That(block.Op, Is.EqualTo(BlockOp.Replace));
            Assert.That(block.ArchivedIndex, Is.EqualTo(seed.Document.Blocks.First(b => b.Text == original).Index));
            Assert.That(block.Changes!.Where(c => c.Op == EditOp.Insert).Select(c => c.Text.Trim()), Has.All.Contains(replacement));
            var deleted = string.Concat(block.Changes!.Where(c => c.Op == EditOp.Delete).Select(c => c.Text)).Trim();
            if (cjk)
            {
                // One token per character: exactly the two characters replaced, nothing around them.
                Assert.That(deleted, Is.EqualTo(original.Substring(at, 2)));
            }
            else
            {
                // One token per word: the word the edit fell in.
                Assert.That(deleted, Does.Contain(original.Substring(at, 4)));
                Assert.That(deleted.Split(' '), Has.Length.EqualTo(1));
            }

            Assert.That(text.Severity, Is.EqualTo(Severity.Minor));
            Assert.That(text.Similarity, Is.GreaterThan(0.95).And.LessThan(1));
        });
    }

    [Test]
    public void ARewrittenParagraphIsOneReplace()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var rewritten = Drift.UnrelatedText(blocks[k].Text, 1);
        var text = Compare(Drift.Rewrite(blocks, k, rewritten));

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        Assert.Multiple(() =>
        {
            Assert.That(changes[0].Op, Is.EqualTo(BlockOp.Replace));
            Assert.That(changes[0].Archived, Is.EqualTo(blocks[k].Text));
            Assert.That(changes[0].Live, Is.EqualTo(rewritten));
            Assert.That(text.Severity, Is.Not.EqualTo(Severity.None));
        });
    }

    [Test]
    public void ADeletedParagraphIsOneDelete()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var text = Compare(Drift.Delete(blocks, k));

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        Assert.Multiple(() =>
        {
            Assert.That(changes[0].Op, Is.EqualTo(BlockOp.Delete));
            Assert.That(changes[0].Archived, Is.EqualTo(blocks[k].Text));
            Assert.That(text.Counts.Deleted, Is.EqualTo(1));
        });
    }

    [Test]
    public void AnInsertedParagraphIsOneInsert()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var added = Drift.UnrelatedText(blocks[k].Text, 2);
        var text = Compare(Drift.Insert(blocks, k, new LiveBlockSpec(LiveKind.Paragraph, added)));

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        Assert.Multiple(() =>
        {
            Assert.That(changes[0].Op, Is.EqualTo(BlockOp.Insert));
            Assert.That(changes[0].Live, Is.EqualTo(added));
            Assert.That(text.Counts.Inserted, Is.EqualTo(1));
            Assert.That(text.Coverage, Is.LessThan(1), "an insertion is live text the archive does not hold");
        });
    }

    [Test]
    public void AnEditorsNoteAboveTheArticleIsAnInsertionButABylineIsNot()
    {
        var note = Drift.UnrelatedText(blocks[0].Text, 4);
        var withNote = Compare(Drift.Insert(blocks, 0, new LiveBlockSpec(LiveKind.Paragraph, note)));
        var withByline = Compare(Drift.Insert(blocks, 0, new LiveBlockSpec(LiveKind.Paragraph, "By Staff Reporter 本台记者")));
        Assert.Multiple(() =>
        {
            Assert.That(Changes(withNote).Select(c => (c.Op, c.Live)), Is.EqualTo(new[] { (BlockOp.Insert, (string?)note) }), () => Describe(withNote));
            Assert.That(Changes(withByline), Is.Empty, () => Describe(withByline));
        });
    }

    [Test]
    public void TwoSwappedParagraphsAreAMove()
    {
        var i = Enumerable.Range(0, blocks.Count - 1).First(k => blocks[k].Kind == LiveKind.Paragraph && blocks[k + 1].Kind == LiveKind.Paragraph && blocks[k].Text != blocks[k + 1].Text);
        var text = Compare(Drift.Swap(blocks, i, i + 1));

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        Assert.Multiple(() =>
        {
            Assert.That(changes[0].Op, Is.EqualTo(BlockOp.Move));
            Assert.That(changes[0].Archived, Is.EqualTo(changes[0].Live));
            Assert.That(text.Counts.Moved, Is.EqualTo(1));
            Assert.That(text.Counts.Deleted + text.Counts.Inserted, Is.Zero);
        });
    }

    [Test]
    public void AChangedTitleIsAReplaceMarkedAsTheTitle()
    {
        var newTitle = Drift.UnrelatedText(seed.Title, 3)[..30];
        var text = Compare(blocks, title: newTitle);

        var changes = Changes(text);
        Assert.That(changes, Has.Count.EqualTo(1), () => Describe(text));
        Assert.Multiple(() =>
        {
            Assert.That(changes[0].Title, Is.True);
            Assert.That(changes[0].Op, Is.EqualTo(BlockOp.Replace));
            Assert.That(Whitespace.Collapse(seed.Title), Does.Contain(changes[0].Archived), "the archived title, its site name left out");
            Assert.That(changes[0].Live, Is.EqualTo(newTitle));
            Assert.That(text.Severity, Is.EqualTo(Severity.Minor));
        });
    }

    [Test]
    public void TheSiteNameAfterTheTitleIsNotAChange()
    {
        // The live <title> carries " - News Example"; the headline and og:title carry the bare title.
        var text = Compare(blocks, title: seed.Title + " - Breaking");
        Assert.That(text.Blocks.Where(b => b.Title && b.Op != BlockOp.Equal), Is.Empty, () => Describe(text));
    }

    [Test]
    public void OnlyWhiteSpaceAndFullWidthPunctuationChangedIsUnchanged()
    {
        var text = Compare(Drift.Cosmetic(blocks));
        Assert.Multiple(() =>
        {
            Assert.That(Changes(text), Is.Empty, () => Describe(text));
            Assert.That(text.Severity, Is.EqualTo(Severity.Cosmetic).Or.EqualTo(Severity.None));
            Assert.That(text.Similarity, Is.EqualTo(1));
        });
    }

    [Test]
    public void ARelatedArticlesListBesideOrAfterTheArticleIsUnchanged()
    {
        var beside = Compare(blocks, besideArticle: NewsChrome.RelatedArticles());
        var after = Compare(blocks, insideArticleEnd: NewsChrome.RelatedArticles("Read more 延伸阅读"));
        Assert.Multiple(() =>
        {
            Assert.That(Changes(beside), Is.Empty, () => Describe(beside));
            Assert.That(Changes(after), Is.Empty, () => Describe(after));
            Assert.That(after.Severity, Is.EqualTo(Severity.None));
        });
    }

    [Test]
    public void AnArchiveOfTheFirstThreeParagraphsIsUnchangedWithPartialCoverage()
    {
        var firstThree = blocks.Take(blocks.FindIndex(b => b.Kind == LiveKind.Paragraph) + 3).ToList();
        var archived = DriftArticles.FromBlocks(seed, firstThree);
        var text = Compare(blocks, archived: archived);
        Assert.Multiple(() =>
        {
            Assert.That(Changes(text), Is.Empty, () => Describe(text));
            Assert.That(text.Severity, Is.EqualTo(Severity.None));
            Assert.That(text.Coverage, Is.LessThan(0.9).And.GreaterThan(0));
            Assert.That(text.Counts.BeyondArchive, Is.EqualTo(blocks.Count - firstThree.Count));
            Assert.That(text.Similarity, Is.EqualTo(1));
        });
    }

    [Test]
    public void ArchiveWithoutCaptionsAgainstALivePageWithThemIsUnchanged()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var text = Compare(Drift.Insert(blocks, k, new LiveBlockSpec(LiveKind.Caption, "图为会谈现场。 The meeting room, photographed by the agency.")));
        Assert.Multiple(() =>
        {
            Assert.That(Changes(text), Is.Empty, () => Describe(text));
            Assert.That(text.Counts.Furniture, Is.EqualTo(1), "a caption is furniture: reported, not drift");
            Assert.That(text.Severity, Is.EqualTo(Severity.None));
        });
    }

    [Test]
    public void ALivePageReplacedByAnUnrelatedArticleIsReplaced()
    {
        var other = DriftArticles.Paths().Select(DriftArticles.Read).First(s => s.Path != seed.Path && SameScript(s, seed));
        var text = Compare(DriftArticles.LiveBlocks(other), title: other.Title);
        Assert.Multiple(() =>
        {
            Assert.That(text.Severity, Is.EqualTo(Severity.Replaced), () => Describe(text));
            Assert.That(text.Retained, Is.LessThan(ContentComparer.ReplacedBelow));
            Assert.That(text.Blocks.Count(b => b.Title), Is.EqualTo(1));
        });
    }

    [Test]
    public void AMaskedVolatilePartIsNotAChange()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var archived = DriftArticles.FromBlocks(seed, Drift.Insert(blocks, k, new LiveBlockSpec(LiveKind.Text, "更新于 17 分钟前 · 阅读 1,204 次")));
        var live = Drift.Insert(blocks, k, new LiveBlockSpec(LiveKind.Text, "更新于 3 小时前 · 阅读 98,311 次"));
        var rules = IgnoreRules.Create([], [@"\d+ (分钟|小时)前", @"阅读 [\d,]+ 次"], "test");
        Assert.Multiple(() =>
        {
            Assert.That(Changes(Compare(live, archived: archived, rules: rules)), Is.Empty);
            Assert.That(Changes(Compare(live, archived: archived)), Has.Count.EqualTo(1), "without the masks it is a change");
        });
    }

    [Test]
    public void ASelectorDropsAVolatileBoxInsideTheArticle()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var live = NewsChrome.Page(seed.Title, blocks.Take(k)).Replace("</div><div class=\"tags\">", "<div class=\"poll\"><p>Vote now: which team will win tonight? 投票：今晚哪队会赢？</p></div>" + Rest(k) + "</div><div class=\"tags\">", StringComparison.Ordinal);
        var dropped = ContentComparer.Compare(seed, live, seed.SourceUrl, IgnoreRules.Create([".poll"], [], "test"));
        var kept = ContentComparer.Compare(seed, live, seed.SourceUrl, IgnoreRules.None);
        Assert.Multiple(() =>
        {
            Assert.That(Changes(dropped), Is.Empty, () => Describe(dropped));
            Assert.That(Changes(kept).Select(c => c.Op), Is.EqualTo(new[] { BlockOp.Insert }), "inside the article body, unmatched text is an insertion");
        });
    }

    private string Rest(int from)
    {
        var html = new System.Text.StringBuilder();
        NewsChrome.AppendBlocks(html, blocks.Skip(from));
        return html.ToString();
    }

    private static bool SameScript(Seed a, Seed b) =>
        Tokenizer.IsUnspacedScript(a.Title, 0) == Tokenizer.IsUnspacedScript(b.Title, 0);

    private static string Describe(TextComparison text) =>
        $"severity {text.Severity}, similarity {text.Similarity}, match {text.Match}:\n"
        + string.Join("\n", text.Blocks.Select(b => $"  {b.Op}{(b.Title ? " (title)" : string.Empty)}: {Clip(b.Archived)} → {Clip(b.Live)}"));

    private static string Clip(string? s) => s is null ? "∅" : s.Length > 60 ? s[..60] + "…" : s;
}
