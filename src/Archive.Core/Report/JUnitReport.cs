using System.Globalization;
using System.Xml.Linq;
using Archive.Verdict;

namespace Archive.Report;

/// <summary>
/// <c>junit.xml</c>: one test case per seed, in the shape Jenkins, GitLab, GitHub and Azure read (the Ant/Jenkins
/// JUnit schema): a seed that breaks the policy is a <c>failure</c> naming its breaches, one that could not be
/// checked an <c>error</c>.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(RunReport report)
    {
        var seeds = report.Seeds;
        var failures = seeds.Count(s => s.Status != SeedStatus.Error && s.Breaches.Count > 0);
        var missing = report.MissingShards ?? [];
        var tests = seeds.Count + missing.Count;
        var errors = seeds.Count(s => s.Status == SeedStatus.Error) + missing.Count;
        var seconds = (report.FinishedAt - report.StartedAt).TotalSeconds;
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "archive check"),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(seconds)),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", Environment.MachineName),
            new XElement("properties", new XElement("property", new XAttribute("name", "tool"), new XAttribute("value", $"{report.Tool.Name} {report.Tool.Version}"))),
            seeds.Select(TestCase),
            missing.Select(index => MissingShard(index, report)));
        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", "archive"),
                new XAttribute("tests", tests),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                new XAttribute("time", Seconds(seconds)),
                suite));
    }

    /// <summary>The whole document as the file holds it: declaration, root, final line break.</summary>
    public static string Text(RunReport report)
    {
        var document = Build(report);
        return document.Declaration + "\n" + document.Root + "\n";
    }

    /// <summary>A shard a partial merge went without: an error, so that no CI reader takes the run for whole.</summary>
    private static XElement MissingShard(int index, RunReport report) => new(
        "testcase",
        new XAttribute("name", $"shard {index}"),
        new XAttribute("classname", "archive.merge"),
        new XAttribute("time", "0"),
        new XElement("error", new XAttribute("message", $"shard {index} is missing from this merge"), report.Gap));

    private static XElement TestCase(SeedReport seed)
    {
        var testCase = new XElement(
            "testcase",
            new XAttribute("name", seed.Id),
            new XAttribute("classname", "archive." + (Host(seed.SourceUrl) ?? "unreadable")),
            new XAttribute("time", Seconds((seed.Page.Timings?.TotalMs ?? 0) / 1000)),
            new XAttribute("file", seed.Path));
        var message = seed.Reason ?? seed.Status.ToString().ToLowerInvariant();
        if (seed.Status == SeedStatus.Error)
        {
            testCase.Add(new XElement("error", new XAttribute("message", message), new XAttribute("type", "error"), Details(seed)));
        }
        else if (seed.Breaches.Count > 0)
        {
            // A failure is a broken threshold, not merely a change: an accepted or tolerated change passes.
            testCase.Add(new XElement("failure", new XAttribute("message", string.Join("; ", seed.Breaches)), new XAttribute("type", seed.Status.ToString().ToLowerInvariant()), Details(seed)));
        }

        testCase.Add(new XElement("system-out", $"{seed.SourceUrl}\nstatus: {seed.Status.ToString().ToLowerInvariant()}{(seed.Snapshot is null ? string.Empty : "\nsnapshot: " + seed.Snapshot)}"));
        return testCase;
    }

    /// <summary>The body of a failure: what a person needs without opening the HTML report.</summary>
    private static string Details(SeedReport seed)
    {
        var lines = new List<string> { $"source: {seed.SourceUrl}", $"reason: {seed.Reason}" };
        if (seed.Text.Similarity is { } similarity)
        {
            lines.Add($"text similarity: {similarity.ToString("0.###", CultureInfo.InvariantCulture)} ({seed.Text.Severity?.ToString().ToLowerInvariant()})");
        }

        foreach (var block in seed.Text.Blocks.Where(b => b.IsDrift).Take(10))
        {
            lines.Add($"  {block.Op.ToString().ToLowerInvariant()}{(block.Title ? " (title)" : string.Empty)}: {Clip(block.Archived)} → {Clip(block.Live)}");
        }

        lines.AddRange(seed.Media.Where(m => m.Status is not (Media.MediaStatus.Same or Media.MediaStatus.Resized)).Select(m => $"  image {m.Status.ToString().ToLowerInvariant()}: {m.ArchivedUrl} {m.Reason}"));
        return string.Join("\n", lines);
    }

    private static string Clip(string? text) => text is null ? "∅" : text.Length <= 120 ? text : text[..117] + "…";

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    private static string Seconds(double seconds) => Math.Max(0, seconds).ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>JUnit XML: a test case per seed, for CI test tabs.</summary>
internal sealed class JUnitReportWriter : FileReportWriter
{
    public override string Name => "junit";

    public override string DefaultFile => "junit.xml";

    public override string Description => "Where to write JUnit XML: one test case per seed, failing when it breaks the policy, in error when it could not be checked ('-' for standard output).";

    public override Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken) =>
        WriteTextAsync(stream, JUnitReport.Text(report), cancellationToken);
}
