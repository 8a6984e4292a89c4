using Archive.Config;

namespace Archive.Tests.Config;

/// <summary>The README's settings table is made from the settings' definitions, not kept by hand beside them.</summary>
public sealed class SettingsTableTests
{
    private const string Begin = "<!-- settings:begin (made from CheckSettings.All: run the tests and paste what SettingsTableTests prints) -->";
    private const string End = "<!-- settings:end -->";

    [Test]
    public void TheReadmeTableIsTheOneTheSettingsMake()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var from = readme.IndexOf(Begin, StringComparison.Ordinal);
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(from >= 0 && to > from, Is.True, "README.md holds the settings table between its markers");
        var table = readme[(from + Begin.Length)..to].Trim('\n');
        var made = CheckSettings.MarkdownTable().Trim('\n');
        Assert.That(table, Is.EqualTo(made), "README.md's settings table is out of date; it should read:\n" + made);
    }

    [Test]
    public void EverySettingHasAKeyOrAnOptionAndTheyAreUnique()
    {
        Assert.That(CheckSettings.All.All(s => s.Key is not null || s.Option is not null), Is.True);
        Assert.That(CheckSettings.All.Select(s => s.Key).OfType<string>(), Is.Unique);
        Assert.That(CheckSettings.All.Select(s => s.Option).OfType<string>(), Is.Unique);
    }

    /// <summary>Both sides refuse a value through the setting's one check.</summary>
    [TestCase("concurrency", "--concurrency", "0", "must be between 1 and 64")]
    [TestCase("links.cacheTtl", "--cache-ttl", "tomorrow", "is not a duration")]
    [TestCase("screenshotScale", "--screenshot-scale", "3", "must be a number between 0.25 and 2")]
    public void TheCommandLineAndTheFileRefuseTheSameValue(string key, string option, string value, string problem)
    {
        var setting = CheckSettings.All.Single(s => s.Key == key);
        Assert.That(setting.Option, Is.EqualTo(option));
        Assert.That(setting.Problem([value]), Does.StartWith(option).And.Contain(problem));
        using var temp = new TempDirectory();
        var json = key.Contains('.', StringComparison.Ordinal) ? $$"""{ "{{key.Split('.')[0]}}": { "{{key.Split('.')[1]}}": "{{value}}" } }""" : $$"""{ "{{key}}": {{value}} }""";
        var error = Assert.Throws<ConfigException>(() => ArchiveConfig.Load(temp.Write("archive.json", json)));
        Assert.That(error!.Message, Does.Contain("$." + key));
    }
}
