using System.Diagnostics;
using System.Globalization;
using Archive.Diff;
using Archive.TestSite;

namespace Archive.Bench;

/// <summary>
/// Verdicts on real pages (<c>../shared/realpages</c>): every page unchanged, then each perturbation made in its real
/// markup, compared as the check compares a captured page. Prints the false-changed rate, how many perturbations
/// were reported with exactly the right op, per language, and the time per comparison. Recorded in docs/accuracy.md.
/// </summary>
internal static class AccuracyBenchmark
{
    public static int Run(bool verbose)
    {
        if (RealPages.Absent is { } absent)
        {
            Console.WriteLine("skipped: " + absent);
            return 0;
        }

        var sets = new[] { ("readability (whole article)", RealPages.Readability()), ("pages (sampled paragraphs)", RealPages.Annotated()) };
        foreach (var (label, pages) in sets)
        {
            Console.WriteLine($"## {label}: {pages.Count} pages");
            var results = new List<(PerturbedPage Case, string? Failure, double Ms)>();
            var ops = new OpScores();
            foreach (var page in pages)
            {
                foreach (var kind in Enum.GetValues<Perturbation>())
                {
                    if (kind == Perturbation.InsertParagraph && !page.WholeArticle)
                    {
                        continue;
                    }

                    var perturbed = Perturbations.Make(page, kind);
                    if (perturbed is null)
                    {
                        continue;
                    }

                    var seed = page.Seed();
                    var watch = Stopwatch.StartNew();
                    var text = ContentComparer.Compare(seed, perturbed.LiveHtml, page.Url, IgnoreRules.None);
                    var ms = watch.Elapsed.TotalMilliseconds;
                    results.Add((perturbed, RealPageExpectation.Check(perturbed, text), ms));
                    if (!RealPages.TruthGaps.ContainsKey(page.Name))
                    {
                        ops.Add(perturbed, text);
                    }
                    if (Environment.GetEnvironmentVariable("ACCURACY_DUMP") is { } dump && page.Name.EndsWith(dump, StringComparison.Ordinal))
                    {
                        Console.WriteLine($"{page.Name} {kind}: {text.Severity} title «{seed.Title}» match {text.Match}");
                        foreach (var b in text.Blocks.Where(b => b.Op != BlockOp.Equal || b.Title))
                        {
                            Console.WriteLine($"    {b.Op} {b.Kind} title={b.Title} why={b.Why} «{b.Archived}» → «{b.Live}»");
                        }
                    }
                }
            }

            Console.WriteLine("| case | pages | right | wrong | rate |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var group in results.GroupBy(r => r.Case.Kind))
            {
                var wrong = group.Count(r => r.Failure is not null);
                Console.WriteLine($"| {group.Key} | {group.Count()} | {group.Count() - wrong} | {wrong} | {Percent(group.Count() - wrong, group.Count())} |");
            }

            Console.WriteLine($"ops, without the {RealPages.TruthGaps.Count} pages whose truth lacks article text ({string.Join(", ", RealPages.TruthGaps.Keys)}):");
            ops.Print();
            var unchanged = results.Where(r => r.Case.Kind == Perturbation.None).ToList();
            Console.WriteLine($"false-changed on unchanged pages: {unchanged.Count(r => r.Failure is not null)} of {unchanged.Count} ({Percent(unchanged.Count(r => r.Failure is not null), unchanged.Count)})");
            var trusted = unchanged.Where(r => !RealPages.TruthGaps.ContainsKey(r.Case.Page.Name)).ToList();
            Console.WriteLine($"  without the truth gaps: {trusted.Count(r => r.Failure is not null)} of {trusted.Count} ({Percent(trusted.Count(r => r.Failure is not null), trusted.Count)})");
            Console.WriteLine("by language (right of all cases): " + string.Join(", ", results.GroupBy(r => r.Case.Page.Language.Split('-')[0].ToLowerInvariant()).OrderByDescending(g => g.Count())
                .Select(g => $"{g.Key} {g.Count(r => r.Failure is null)}/{g.Count()}")));
            var times = results.Select(r => r.Ms).Order().ToList();
            Console.WriteLine($"ms per comparison: median {times[times.Count / 2]:F1}, p95 {times[(int)(times.Count * 0.95)]:F1}, max {times[^1]:F1}");
            foreach (var (c, failure, _) in results.Where(r => r.Failure is not null && (verbose || r.Case.Kind == Perturbation.None)))
            {
                Console.WriteLine($"  wrong: {c.Page.Name} {c.Kind}: {failure}");
            }

            Console.WriteLine();
        }

        return 0;
    }

    /// <summary>
    /// Precision and recall of each op over every case: the op a perturbation makes is expected once (twice for a
    /// swap, whose two paragraphs may both be reported moved), on the title for a retitle; every other drift
    /// reported is a false positive of its op. In a sample of the article, insertions are not judged (unarchived
    /// text stands between its paragraphs).
    /// </summary>
    private sealed class OpScores
    {
        private readonly Dictionary<string, (int Tp, int Fp, int Fn)> counts = new(StringComparer.Ordinal);

        public void Add(PerturbedPage page, TextComparison text)
        {
            var (expected, times) = page.Kind switch
            {
                Perturbation.EditSentence => ("replace", 1),
                Perturbation.DeleteParagraph => ("delete", 1),
                Perturbation.InsertParagraph => ("insert", 1),
                Perturbation.SwapParagraphs => ("move", 2),
                Perturbation.Retitle => ("title", 1),
                _ => (null, 0),
            };
            var found = 0;
            foreach (var block in text.Blocks.Where(b => b.IsDrift || (b.Title && b.Op == BlockOp.Replace)))
            {
                var op = block.Title ? "title" : block.Op.ToString().ToLowerInvariant();
                if (!page.Page.WholeArticle && op == "insert")
                {
                    continue;
                }

                // A retitle changes the headline inside the archived body too: that heading's replace is the same change.
                if (page.Kind == Perturbation.Retitle && block is { Title: false, Op: BlockOp.Replace, Kind: Seeds.BlockKind.Heading })
                {
                    continue;
                }

                if (op == expected && found < times)
                {
                    found++;
                    Bump(op, tp: 1);
                }
                else
                {
                    Bump(op, fp: 1);
                }
            }

            if (expected is not null && found == 0)
            {
                Bump(expected, fn: 1);
            }
        }

        public void Print()
        {
            Console.WriteLine("| op | true | false | missed | precision | recall | F1 |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var f1s = new List<double>();
            foreach (var (op, (tp, fp, fn)) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
                var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                f1s.Add(f1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {op} | {tp} | {fp} | {fn} | {precision:F3} | {recall:F3} | {f1:F3} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro-F1 over ops: {(f1s.Count == 0 ? 0 : f1s.Average()):F3}"));
        }

        private void Bump(string op, int tp = 0, int fp = 0, int fn = 0)
        {
            var (t, f, m) = counts.GetValueOrDefault(op);
            counts[op] = (t + tp, f + fp, m + fn);
        }
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
