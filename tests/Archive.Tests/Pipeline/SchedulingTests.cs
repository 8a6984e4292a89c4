using Archive.Pipeline;
using Archive.Seeds;
using Archive.Snapshots;

namespace Archive.Tests.Pipeline;

/// <summary>Seeds that took longest last time start first, so a page that hangs overlaps the rest of the run.</summary>
public sealed class SchedulingTests
{
    [Test]
    public void TheSlowestLastTimeStartFirstAndTheRestKeepPathOrder()
    {
        var seeds = new List<(string Path, SeedError? Error)> { ("seeds/a.txt", null), ("seeds/b.txt", null), ("seeds/c.txt", null), ("seeds/d.txt", null), ("seeds/e.txt", null) };
        var latest = new Dictionary<string, HistoryEntry> { ["d"] = Checked("d", 61.0), ["b"] = Checked("b", 4.2), ["e"] = Checked("e", null) };
        Assert.That(CheckRunner.LongestFirst(seeds, latest).Select(s => s.Path), Is.EqualTo(new[] { "seeds/d.txt", "seeds/b.txt", "seeds/a.txt", "seeds/c.txt", "seeds/e.txt" }));
        Assert.That(CheckRunner.LongestFirst(seeds, new Dictionary<string, HistoryEntry>()), Is.EqualTo(seeds), "a first run keeps path order");
    }

    private static HistoryEntry Checked(string id, double? seconds) =>
        new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, id, Archive.Verdict.SeedStatus.Unchanged, 1, 0, 0, 0, null, seconds);
}
