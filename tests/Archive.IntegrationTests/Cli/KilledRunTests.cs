using System.Diagnostics;
using System.Text.Json;
using Archive.IntegrationTests.Fixtures;

namespace Archive.IntegrationTests.Cli;

/// <summary>A real archive process, killed without warning half-way through a run.</summary>
public sealed class KilledRunTests
{
    [Test]
    public async Task KillingARunLeavesNoPartialSnapshotOrReportAndTheRestartResumes()
    {
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        using var scratch = new Scratch();
        SlowStories(site, scratch);

        using (var run = Start(site, scratch))
        {
            // Wait until captures are being written, then pull the plug.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((CompleteSnapshots(scratch.Snapshots).Count < 2 || JournalLines(scratch) < 3) && DateTime.UtcNow < deadline && !run.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.That(run.HasExited, Is.False, "the run should still be going when it is killed");
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        var seedFolders = Directory.GetDirectories(scratch.Snapshots).Where(d => Path.GetFileName(d) != "_media").ToList();
        var visible = seedFolders.SelectMany(Directory.GetDirectories).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        Assert.That(visible, Is.Not.Empty);
        Assert.That(visible.Where(d => !File.Exists(Path.Combine(d, "capture.json"))), Is.Empty, "every visible snapshot folder is complete");
        Assert.That(File.Exists(scratch.Report), Is.False, "the report is written whole or not at all");

        // What the killed run finished is in its journal; those seeds must not be checked again.
        var journaled = File.ReadAllLines(scratch.Report + ".journal").Skip(1)
            .Select(line => { try { return JsonDocument.Parse(line).RootElement.GetProperty("id").GetString(); } catch (JsonException) { return null; } })
            .OfType<string>()
            .ToList();
        Assert.That(journaled, Is.Not.Empty, "seeds finished before the kill are journaled");
        var hitsBefore = journaled.ToDictionary(id => id, id => site.Hits("/" + id));

        // The next run sweeps what the killed one left half-written and finishes the job.
        using (var again = Start(site, scratch))
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await again.WaitForExitAsync(limit.Token);
            Assert.That(again.ExitCode, Is.Zero, await again.StandardError.ReadToEndAsync());
        }

        Assert.That(seedFolders.SelectMany(d => Directory.GetDirectories(d, ".incomplete-*")), Is.Empty);
        Assert.That(journaled.ToDictionary(id => id, id => site.Hits("/" + id)), Is.EqualTo(hitsBefore), "no finished seed is checked twice");
        Assert.That(File.Exists(scratch.Report + ".journal"), Is.False, "a completed run leaves no journal");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.Report));
        Assert.That(report.RootElement.GetProperty("summary").GetProperty("unchanged").GetInt32(), Is.EqualTo(8));
        // The resumed run's report is the one an uninterrupted run writes.
        using (var whole = Start(site, scratch, "--fresh", "--json", scratch.Report + ".whole.json"))
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await whole.WaitForExitAsync(limit.Token);
        }

        using var uninterrupted = JsonDocument.Parse(await File.ReadAllTextAsync(scratch.Report + ".whole.json"));
        Assert.That(Outcomes(report), Is.EqualTo(Outcomes(uninterrupted)));
        foreach (var format in new[] { "index.html", "junit.xml", "summary.md" })
        {
            Assert.That(File.Exists(Path.Combine(scratch.Root, "reports", "latest", format)), Is.True, $"the CLI writes {format} by default beside --json's own path");
        }

    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public async Task ASignalEndsTheRunCleanlyWithTheShellsExitCodeAndKeepsTheJournal(string signal, int code)
    {
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        using var scratch = new Scratch();
        SlowStories(site, scratch);

        using var run = Start(site, scratch);
        var error = run.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (JournalLines(scratch) < 3 && DateTime.UtcNow < deadline && !run.HasExited)
        {
            await Task.Delay(50);
        }

        Assert.That(run.HasExited, Is.False, "the run should still be going when the signal comes");
        if (signal == "INT" && IgnoresInterrupts(run.Id))
        {
            // A background job of a non-interactive shell starts with SIGINT ignored, and the tool rightly keeps it so.
            run.Kill(entireProcessTree: true);
            Assert.Ignore("this test process's children start with SIGINT ignored (a background job of a non-interactive shell)");
        }

        using (var kill = Process.Start("kill", ["-" + signal, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.WaitForExitAsync(limit.Token);
        var said = await error;
        Assert.That(run.ExitCode, Is.EqualTo(code), said);
        Assert.That(said.TrimEnd().Split('\n')[^1], Does.Match(@"^interrupted: \d of 8 seeds checked; run again to resume$"));
        Assert.That(said, Does.Not.Contain("Exception"));
        Assert.That(File.Exists(scratch.Report + ".journal"), Is.True, "the journal is kept for the next run");
        Assert.That(File.Exists(scratch.Report), Is.False, "no report of a half run");
    }

    /// <summary>Eight seeds whose pages each take 0.7 s to answer: a run long enough to be stopped half-way.</summary>
    private static void SlowStories(LiveSite site, Scratch scratch)
    {
        for (var i = 0; i < 8; i++)
        {
            var path = $"/story-{i}";
            site.Route(path, async context =>
            {
                await Task.Delay(700, context.RequestAborted);
                context.Response.ContentType = "text/html; charset=utf-8";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, Pages.Article("王毅见普京", Pages.Paragraphs), context.RequestAborted);
            });
            Pages.Seed(scratch.Seeds, $"story-{i}", LiveSite.Public(path), Pages.Body(Pages.Paragraphs));
        }
    }

    /// <summary>Each seed's outcome, without what differs between any two runs (times, snapshot names).</summary>
    private static List<string> Outcomes(JsonDocument report) =>
        report.RootElement.GetProperty("seeds").EnumerateArray()
            .Select(s => $"{s.GetProperty("id")}|{s.GetProperty("status")}|{s.GetProperty("reason")}|{s.GetProperty("text").GetProperty("similarity")}|{s.GetProperty("breaches")}|{s.GetProperty("exit")}")
            .ToList();

    private static Process Start(LiveSite site, Scratch scratch, params string[] more)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = scratch.Root,
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "archive.dll"), "check", scratch.Seeds, "--map", site.Map,
            "--concurrency", "2", "--snapshots", scratch.Snapshots, "--no-memento",
            .. more.Contains("--json") ? more : [.. more, "--json", scratch.Report],
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Whether the process ignores SIGINT, from the SigIgn mask in /proc (bit 2 for signal 2).</summary>
    private static bool IgnoresInterrupts(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    private static int JournalLines(Scratch scratch)
    {
        try
        {
            using var stream = new FileStream(scratch.Report + ".journal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static List<string> CompleteSnapshots(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "capture.json", SearchOption.AllDirectories).ToList()
            : [];

    private sealed class Scratch : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("archive-killed-").FullName;

        public string Seeds => Path.Combine(Root, "seeds");

        public string Snapshots => Path.Combine(Root, "snapshots");

        public string Report => Path.Combine(Root, "reports", "report.json");

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
