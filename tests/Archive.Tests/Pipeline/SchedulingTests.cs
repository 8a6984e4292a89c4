using Archive.Pipeline;
using Archive.Seeds;

namespace Archive.Tests.Pipeline;

/// <summary>Seeds that took longest last time start first, so a page that hangs overlaps the rest of the run.</summary>
public sealed class SchedulingTests
{
    [Test]
    public void TheSlowestLastTimeStartFirstAndTheRestKeepPathOrder()
    {
        var seeds = new List<(string Path, SeedError? Error)> { ("seeds/a.txt", null), ("seeds/b.txt", null), ("seeds/c.txt", null), ("seeds/d.txt", null), ("seeds/e.txt", null) };
        var lastSeconds = new Dictionary<string, double> { ["d"] = 61.0, ["b"] = 4.2 };
        Assert.That(CheckRunner.LongestFirst(seeds, lastSeconds).Select(s => s.Path), Is.EqualTo(new[] { "seeds/d.txt", "seeds/b.txt", "seeds/a.txt", "seeds/c.txt", "seeds/e.txt" }));
        Assert.That(CheckRunner.LongestFirst(seeds, new Dictionary<string, double>()), Is.EqualTo(seeds), "a first run keeps path order");
    }
}
