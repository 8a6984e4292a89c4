using System.Text.Json;

namespace Archive.Tests.Cli;

public sealed class SeedsCommandTests
{
    [Test]
    public async Task ListsTheUserSeedAsATable()
    {
        var (exit, output, _) = await CliRunner.Run("seeds", TestPaths.Seeds);
        Assert.That(exit, Is.Zero);
        var row = output.Split('\n').Single(l => l.Contains("000_4506d4644e1b47ed", StringComparison.Ordinal));
        Assert.That(row, Does.Contain("2023-09-20 15:15:02").And.Contain("https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230920-"));
        Assert.That(row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^3..], Is.EqualTo(new[] { "9", "1", "4" }), "blocks, images, links");
        Assert.That(output, Does.Contain("1 seed(s): 1 valid, 0 invalid"));
        foreach (var header in new[] { "id", "archived at", "source URL", "blocks", "images", "links" })
        {
            Assert.That(output, Does.Contain(header));
        }
    }

    [Test]
    public async Task JsonListsEverySeedAndEveryError()
    {
        using var dir = new TempDirectory();
        File.Copy(TestPaths.UserSeed, Path.Combine(dir.Path, "good.txt"));
        dir.Write("bad.txt", "<!--x-->\n[T](https://news.example/a)\n------\n\n<p>x</p>");

        var (exit, output, _) = await CliRunner.Run("seeds", dir.Path, "--json");
        Assert.That(exit, Is.EqualTo(2), "an invalid seed is an input error");
        using var json = JsonDocument.Parse(output);
        var seeds = json.RootElement.GetProperty("seeds");
        Assert.That(seeds.GetArrayLength(), Is.EqualTo(2));
        var bad = seeds[0];
        var good = seeds[1];
        Assert.Multiple(() =>
        {
            Assert.That(bad.GetProperty("id").GetString(), Is.EqualTo("bad"));
            Assert.That(bad.GetProperty("error").GetProperty("line").GetInt32(), Is.EqualTo(1));
            Assert.That(bad.GetProperty("error").GetProperty("message").GetString(), Does.Contain("is not a number of Unix milliseconds"));
            Assert.That(good.GetProperty("title").GetString(), Is.EqualTo("王毅见普京 : 呼吁维护中俄共同的正当利益"));
            Assert.That(good.GetProperty("archivedAt").GetString(), Is.EqualTo("2023-09-20T15:15:02+00:00"));
            Assert.That(good.GetProperty("format").GetString(), Is.EqualTo("archive"));
            Assert.That(good.GetProperty("images").GetInt32(), Is.EqualTo(1));
            Assert.That(good.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.RootElement.GetProperty("invalid").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task InvalidSeedsAreListedWithTheirErrorsInTheTable()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("broken.txt", "<!--1695222902000-->\n[No URL]\n------\n\n<p>x</p>");
        var (exit, output, _) = await CliRunner.Run("seeds", dir.Path);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"invalid {bad}:2: the title line has no source URL"));
    }

    [Test]
    public async Task AMissingDirectoryIsAnInputError()
    {
        var (exit, output, _) = await CliRunner.Run("seeds", "/no/such/dir");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain("/no/such/dir: no such file or directory"));
    }

    [Test]
    public async Task UnknownOptionIsAUsageError()
    {
        var (exit, _, error) = await CliRunner.Run("seeds", "--no-such-option");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--no-such-option"));
    }

    [Test]
    public async Task UnknownCommandIsAUsageError()
    {
        var (exit, _, _) = await CliRunner.Run("frobnicate");
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public async Task HelpAndVersion()
    {
        var help = await CliRunner.Run("--help");
        Assert.That(help.Exit, Is.Zero);
        Assert.That(help.Out, Does.Contain("seeds"));
        var version = await CliRunner.Run("--version");
        Assert.That(version.Exit, Is.Zero);
        Assert.That(version.Out, Does.Match(@"^\d+\.\d+\.\d+"));
    }
}
