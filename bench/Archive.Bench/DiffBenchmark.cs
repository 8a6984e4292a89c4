using System.Diagnostics;
using System.Globalization;
using Archive.Diff;
using Archive.Seeds;
using Archive.TestSite;

namespace Archive.Bench;

/// <summary>
/// The align/diff stage on its own, one thread: time per article over the corpus with synthetic edits, a large
/// article, memory against article length, and precision and recall of changed-block detection over generated
/// perturbations whose truth is known.
/// </summary>
internal static class DiffBenchmark
{
    private static readonly string Corpus = Path.GetFullPath(Path.Combine(Articles.RepositoryRoot, "..", "shared", "corpus"));

    public static int Run(int perturbations)
    {
        var seeds = LoadArticles();
        Console.WriteLine($"{seeds.Count} articles ({(Directory.Exists(Corpus) ? "corpus at " + Corpus : "corpus absent: fixtures and the user's seed only")})");
        Warm(seeds);
        TimePerArticle(seeds);
        LargeArticles(seeds);
        Accuracy(seeds, perturbations);
        return 0;
    }

    private static List<Seed> LoadArticles()
    {
        var paths = new List<string> { Articles.UserSeed, Articles.Fixture("harbour-bridge"), Articles.Fixture("wind-farm") };
        if (Directory.Exists(Corpus))
        {
            paths.AddRange(Directory.EnumerateFiles(Corpus, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal));
        }

        return paths.Select(Articles.Read).Where(s => s.Document.Blocks.Count >= 3).ToList();
    }

    private static void Warm(List<Seed> seeds)
    {
        foreach (var seed in seeds.Take(10))
        {
            Compare(seed, NewsChrome.Page(seed.Title, Articles.LiveBlocks(seed)));
        }
    }

    private static TextComparison Compare(Seed seed, string html) => ContentComparer.Compare(seed, html, seed.SourceUrl, IgnoreRules.None);

    private static void TimePerArticle(List<Seed> seeds)
    {
        var random = new Random(1);
        var times = new List<(double Ms, Seed Seed, int Chars)>();
        foreach (var seed in seeds)
        {
            var (blocks, _, _) = Perturb(seed, random);
            var html = NewsChrome.Page(seed.Title, blocks);
            var runs = new List<double>();
            for (var i = 0; i < 15; i++)
            {
                var sw = Stopwatch.StartNew();
                Compare(seed, html);
                runs.Add(sw.Elapsed.TotalMilliseconds);
            }

            runs.Sort();
            times.Add((runs[runs.Count / 2], seed, seed.Document.Blocks.Sum(b => b.Text.Length)));
        }

        times.Sort((a, b) => a.Ms.CompareTo(b.Ms));
        var worst = times[^1];
        Console.WriteLine(Invariant($"time per article (parse live page + locate + align + diff + score; median of 15 runs each), {times.Count} articles with 1–3 synthetic edits in heavy chrome:"));
        Console.WriteLine(Invariant($"  median {times[times.Count / 2].Ms:0.00} ms, p90 {times[times.Count * 9 / 10].Ms:0.00} ms, worst {worst.Ms:0.00} ms ({Path.GetFileName(worst.Seed.Path)}, {worst.Chars} characters)"));
    }

    private static void LargeArticles(List<Seed> seeds)
    {
        Console.WriteLine("large articles built from the corpus paragraphs, 10 edits each (single thread; allocation is bytes allocated by the comparison):");
        Console.WriteLine("  body KB | blocks | ms (median of 9, after 10 untimed) | MB allocated | bytes allocated per body byte");
        var pool = seeds.SelectMany(Articles.LiveBlocks).Where(b => b.Text.Length > 20).ToList();
        foreach (var kb in new[] { 25, 50, 100, 200, 400 })
        {
            var blocks = new List<LiveBlockSpec>();
            var bytes = 0;
            for (var i = 0; bytes < kb * 1024; i++)
            {
                var b = pool[i % pool.Count] with { Text = pool[i % pool.Count].Text + " #" + i.ToString(CultureInfo.InvariantCulture) };
                blocks.Add(b);
                bytes += System.Text.Encoding.UTF8.GetByteCount(b.Text) + 7;
            }

            var seed = Articles.Read(WriteTemp(Articles.SeedText("Large article 大文章", new Uri("https://news.example/large"), blocks)));
            var random = new Random(kb);
            var live = blocks.ToList();
            for (var e = 0; e < 10; e++)
            {
                var k = random.Next(live.Count);
                var at = SafeLetterRun(live[k].Text, 3);
                if (at >= 0)
                {
                    live = Drift.EditCharacters(live, k, at, 3, "改动x");
                }
            }

            var html = NewsChrome.Page(seed.Title, live);

            // Ten untimed runs first: until tiered compilation has optimised the hot loops (about thirty comparisons of
            // a large page), the times measure the JIT, not the stage; a run over many seeds is past that after the first few.
            for (var i = 0; i < 10; i++)
            {
                Compare(seed, html);
            }

            var runs = new List<double>();
            long allocated = 0;
            for (var i = 0; i < 9; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                var result = Compare(seed, html);
                runs.Add(sw.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (result.Counts.Changed < 1)
                {
                    throw new InvalidOperationException("the large article's edits were not found");
                }
            }

            runs.Sort();
            var body = seed.Document.Blocks.Sum(b => System.Text.Encoding.UTF8.GetByteCount(b.Text));
            Console.WriteLine(Invariant($"  {kb,7} | {blocks.Count,6} | {runs[4],16:0.0} | {allocated / 1048576.0,12:0.0} | {(double)allocated / body,8:0}"));
        }
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "archive-bench-large-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllText(path, text);
        return path;
    }

    private enum Kind
    {
        EditCharacters,
        Rewrite,
        Delete,
        Insert,
        Swap,
        Title,
    }

    /// <summary>One change the generator made, and what the diff must report for it.</summary>
    private sealed record Expected(Kind Kind, int? ArchivedIndex, int? SwappedWith, string? Inserted);

    private static void Accuracy(List<Seed> seeds, int perturbations)
    {
        var random = new Random(20261124);
        int tp = 0, fp = 0, fn = 0, blockTp = 0, blockFp = 0, blockFn = 0, cosmeticOnly = 0, cosmeticFalse = 0;
        var byKind = Enum.GetValues<Kind>().ToDictionary(k => k, _ => (Found: 0, Total: 0));
        for (var p = 0; p < perturbations; p++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var (blocks, title, expected) = Perturb(seed, random);
            var text = Compare(seed, NewsChrome.Page(title, blocks));
            var reported = text.Blocks.Where(b => b.IsDrift).ToList();
            if (expected.Count == 0)
            {
                cosmeticOnly++;
                cosmeticFalse += reported.Count > 0 ? 1 : 0;
            }

            var unmatched = reported.ToList();
            foreach (var e in expected)
            {
                var match = unmatched.FirstOrDefault(r => Matches(r, e));
                var entry = byKind[e.Kind];
                byKind[e.Kind] = (entry.Found + (match is null ? 0 : 1), entry.Total + 1);
                if (match is null)
                {
                    if (Environment.GetEnvironmentVariable("ARCHIVE_BENCH_VERBOSE") == "1")
                    {
                        Console.WriteLine($"  missed {e} in {Path.GetFileName(seed.Path)}: reported {string.Join("; ", reported.Select(r => $"{r.Op} a{r.ArchivedIndex} l{r.LiveIndex} {(r.Archived ?? r.Live)?[..Math.Min(20, (r.Archived ?? r.Live)!.Length)]}"))}");
                    }

                    fn++;
                }
                else
                {
                    tp++;
                    unmatched.Remove(match);
                }
            }

            fp += unmatched.Count;

            // Block level, whatever the op: which archived blocks (and inserted texts) were reported as touched.
            var truth = expected.SelectMany(e => e.Kind == Kind.Swap ? new[] { $"a{e.ArchivedIndex}", $"a{e.SwappedWith}" } : e.Kind == Kind.Insert ? [$"i{e.Inserted}"] : e.Kind == Kind.Title ? ["title"] : [$"a{e.ArchivedIndex}"]).ToHashSet();
            var seen = reported.Select(r => r.Title ? "title" : r.Op == BlockOp.Insert ? $"i{r.Live}" : $"a{r.ArchivedIndex}").ToHashSet();
            if (expected.Any(e => e.Kind == Kind.Swap))
            {
                // A swap of two blocks is found when either of them is reported moved.
                foreach (var e in expected.Where(e => e.Kind == Kind.Swap))
                {
                    if (seen.Contains($"a{e.ArchivedIndex}") || seen.Contains($"a{e.SwappedWith}"))
                    {
                        seen.Add($"a{e.ArchivedIndex}");
                        seen.Add($"a{e.SwappedWith}");
                    }
                }
            }

            blockTp += seen.Count(truth.Contains);
            blockFp += seen.Count(s => !truth.Contains(s));
            blockFn += truth.Count(t => !seen.Contains(t));
        }

        Console.WriteLine($"changed-block detection over {perturbations} generated perturbations (1–3 edits each, or cosmetic only):");
        Console.WriteLine(Invariant($"  exact (right op at the right block): precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, tp + fn)} ({tp} found, {fp} false, {fn} missed)"));
        Console.WriteLine(Invariant($"  block level (right block, any op):  precision {Ratio(blockTp, blockTp + blockFp)}, recall {Ratio(blockTp, blockTp + blockFn)}"));
        Console.WriteLine(Invariant($"  cosmetic-only perturbations reported as changed: {cosmeticFalse} of {cosmeticOnly}"));
        foreach (var (kind, (found, total)) in byKind)
        {
            Console.WriteLine(Invariant($"  {kind,-15} {found}/{total} found"));
        }
    }

    private static bool Matches(BlockDiff reported, Expected e) => e.Kind switch
    {
        Kind.EditCharacters or Kind.Rewrite => reported.Op == BlockOp.Replace && !reported.Title && reported.ArchivedIndex == e.ArchivedIndex,
        Kind.Delete => reported.Op == BlockOp.Delete && reported.ArchivedIndex == e.ArchivedIndex,
        Kind.Insert => reported.Op == BlockOp.Insert && reported.Live == e.Inserted,
        Kind.Swap => reported.Op == BlockOp.Move && (reported.ArchivedIndex == e.ArchivedIndex || reported.ArchivedIndex == e.SwappedWith),
        Kind.Title => reported.Title && reported.Op == BlockOp.Replace,
        _ => false,
    };

    /// <summary>1–3 edits on distinct blocks of <paramref name="seed"/>, or (one time in eight) cosmetic changes only.</summary>
    private static (List<LiveBlockSpec> Blocks, string Title, List<Expected> Expected) Perturb(Seed seed, Random random)
    {
        // Each live block remembers which archived block it came from, so that the truth survives deletions and insertions.
        var blocks = Articles.LiveBlocks(seed).Select((b, i) => (Origin: (int?)i, Block: b)).ToList();
        var expected = new List<Expected>();
        var title = seed.Title;
        if (random.Next(8) == 0)
        {
            return (Drift.Cosmetic(blocks.Select(b => b.Block).ToList()), title, expected);
        }

        var touched = new HashSet<int>();
        var edits = random.Next(1, 4);
        for (var attempt = 0; expected.Count < edits && attempt < 20; attempt++)
        {
            var kind = (Kind)random.Next(Enum.GetValues<Kind>().Length);
            var k = random.Next(blocks.Count);
            if (blocks[k].Origin is not { } origin || touched.Contains(origin) || seed.Document.Blocks[origin].Text.Length < 12)
            {
                continue;
            }

            switch (kind)
            {
                case Kind.EditCharacters:
                    var length = random.Next(1, 7);
                    var at = SafeLetterRun(blocks[k].Block.Text, length);
                    if (at < 0)
                    {
                        continue;
                    }

                    var replacement = Tokenizer.IsUnspacedScript(blocks[k].Block.Text, at) ? new string("改动变化修订"[random.Next(6)], length) : new string('q', length);
                    blocks[k] = (origin, blocks[k].Block with { Text = blocks[k].Block.Text.Remove(at, length).Insert(at, replacement) });
                    break;
                case Kind.Rewrite:
                    blocks[k] = (origin, blocks[k].Block with { Text = Drift.UnrelatedText(blocks[k].Block.Text, random.Next(1000)) });
                    break;
                case Kind.Delete:
                    blocks.RemoveAt(k);
                    break;
                case Kind.Insert:
                    var inserted = Drift.UnrelatedText(blocks[k].Block.Text, random.Next(1000));
                    blocks.Insert(k, (null, new LiveBlockSpec(LiveKind.Paragraph, inserted)));
                    expected.Add(new Expected(kind, null, null, inserted));
                    touched.Add(origin);
                    continue;
                case Kind.Swap:
                    if (k + 1 >= blocks.Count || blocks[k + 1].Origin is not { } next || touched.Contains(next)
                        || blocks[k].Block.Text == blocks[k + 1].Block.Text || seed.Document.Blocks[next].Text.Length < 12)
                    {
                        continue;
                    }

                    (blocks[k], blocks[k + 1]) = (blocks[k + 1], blocks[k]);
                    touched.Add(next);
                    expected.Add(new Expected(kind, origin, next, null));
                    touched.Add(origin);
                    continue;
                case Kind.Title:
                    if (title != seed.Title)
                    {
                        continue;
                    }

                    title = Drift.UnrelatedText(seed.Title, random.Next(1000))[..24];
                    expected.Add(new Expected(kind, null, null, null));
                    continue;
            }

            touched.Add(origin);
            expected.Add(new Expected(kind, seed.Document.Blocks[origin].Index, null, null));
        }

        return (blocks.Select(b => b.Block).ToList(), title, expected);
    }

    private static int SafeLetterRun(string text, int length)
    {
        try
        {
            return Drift.LetterRunMiddle(text, length);
        }
        catch (ArgumentException)
        {
            return -1;
        }
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
