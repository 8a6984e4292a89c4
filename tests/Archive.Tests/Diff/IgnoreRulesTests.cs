using Archive.Diff;

namespace Archive.Tests.Diff;

public sealed class IgnoreRulesTests
{
    [Test]
    public void MasksReplaceVolatileTextOnBothSidesAlike()
    {
        var rules = IgnoreRules.Create([], [@"\d+ 分钟前"], "--mask");
        Assert.That(rules.Mask("更新于 17 分钟前"), Is.EqualTo(rules.Mask("更新于 3 分钟前")));
    }

    [TestCase("div[", "'div[' is not a valid CSS selector")]
    [TestCase("::nonsense(", "is not a valid CSS selector")]
    public void ABadSelectorIsNamedWithWhereItCameFrom(string selector, string message)
    {
        var e = Assert.Throws<IgnoreRuleException>(() => IgnoreRules.Create([selector], [], "--ignore-selector"));
        Assert.That(e!.Message, Does.StartWith("--ignore-selector: ").And.Contain(message));
    }

    [TestCase("(unclosed", "not a valid regular expression")]
    [TestCase(@"(a)\1", "linear-time matching does not support")]
    [TestCase("x*", "matches empty text")]
    public void ABadPatternIsNamedWithWhereItCameFrom(string pattern, string message)
    {
        var e = Assert.Throws<IgnoreRuleException>(() => IgnoreRules.Create([], [pattern], "rules.json: all"));
        Assert.That(e!.Message, Does.StartWith("rules.json: all: ").And.Contain(message));
    }

    [Test]
    public void AHostilePatternOnAHostileTextFinishesInLinearTime()
    {
        var rules = IgnoreRules.Create([], ["(a+)+b"], "--mask");
        var text = new string('a', 100_000);
        Assert.That(rules.Mask(text), Is.EqualTo(text));
    }

    [Test]
    public void ARulesFileAppliesToTheSeedsItNames()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "rules.json");
        File.WriteAllText(path, """
            {
              // comments and trailing commas are fine
              "all": { "masks": ["\\d+ views"] },
              "seeds": [
                { "id": "rfi-*", "selectors": [".poll"] },
                { "url": "https://news.example/live/", "masks": ["Updated \\d+:\\d+"], },
              ],
            }
            """);
        var set = IgnoreRuleSet.Load(path);
        var rfi = DriftArticles.Read(TestPaths.UserSeed) with { Id = "rfi-1" };
        var other = rfi with { Id = "bbc-1" };
        var live = other with { SourceUrl = new Uri("https://news.example/live/42") };
        Assert.Multiple(() =>
        {
            Assert.That(set.For(rfi).Selectors, Is.EqualTo(new[] { ".poll" }));
            Assert.That(set.For(rfi).Masks, Has.Count.EqualTo(1));
            Assert.That(set.For(other).Selectors, Is.Empty);
            Assert.That(set.For(live).Masks, Has.Count.EqualTo(2));
        });
    }

    [TestCase("[1, 2]", "expected an object")]
    [TestCase("{\"al\": {}}", "unknown key \"al\"")]
    [TestCase("{\"seeds\": [{\"masks\": [\"x\"]}]}", "seeds[0]: needs \"id\"")]
    [TestCase("{\"all\": {\"masks\": \"x\"}}", "all.masks: expected an array of strings")]
    [TestCase("{\"all\": {\"selectors\": [\"div[\"]}}", "all: 'div[' is not a valid CSS selector")]
    [TestCase("{not json", "not valid JSON")]
    public void ABadRulesFileIsNamedWithThePlaceThatIsWrong(string json, string message)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "rules.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<IgnoreRuleException>(() => IgnoreRuleSet.Load(path));
        Assert.That(e!.Message, Does.StartWith(path + ":").And.Contain(message));
    }
}
