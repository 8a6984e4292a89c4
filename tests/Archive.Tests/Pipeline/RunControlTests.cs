using Archive.Pipeline;
using Archive.Report;
using Archive.Snapshots;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Pipeline;

/// <summary>Shards, the history, and the journal that lets a killed run resume.</summary>
public sealed class RunControlTests
{
    [Test]
    public void ShardsCoverEverySeedExactlyOnce()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"seed-{i}").ToList();
        var parts = Enumerable.Range(1, 3).Select(i => ids.Where(new Shard(i, 3).Contains).ToList()).ToList();
        Assert.That(parts.SelectMany(p => p).Order(), Is.EqualTo(ids.Order()));
        Assert.That(parts.Select(p => p.Count), Has.All.InRange(280, 390), "a fair split");
        Assert.That(ids.Where(new Shard(2, 3).Contains), Is.EqualTo(parts[1]), "the same split every time");
    }

    [TestCase("2/3", true)]
    [TestCase("0/3", false)]
    [TestCase("4/3", false)]
    [TestCase("3", false)]
    [TestCase("a/b", false)]
    public void ShardsAreIOfN(string text, bool valid) => Assert.That(Shard.TryParse(text, out _, out _), Is.EqualTo(valid));

    [Test]
    public void HistorySurvivesATornLine()
    {
        using var temp = new TempDirectory();
        var history = new HistoryStore(temp.Path);
        var seed = SampleReports.EveryShape().Seeds[0];
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        history.Append(SeedProjection.History(seed, at, at));
        File.AppendAllText(history.Path, "{\"runStartedAt\":\"2026-11-02"); // a run killed mid-line
        history.Append(SeedProjection.History(seed, at.AddDays(2), at.AddDays(2)));
        Assert.That(history.Read().Select(e => e.CheckedAt), Is.EqualTo(new[] { at, at.AddDays(2) }));
        Assert.That(history.Latest()[seed.Id].CheckedAt, Is.EqualTo(at.AddDays(2)));
    }

    [Test]
    public void HistoryKeepsHowLongEachCheckTookAndReadsLinesWrittenWithout()
    {
        using var temp = new TempDirectory();
        var history = new HistoryStore(temp.Path);
        var seed = SampleReports.EveryShape().Seeds.First(s => s.Page.Timings is not null);
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        File.WriteAllText(history.Path, "{\"runStartedAt\":\"2026-10-01T00:00:00+00:00\",\"checkedAt\":\"2026-10-01T00:00:00+00:00\",\"id\":\"old\",\"status\":\"dead\",\"similarity\":null,\"mediaDrifted\":0,\"deadLinks\":0,\"breaches\":1,\"snapshot\":null}\n");
        history.Append(SeedProjection.History(seed, at, at));
        var latest = history.Latest();
        Assert.That(latest[seed.Id].Seconds, Is.EqualTo(Math.Round(seed.Page.Timings!.TotalMs / 1000, 1)));
        Assert.That(latest["old"].Seconds, Is.Null, "a line from before durations were kept is read, without one");
        Assert.That(latest.Keys, Is.EquivalentTo(new[] { "old", seed.Id }));
    }

    [Test]
    public void AJournalResumesItsOwnRunAndNoOther()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "report.json.journal");
        var seeds = SampleReports.EveryShape().Seeds;
        using (var first = RunJournal.Open(path, "run-1"))
        {
            first.Append(seeds[0]);
            first.Append(seeds[1]);
        }

        File.AppendAllText(path, "{\"id\":\"torn"); // killed mid-line
        using (var again = RunJournal.Open(path, "run-1"))
        {
            Assert.That(again.Finished.Keys, Is.EquivalentTo(new[] { seeds[0].Id, seeds[1].Id }), "keyed by seed id, which a file of several seeds gives each");
            Assert.That(JsonReport.Serialize(SampleReports.EveryShape() with { Seeds = [again.Finished[seeds[1].Id]] }), Is.EqualTo(JsonReport.Serialize(SampleReports.EveryShape() with { Seeds = [seeds[1]] })), "kept whole");
        }

        using var other = RunJournal.Open(path, "run-2");
        Assert.That(other.Finished, Is.Empty);
    }
}
