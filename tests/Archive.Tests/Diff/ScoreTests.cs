using Archive.Diff;
using Archive.Seeds;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Diff;

/// <summary>The scores and the thresholds that turn them into a verdict, on the English fixture.</summary>
public sealed class ScoreTests
{
    private Seed seed = null!;
    private List<LiveBlockSpec> blocks = null!;

    [OneTimeSetUp]
    public void ReadArticle()
    {
        seed = Articles.Read(Articles.Fixture("harbour-bridge"));
        blocks = DriftArticles.LiveBlocks(seed);
    }

    private TextComparison Compare(IEnumerable<LiveBlockSpec> live) =>
        ContentComparer.Compare(seed, NewsChrome.Page(seed.Title, live), seed.SourceUrl, IgnoreRules.None);

    /// <summary>Keeps the archived blocks whose indexes are given and replaces every other one by unrelated text.</summary>
    private TextComparison Keeping(params int[] kept) =>
        Compare(blocks.Select((b, i) => kept.Contains(i) ? b : b with { Text = Drift.UnrelatedText(b.Text, i) + " " + i }));

    [Test]
    public void SimilarityIsDiceOverTokensWeightedByBlockLength()
    {
        // One block deleted: similarity = 2 × kept / (archived + live) tokens.
        var interner = new TokenInterner();
        var tokens = blocks.Select(b => interner.Tokenize(b.Text).Count).ToList();
        var k = DriftArticles.MiddleParagraph(blocks);
        var text = Compare(Drift.Delete(blocks, k));
        var archived = tokens.Sum();
        var kept = archived - tokens[k];
        Assert.That(text.Similarity, Is.EqualTo(Math.Round(2.0 * kept / (archived + kept), 4)));
        Assert.That(text.Retained, Is.EqualTo(Math.Round((double)kept / archived, 4)));
    }

    [Test]
    public void MinorBelowAndMajorAboveTheSeverityLine()
    {
        var k = DriftArticles.MiddleParagraph(blocks);
        var minor = Compare(Drift.EditCharacters(blocks, k, Drift.LetterRunMiddle(blocks[k].Text, 3), 3, "xyz"));
        var major = Keeping(0, 1, 2, 3, 4);
        Assert.Multiple(() =>
        {
            Assert.That(minor.Similarity, Is.GreaterThanOrEqualTo(ContentComparer.MinorSimilarity));
            Assert.That(minor.Severity, Is.EqualTo(Severity.Minor));
            Assert.That(major.Similarity, Is.LessThan(ContentComparer.MinorSimilarity));
            Assert.That(major.Severity, Is.EqualTo(Severity.Major));
        });
    }

    [Test]
    public void ThePageIsReplacedOnlyBelowTheRetainedLine()
    {
        // The first block alone holds under a fifth of the text; the first three hold more.
        var replaced = Keeping(0);
        var rewritten = Keeping(0, 1, 2);
        Assert.Multiple(() =>
        {
            Assert.That(replaced.Retained, Is.LessThan(ContentComparer.ReplacedBelow));
            Assert.That(replaced.Severity, Is.EqualTo(Severity.Replaced));
            Assert.That(rewritten.Retained, Is.GreaterThanOrEqualTo(ContentComparer.ReplacedBelow));
            Assert.That(rewritten.Severity, Is.EqualTo(Severity.Major));
        });
    }

    [Test]
    public void EditsRaiseTheSimHashDistanceAndLowerTheJaccard()
    {
        var same = Compare(blocks);
        var k = DriftArticles.MiddleParagraph(blocks);
        var edited = Compare(Drift.Rewrite(blocks, k, Drift.UnrelatedText(blocks[k].Text, 9)));
        var replaced = Keeping();
        Assert.Multiple(() =>
        {
            Assert.That(same.Jaccard, Is.EqualTo(1));
            Assert.That(edited.Jaccard, Is.LessThan(1).And.GreaterThan(replaced.Jaccard));
            Assert.That(same.SimHashDistance, Is.Zero);
            Assert.That(edited.SimHashDistance, Is.GreaterThan(0).And.LessThan(replaced.SimHashDistance));
        });
    }

    [Test]
    public void AReplacedPageIsADeadSoft404InTheVerdict()
    {
        var replaced = Keeping();
        Assert.That(replaced.Severity, Is.EqualTo(Severity.Replaced));
        Assert.That(replaced.HasChanges, Is.True);
    }

    [Test]
    public void APageNestedTooDeepIsAnErrorNotACrash()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5000)) + "x</body></html>";
        var text = ContentComparer.Compare(seed, html, seed.SourceUrl, IgnoreRules.None);
        Assert.That(text.Error, Does.Contain("more than 512 deep"));
    }

    [Test]
    public void AnEmptyLivePageIsReplaced()
    {
        var text = ContentComparer.Compare(seed, "<html><body></body></html>", seed.SourceUrl, IgnoreRules.None);
        Assert.That(text.Severity, Is.EqualTo(Severity.Replaced));
    }
}

