namespace Archive.Tests.Cli;

/// <summary>Usage errors of <c>archive check</c>, caught before any browser or network is touched.</summary>
public sealed class CheckCommandTests
{
    [TestCase("--map", "nonsense", "map 'nonsense' is not FROM=TO")]
    [TestCase("--map", "https://a.example/=ftp://b/", "is not an absolute http(s) URL prefix")]
    [TestCase("--concurrency", "0", "--concurrency must be between 1 and 64")]
    [TestCase("--page-timeout", "-1", "--page-timeout must be a number of seconds")]
    [TestCase("--concurrency", "many", "many")]
    [TestCase("--ignore-selector", "div[", "--ignore-selector: 'div[' is not a valid CSS selector")]
    [TestCase("--mask", "(a)\\1", "--mask: '(a)\\1' uses a construct")]
    [TestCase("--ignore-rules", "/nonexistent/rules.json", "/nonexistent/rules.json: cannot be read")]
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
        foreach (var option in new[] { "--json", "--map", "--browser-path", "--browser-endpoint", "--concurrency", "--allow-private", "--snapshots", "--ignore-selector", "--mask", "--ignore-rules" })
        {
            Assert.That(output, Does.Contain(option));
        }
    }
}
