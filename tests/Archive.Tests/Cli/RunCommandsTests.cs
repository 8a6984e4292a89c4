using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Cli;

/// <summary>
/// Gating CI from the command line, without a browser: seeds whose hosts never resolve (.invalid is answered
/// without a DNS query) or a local server with no browser to render it. Exit codes as a matrix, config errors,
/// shards merged into exactly the unsharded run, <c>--stale-after</c>, history and accept.
/// </summary>
public sealed class RunCommandsTests
{
    private static void WriteDeadSeeds(TempDirectory dir, int count)
    {
        for (var i = 0; i < count; i++)
        {
            dir.Write($"seeds/dead-{i:00}.txt", $"<!--1695222902000-->\n[Gone {i}](https://site-{i}.invalid/story)\n------\n\n<p>Text {i}</p>\n");
        }
    }

    private static Task<(int Exit, string Out, string Error)> Check(TempDirectory dir, string reports, params string[] more) =>
        CliRunner.Run(["check", Path.Combine(dir.Path, "seeds"), "--reports", Path.Combine(dir.Path, reports), "--snapshots", Path.Combine(dir.Path, "snapshots"), "--no-memento", .. more]);

    [Test]
    public async Task DeadPagesBreakTheDefaultPolicyAndPassWhenThePolicyAllowsThem()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 2);
        Assert.That((await Check(dir, "r1")).Exit, Is.EqualTo(1));
        var config = dir.Write("archive.json", """{ "policy": { "dead": false } }""");
        var (exit, output, _) = await Check(dir, "r2", "--config", config);
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("0 break the policy"));
    }

    [Test]
    public async Task AnUnreadableSeedIsAnInputError()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 1);
        dir.Write("seeds/broken.txt", "this is not a seed");
        var config = dir.Write("archive.json", """{ "policy": { "dead": false } }""");
        Assert.That((await Check(dir, "r", "--config", config)).Exit, Is.EqualTo(2));
    }

    [Test]
    public async Task ABrowserThatCannotStartIsAToolFailure()
    {
        using var dir = new TempDirectory();
        await using var site = await LiveSite.StartAsync();
        site.Html("/story", "<html><head><title>Story</title></head><body><p>The story.</p></body></html>");
        dir.Write("seeds/story.txt", $"<!--1695222902000-->\n[Story]({LiveSite.Public("story").AbsoluteUri})\n------\n\n<p>The story.</p>\n");
        var (exit, _, _) = await Check(dir, "r", "--map", site.Map, "--browser-path", "/no/such/browser", "--no-links");
        Assert.That(exit, Is.EqualTo(3));
    }

    [Test]
    public async Task ABadConfigIsAnInputErrorNamingThePlace()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 1);
        var config = dir.Write("archive.json", """{ "policy": { "changed": "sometimes" } }""");
        var (exit, _, error) = await Check(dir, "r", "--config", config);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(config).And.Contain("$.policy.changed"));
    }

    [Test]
    public async Task ConfigFillsInWhatTheCommandLineDoesNotSay()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 3);
        var config = dir.Write("archive.json", $$"""{ "seeds": ["{{Path.Combine(dir.Path, "seeds").Replace("\\", "/", StringComparison.Ordinal)}}/dead-0*.txt"], "policy": { "dead": false } }""");
        var (exit, output, _) = await CliRunner.Run("check", "--config", config, "--reports", Path.Combine(dir.Path, "r"), "--no-snapshots", "--no-memento");
        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain("\n3 seed(s):"));
        var (_, named, _) = await CliRunner.Run("check", Path.Combine(dir.Path, "seeds", "dead-01.txt"), "--config", config, "--reports", Path.Combine(dir.Path, "r2"), "--no-snapshots", "--no-memento");
        Assert.That(named, Does.Contain("\n1 seed(s):"), "the seed named on the command line, not the config's three");
    }

    /// <summary>A setting whose two values end a run differently: the config's refuses a private address (input error), the command line's lets it through to a dead page the policy allows.</summary>
    [Test]
    public async Task TheCommandLineWinsOverTheConfig()
    {
        using var dir = new TempDirectory();
        dir.Write("seeds/local.txt", "<!--1695222902000-->\n[Local](http://127.0.0.1:1/story)\n------\n\n<p>Text</p>\n");
        var config = dir.Write("archive.json", """{ "allowPrivate": false, "policy": { "dead": false } }""");
        var (configSays, _, _) = await Check(dir, "r1", "--config", config, "--no-snapshots");
        Assert.That(configSays, Is.EqualTo((int)ExitCode.InputError), "the config keeps private addresses refused");
        var (cliSays, output, _) = await Check(dir, "r2", "--config", config, "--no-snapshots", "--allow-private");
        Assert.That(cliSays, Is.EqualTo((int)ExitCode.Clean), "the command line lets the address through: a dead page, which the config's policy allows");
        Assert.That(output, Does.Contain("1 dead"));
    }

    [Test]
    public async Task ShardsMergeIntoTheUnshardedRun()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 12);
        // Snapshot folders are named by the time of the capture; as separate machines would, the runs keep none.
        await Check(dir, "whole", "--no-snapshots");
        var shards = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            await Check(dir, $"shard-{i}", "--shard", $"{i}/3", "--no-snapshots");
            shards.Add(Path.Combine(dir.Path, $"shard-{i}", "report.json"));
        }

        var ids = shards.SelectMany(s => JsonNode.Parse(File.ReadAllText(s))!["seeds"]!.AsArray().Select(x => (string)x!["id"]!)).ToList();
        Assert.That(ids.Order(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => $"dead-{i:00}")), "every seed in exactly one shard");

        var (exit, _, _) = await CliRunner.Run(["merge", .. shards, "--reports", Path.Combine(dir.Path, "merged")]);
        Assert.That(exit, Is.EqualTo(1), "the exit code the unsharded run had");
        Assert.That(WithoutTimings(Path.Combine(dir.Path, "merged", "report.json")), Is.EqualTo(WithoutTimings(Path.Combine(dir.Path, "whole", "report.json"))));
        Assert.That(File.Exists(Path.Combine(dir.Path, "merged", "index.html")) && File.Exists(Path.Combine(dir.Path, "merged", "junit.xml")) && File.Exists(Path.Combine(dir.Path, "merged", "summary.md")), Is.True);
    }

    [Test]
    public async Task AMergeRefusesAMissingDuplicatedOrForeignShardUnlessToldToGoOnWithTheGapRecorded()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 6);
        string Shard(int i) => Path.Combine(dir.Path, $"shard-{i}", "report.json");
        for (var i = 1; i <= 3; i++)
        {
            await Check(dir, $"shard-{i}", "--shard", $"{i}/3", "--no-snapshots");
        }

        var report = JsonNode.Parse(File.ReadAllText(Shard(2)))!;
        Assert.That(((int)report["shard"]!["index"]!, (int)report["shard"]!["count"]!), Is.EqualTo((2, 3)), "each report records its shard");
        Assert.That((string?)report["seedList"], Is.Not.Empty);

        var (missing, _, missingError) = await CliRunner.Run("merge", Shard(1), Shard(3), "--reports", Path.Combine(dir.Path, "m1"));
        Assert.That(missing, Is.EqualTo(2));
        Assert.That(missingError, Does.Contain("shard(s) 2 of 3 missing"));
        Assert.That(Directory.Exists(Path.Combine(dir.Path, "m1")), Is.False, "nothing written");

        var (twice, _, twiceError) = await CliRunner.Run("merge", Shard(1), Shard(1), Shard(2), Shard(3), "--reports", Path.Combine(dir.Path, "m2"));
        Assert.That(twice, Is.EqualTo(2));
        Assert.That(twiceError, Does.Contain("is shard 1 of 3 again"));

        dir.Write("other/seeds/elsewhere.txt", "<!--1695222902000-->\n[Other](https://other.invalid/story)\n------\n\n<p>Other</p>\n");
        await CliRunner.Run("check", Path.Combine(dir.Path, "other", "seeds"), "--reports", Path.Combine(dir.Path, "other", "r"), "--no-snapshots", "--no-memento", "--shard", "2/3");
        var (foreign, _, foreignError) = await CliRunner.Run("merge", Shard(1), Path.Combine(dir.Path, "other", "r", "report.json"), Shard(3), "--reports", Path.Combine(dir.Path, "m3"));
        Assert.That(foreign, Is.EqualTo(2));
        Assert.That(foreignError, Does.Contain("from a run over other seeds"));

        var partial = Path.Combine(dir.Path, "partial");
        var (allowed, output, _) = await CliRunner.Run("merge", Shard(1), Shard(3), "--allow-partial", "--reports", partial, "--json", "-");
        Assert.That(allowed, Is.EqualTo(1), "the dead seeds still break the policy");
        var merged = JsonNode.Parse(output)!;
        Assert.That(merged["missingShards"]!.AsArray().Select(x => (int)x!), Is.EqualTo(new[] { 2 }), "the gap in the JSON report, on standard output");
        Assert.That(ReportSchema.Errors(output), Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(partial, "summary.md")), Does.Contain("partial: shard(s) 2 missing"));
        Assert.That(File.ReadAllText(Path.Combine(partial, "junit.xml")), Does.Contain("shard 2 is missing from this merge"));
        Assert.That(File.ReadAllText(Path.Combine(partial, "index.html")), Does.Contain("partial: shard(s) 2 missing"));
    }

    [Test]
    public async Task StaleAfterSkipsSeedsCheckedRecently()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 3);
        await Check(dir, "first");
        var (_, output, _) = await Check(dir, "second", "--stale-after", "1h");
        Assert.That(output, Does.StartWith("0 seed(s):"));
        var (_, later, _) = await Check(dir, "third", "--stale-after", "1s");
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        (_, later, _) = await Check(dir, "fourth", "--stale-after", "1s");
        Assert.That(later, Does.Contain("\n3 seed(s):"));

        var (historyExit, history, _) = await CliRunner.Run("history", "dead-00", "--snapshots", Path.Combine(dir.Path, "snapshots"));
        Assert.That(historyExit, Is.Zero);
        Assert.That(Regex.Count(history, " dead "), Is.GreaterThanOrEqualTo(3), history);
        Assert.That(Regex.Count(history, @"new \(1\)"), Is.EqualTo(1), "only the first check found the page dead anew\n" + history);

        var (jsonExit, json, _) = await CliRunner.Run("history", "dead-00", "--json", "--snapshots", Path.Combine(dir.Path, "snapshots"));
        Assert.That(jsonExit, Is.Zero);
        var entries = JsonNode.Parse(json)!.AsArray();
        Assert.That(entries.Select(e => (string)e!["status"]!), Has.All.EqualTo("dead"));
        Assert.That(entries.Select(e => (int)e!["newBreaches"]!), Is.EqualTo(new[] { 1 }.Concat(Enumerable.Repeat(0, entries.Count - 1))), "new drift once, then the same drift again");

        var (_, all, _) = await CliRunner.Run("history", "--snapshots", Path.Combine(dir.Path, "snapshots"));
        Assert.That(all, Does.Contain("new"), "the overview has the column");
    }

    [Test]
    public async Task AcceptNeedsACheckedCapture()
    {
        using var dir = new TempDirectory();
        var (exit, _, error) = await CliRunner.Run("accept", "nothing-here", "--snapshots", Path.Combine(dir.Path, "snapshots"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("run 'archive check' first"));
    }

    /// <summary>The report with what differs between two runs of the same seeds removed: when, and how long.</summary>
    private static string WithoutTimings(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["startedAt"] = null;
        json["finishedAt"] = null;
        foreach (var seed in json["seeds"]!.AsArray())
        {
            seed!["page"]!["timings"] = null;
            foreach (var link in seed["links"]!.AsArray())
            {
                link!["checkedAt"] = null;
            }
        }

        return json.ToJsonString();
    }
}