/// <summary>Every score documented as 0..1 stays there by construction, whatever the live page does with the archived text.</summary>
public sealed class ScoreBoundsTests
{
    private static readonly string[] Pool =
    [
        "The council approved the new harbour crossing after a long debate on Tuesday evening.",
        "Work is expected to begin next spring and to last about three years, officials said.",
        "Residents of the old town have campaigned against the plan for more than a decade.",
        "中国外交部长王毅周三在圣彼得堡会见俄罗斯总统普京。",
        "The mayor said the bridge would cut the journey across the bay to under ten minutes.",
        "Opponents warned that the cost had doubled since the project was first proposed.",
        "普京还提到，今年头几个月，贸易额超过1200亿美元。",
        "A public inquiry is due to report on the environmental impact later this year.",
    ];

    [Test]
    public void ScoresStayWithinZeroAndOneOverGeneratedPages()
    {
        var random = new Random(20261201);
        var reader = new Archive.Seeds.SeedReader();
        for (var n = 0; n < 400; n++)
        {
            var archived = Pool.OrderBy(_ => random.Next()).Take(random.Next(1, Pool.Length + 1)).ToList();
            var header = new List<string>();
            var article = new List<string>();
            var footer = new List<string>();
            foreach (var p in archived)
            {
                // Each archived paragraph kept, edited, moved out of the article, doubled, or dropped.
                switch (random.Next(6))
                {
                    case 0: header.Add(p); break;
                    case 1: footer.Add(p); article.Add(p); break;
                    case 2: article.Add(p + " Updated."); break;
                    case 3: break;
                    default: article.Add(p); break;
                }

                if (random.Next(5) == 0)
                {
                    article.Add(Pool[random.Next(Pool.Length)]);
                }
            }

            string Ps(IEnumerable<string> ps) => string.Concat(ps.Select(p => $"<p>{p}</p>"));
            var html = $"<html><head><title>T</title></head><body><header>{Ps(header)}</header><main><article><h1>T</h1>{Ps(article)}</article></main><footer>{Ps(footer)}</footer></body></html>";
            var seedText = $"<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n{Ps(archived)}\n";
            var seed = reader.Parse("/seeds/generated.txt", System.Text.Encoding.UTF8.GetBytes(seedText), DateTimeOffset.UnixEpoch).Seed!;
            var text = ContentComparer.Compare(seed, html, seed.SourceUrl, IgnoreRules.None);
            foreach (var (name, value) in new[] { ("similarity", text.Similarity), ("retained", text.Retained), ("coverage", text.Coverage), ("jaccard", text.Jaccard) })
            {
                Assert.That(value, Is.InRange(0.0, 1.0), $"{name} on case {n}: {html}");
            }

            foreach (var block in text.Blocks.Where(b => b.Similarity is not null))
            {
                Assert.That(block.Similarity!.Value, Is.InRange(0.0, 1.0), $"block similarity on case {n}");
            }
        }
    }
}

/// <summary>The seed's time limit reaches the text comparison: a huge live page stops it promptly.</summary>
public sealed class ComparisonTimeLimitTests
{
    [Test]
    public void AHugeLivePageStopsAtTheTimeLimit()
    {
        var seed = Articles.Read(Articles.Fixture("harbour-bridge"));
        var random = new Random(7);
        // Tens of thousands of paragraphs that each resemble the article, between its blocks: worst case for pairing.
        var words = string.Join(' ', seed.Document.Blocks.Select(b => b.Text)).Split(' ');
        var filler = string.Concat(Enumerable.Range(0, 40_000).Select(_ => "<p>" + string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)])) + "</p>"));
        var html = "<html><body><article>" + string.Concat(seed.Document.Blocks.Select(b => $"<p>{b.Text}</p>{filler[..Math.Min(filler.Length, 200_000)]}")) + filler + "</article></body></html>";
        using var limit = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(() => ContentComparer.Compare(seed, html, seed.SourceUrl, IgnoreRules.None, cancellationToken: limit.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "stopped soon after the limit, not at the end of the work");
    }
}

/// <summary>The live page is read up to a documented bound of text blocks before anything is paired.</summary>
public sealed class LivePageBoundTests
{
    [Test]
    public void BlocksPastTheBoundAreLeftOutOfTheComparison()
    {
        var seed = Articles.Read(Articles.Fixture("harbour-bridge"));
        var article = string.Concat(seed.Document.Blocks.Select(b => $"<p>{b.Text}</p>"));
        var filler = string.Concat(Enumerable.Range(0, ArticleLocator.MaxLiveBlocks).Select(i => $"<p>row {i}</p>"));
        var first = ContentComparer.Compare(seed, $"<html><body><article>{article}</article><div>{filler}</div></body></html>", seed.SourceUrl, IgnoreRules.None);
        Assert.That(first.Severity, Is.EqualTo(Severity.None), "the article within the bound is found whole");
        var last = ContentComparer.Compare(seed, $"<html><body><div>{filler}</div><article>{article}</article></body></html>", seed.SourceUrl, IgnoreRules.None);
        Assert.That(last.Retained, Is.Zero, "an article past the bound is not read");
    }
}
