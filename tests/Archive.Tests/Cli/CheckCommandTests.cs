namespace Archive.Tests.Cli;

/// <summary>Usage errors of <c>archive check</c>, caught before any browser or network is touched.</summary>
public sealed class CheckCommandTests
{
    [TestCase("--map", "nonsense", "map 'nonsense' is not FROM=TO")]
    [TestCase("--map", "https://a.example/=ftp://b/", "is not an absolute http(s) URL prefix")]
    [TestCase("--concurrency", "0", "--concurrency must be between 1 and 64")]
    [TestCase("--seeds-per-tab", "0", "--seeds-per-tab must be between 1 and 100000")]
    [TestCase("--page-timeout", "-1", "--page-timeout must be a number of seconds")]
    [TestCase("--concurrency", "many", "many")]
    [TestCase("--ignore-selector", "div[", "--ignore-selector: 'div[' is not a valid CSS selector")]
    [TestCase("--mask", "(a)\\1", "--mask: '(a)\\1' uses a construct")]
    [TestCase("--ignore-rules", "/nonexistent/rules.json", "/nonexistent/rules.json: cannot be read")]
    [TestCase("--exclude", "(a)\\1", "--exclude '(a)\\1' is not a usable regular expression")]
    [TestCase("--cache-ttl", "tomorrow", "--cache-ttl 'tomorrow' is not a duration")]
    [TestCase("--memento-timegate", "ftp://archive.example/", "--memento-timegate must be an absolute http(s) URL")]
    [TestCase("--link-concurrency", "0", "--link-concurrency must be between 1 and 1024")]
    [TestCase("--screenshots", "some", "--screenshots must be findings, all or none, not 'some'")]
    [TestCase("--notify", "hooks.slack.com/services/x", "--notify '(not a URL)' is not an http(s) URL")]
    public async Task BadOptionsAreUsageErrors(string option, string value, string message)
    {
        var (exit, _, error) = await CliRunner.Run("check", TestPaths.Seeds, option, value);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task HelpNamesTheOptionsScriptsRelyOn()
    {
        var (exit, output, _) = await CliRunner.Run("check", "--help");
        Assert.That(exit, Is.Zero);
        foreach (var option in new[] { "--json", "--map", "--browser-path", "--browser-endpoint", "--concurrency", "--allow-private", "--snapshots", "--ignore-selector", "--mask", "--ignore-rules", "--exclude", "--cache-ttl", "--link-cache", "--user-agent", "--memento-timegate", "--no-memento", "--no-links" })
        {
            Assert.That(output, Does.Contain(option));
        }
    }

    [Test]
    public async Task ADamagedLinkCacheIsAnInputErrorNamingIt()
    {
        using var temp = new TempDirectory();
        var cache = temp.Write("links.json", "{ damaged");
        var (exit, _, error) = await CliRunner.Run("check", temp.Path, "--no-snapshots", "--cache-ttl", "1h", "--link-cache", cache, "--json", Path.Combine(temp.Path, "r.json"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(cache).And.Contain("not a link cache"));
        Assert.That(File.ReadAllText(cache), Is.EqualTo("{ damaged"), "the user's file is left as it was");
    }
}
