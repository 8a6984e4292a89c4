using Archive.Config;
using Archive.Report;
using Archive.Tests.Cli;
using Archive.TestSite;

namespace Archive.Tests.Report;

/// <summary>A report format is its writer and one line in <see cref="ReportFormats.All"/>: the option, the config key, the default file and the writing all follow from it.</summary>
public sealed class ReportFormatsTests
{
    private static IEnumerable<string> Names() => ReportFormats.All.Select(w => w.Name);

    [TestCaseSource(nameof(Names))]
    public async Task EveryRegisteredFormatHasItsOptionItsConfigKeyAndItsDefaultFile(string name)
    {
        var writer = ReportFormats.Named(name)!;
        using var temp = new TempDirectory();
        Assert.That(ReportPaths.In(temp.Path)[name], Is.EqualTo(Path.Combine(temp.Path, writer.DefaultFile)));

        var config = ArchiveConfig.Load(temp.Write("archive.json", $$"""{ "{{name}}": "out/x" }"""));
        Assert.That(config.Get(CheckSettings.Outputs.Single(s => s.Key == name)), Is.EqualTo(Path.Combine(temp.Path, "out/x")), "archive.json takes the format's name as a key");

        var (_, help, _) = await CliRunner.Run("check", "--help");
        Assert.That(help, Does.Contain("--" + name), "archive check takes the format's name as an option");

        await new ReportPaths(new Dictionary<string, string?> { [name] = Path.Combine(temp.Path, "r", writer.DefaultFile) }).WriteAsync(SampleReports.EveryShape(), null, CancellationToken.None);
        Assert.That(Directory.GetFiles(Path.Combine(temp.Path, "r")), Is.EqualTo(new[] { Path.Combine(temp.Path, "r", writer.DefaultFile) }), "only that format is written");
    }

    [Test]
    public void AFormatThatIsNotRegisteredIsRefused() =>
        Assert.That(() => new ReportPaths(new Dictionary<string, string?> { ["pdf"] = "r.pdf" }), Throws.ArgumentException.With.Message.Contains("'pdf' is not a report format"));
}
