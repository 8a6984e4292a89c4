using Archive.Diff;

namespace Archive.Tests.Diff;

public sealed class TokenDiffTests
{
    private static List<(EditOp, string)> Diff(string archived, string live)
    {
        var interner = new TokenInterner();
        return TokenDiff.Compare(interner.Tokenize(archived), interner.Tokenize(live)).Changes.Select(c => (c.Op, c.Text)).ToList();
    }

    [Test]
    public void OneChangedWordIsHighlightedAlone() =>
        Assert.That(Diff("The council voted on Tuesday.", "The council voted on Wednesday."), Is.EqualTo(new[]
        {
            (EditOp.Equal, "The council voted on "), (EditOp.Delete, "Tuesday"), (EditOp.Insert, "Wednesday"), (EditOp.Equal, "."),
        }));

    [Test]
    public void OneChangedChineseCharacterIsHighlightedAlone() =>
        Assert.That(Diff("中俄应共同努力维护两国利益", "中俄应共同努力维持两国利益"), Is.EqualTo(new[]
        {
            (EditOp.Equal, "中俄应共同努力维"), (EditOp.Delete, "护"), (EditOp.Insert, "持"), (EditOp.Equal, "两国利益"),
        }));

    [Test]
    public void AShortKeptWordBetweenTwoLargerEditsFoldsIntoThem()
    {
        var changes = Diff("the quick brown fox jumps", "a slow brown lazy dog jumps");
        Assert.That(changes, Is.EqualTo(new[]
        {
            (EditOp.Delete, "the quick brown fox "), (EditOp.Insert, "a slow brown lazy dog "), (EditOp.Equal, "jumps"),
        }));
    }

    [Test]
    public void SidesRebuildFromTheChanges()
    {
        const string archived = "Work is expected to begin in March and last about eight months.";
        const string live = "Work will begin in April and last about nine months, officials said.";
        var changes = Diff(archived, live);
        var oldSide = string.Concat(changes.Where(c => c.Item1 != EditOp.Insert).Select(c => c.Item2));
        var newSide = string.Concat(changes.Where(c => c.Item1 != EditOp.Delete).Select(c => c.Item2));
        Assert.That(oldSide, Is.EqualTo(archived));
        Assert.That(newSide, Is.EqualTo(live));
    }
}
