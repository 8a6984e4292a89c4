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
