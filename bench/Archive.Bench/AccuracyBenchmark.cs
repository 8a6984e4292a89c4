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

            var unchanged = results.Where(r => r.Case.Kind == Perturbation.None).ToList();
            Console.WriteLine($"false-changed on unchanged pages: {unchanged.Count(r => r.Failure is not null)} of {unchanged.Count} ({Percent(unchanged.Count(r => r.Failure is not null), unchanged.Count)})");
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

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
