using System.Diagnostics;
using System.Globalization;
using Archive.Media;
using Archive.TestSite;

namespace Archive.Bench;

/// <summary>
/// The media stage's pixel work on its own: pairs of 1280 × 720 JPEGs read from disk, each image decoded once,
/// compared; pairs per second on one thread and on every core, peak memory, and how often the verdict is the
/// known truth for each kind of pair.
/// </summary>
internal static class MediaBenchmark
{
    private enum PairKind
    {
        Same,
        Resaved,
        Reencoded,
        Resized,
        Changed,
        Cropped,
        Edited,
    }

    public static int Run(int pairs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "archive-bench-media");
        var set = Generate(folder, pairs);
        Console.WriteLine($"{set.Count} pairs of 1280 × 720 JPEGs in {folder}");
        Time(set.Take(30).ToList(), 1); // warm-up: JIT and Skia's first calls
        var processBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var single = Time(set, 1);
        var parallel = Time(set, Environment.ProcessorCount);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine();
        Console.WriteLine("| threads | pairs | wall s | pairs/s | decode ms/image | compare ms/pair |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (threads, run) in new[] { (1, single), (Environment.ProcessorCount, parallel) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threads} | {set.Count} | {run.Wall.TotalSeconds:0.00} | {set.Count / run.Wall.TotalSeconds:0} | {run.DecodeMs / (2 * set.Count):0.00} | {run.CompareMs / set.Count:0.00} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {peak / 1048576.0:0} MiB (before timing {processBefore / 1048576.0:0} MiB)"));
        Console.WriteLine();
        Console.WriteLine("| pair | expected | pairs | right | accuracy | verdicts |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var group in single.Results.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var expected = Expected(group.Key);
            var right = group.Count(r => r.Verdict == expected);
            var verdicts = string.Join(", ", group.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key.ToString().ToLowerInvariant()} | {expected.ToString().ToLowerInvariant()} | {group.Count()} | {right} | {(double)right / group.Count():P1} | {verdicts} |"));
        }

        var all = single.Results.Count(r => r.Verdict == Expected(r.Kind));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall accuracy {(double)all / single.Results.Count:P1}"));
        foreach (var kind in Enum.GetValues<PairKind>())
        {
            var scores = single.Results.Where(r => r.Kind == kind).Select(r => r.Similarity).Order().ToList();
            var hashes = single.Results.Where(r => r.Kind == kind).Select(r => r.HashDistance).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-10} ssim min {scores[0]:0.000} median {scores[scores.Count / 2]:0.000} max {scores[^1]:0.000}; hash distance median {hashes[hashes.Count / 2]} max {hashes[^1]}"));
        }

        return 0;
    }

    private static ImageVerdict Expected(PairKind kind) => kind switch
    {
        PairKind.Same or PairKind.Resaved => ImageVerdict.Same,
        PairKind.Changed or PairKind.Edited => ImageVerdict.Changed,
        _ => ImageVerdict.Resized,
    };

    private sealed record Pair(PairKind Kind, string Archived, string Live);

    private sealed record Outcome(PairKind Kind, ImageVerdict Verdict, double Similarity, int HashDistance);

    private sealed record Timing(TimeSpan Wall, double DecodeMs, double CompareMs, List<Outcome> Results);

    private static Timing Time(IReadOnlyList<Pair> set, int threads)
    {
        var results = new Outcome[set.Count];
        long decodeTicks = 0, compareTicks = 0;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, set.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var pair = set[i];
            var started = Stopwatch.GetTimestamp();
            var archivedBytes = File.ReadAllBytes(pair.Archived);
            var liveBytes = File.ReadAllBytes(pair.Live);
            var archived = ImageDecoder.Decode(archivedBytes, ImageLimits.Default);
            var live = ImageDecoder.Decode(liveBytes, ImageLimits.Default);
            var decoded = Stopwatch.GetTimestamp();
            var comparison = ImageComparer.Compare(archived, live, archivedBytes, liveBytes);
            var compared = Stopwatch.GetTimestamp();
            Interlocked.Add(ref decodeTicks, decoded - started);
            Interlocked.Add(ref compareTicks, compared - decoded);
            results[i] = new Outcome(pair.Kind, comparison.Verdict, comparison.Similarity, comparison.HashDistance);
        });
        wall.Stop();
        return new Timing(wall.Elapsed, decodeTicks * 1000.0 / Stopwatch.Frequency, compareTicks * 1000.0 / Stopwatch.Frequency, results.ToList());
    }

    /// <summary>Writes the pairs once; later runs reuse them, so only reading and comparing is timed.</summary>
    private static List<Pair> Generate(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var pairs = new List<Pair>();
        var kinds = Enum.GetValues<PairKind>();
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[i % kinds.Length];
            var archived = Path.Combine(folder, $"{i:0000}-a.jpg");
            var live = Path.Combine(folder, $"{i:0000}-{kind.ToString().ToLowerInvariant()}.jpg");
            if (!File.Exists(archived) || !File.Exists(live))
            {
                var original = GeneratedImages.Jpeg(10_000 + i, 1280, 720);
                var variant = kind switch
                {
                    PairKind.Same => original,
                    PairKind.Resaved => GeneratedImages.Reencode(original, 85),
                    PairKind.Reencoded => GeneratedImages.Reencode(original, 60),
                    PairKind.Resized => GeneratedImages.Reencode(original, 60, 0.5),
                    PairKind.Changed => GeneratedImages.Jpeg(90_000 + i, 1280, 720),
                    PairKind.Cropped => GeneratedImages.Crop(original, 0.75, 1),
                    _ => GeneratedImages.Edit(original),
                };
                File.WriteAllBytes(archived, original);
                File.WriteAllBytes(live, variant);
            }

            pairs.Add(new Pair(kind, archived, live));
        }

        return pairs;
    }
}
