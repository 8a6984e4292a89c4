using Archive.Diff;
using Archive.TestSite;

namespace Archive.Tests.Diff;

/// <summary>
/// Verdicts on real pages (<c>../shared/realpages</c>, see <see cref="RealPages"/>), compared as the check compares
/// a captured page: Readability's captured pages against their whole extracted article, unchanged and with one
/// perturbation made in the real markup, and the 200 annotated pages in many languages against their sampled
/// paragraphs. The numbers are in docs/accuracy.md (<c>bench accuracy</c>).
/// </summary>
public sealed class RealPagesTests
{
    private static IEnumerable<TestCaseData> Readability()
    {
        if (RealPages.Absent is not null)
        {
            yield break;
        }

        foreach (var page in RealPages.Readability().Where(p => !RealPages.TruthGaps.ContainsKey(p.Name)))
        {
            // A page without a paragraph fit for a perturbation (none is one whole <p> of the live page) has no such case.
            foreach (var kind in Enum.GetValues<Perturbation>().Where(k => Perturbations.Make(page, k) is not null))
            {
                yield return new TestCaseData(page.Name, kind).SetName($"{page.Name} {kind}");
            }
        }
    }

    private static void RequirePages()
    {
        if (RealPages.Absent is { } absent)
        {
            Assert.Ignore(absent);
        }
    }

    [TestCaseSource(nameof(Readability))]
    public void AReadabilityPageIsJudgedByWhatWasDoneToIt(string name, Perturbation kind)
    {
        var page = RealPages.Readability().Single(p => p.Name == name);
        var perturbed = Perturbations.Make(page, kind)!;
        var text = ContentComparer.Compare(page.Seed(), perturbed.LiveHtml, page.Url, IgnoreRules.None);
        Assert.That(RealPageExpectation.Check(perturbed, text), Is.Null);
    }

    [Test]
    public void TheReadabilityPagesAreThere()
    {
        RequirePages();
        Assert.That(Readability().Count(), Is.GreaterThanOrEqualTo(30 * 6), "the real pages were read");
    }

    [TestCase("readability/salon-1")]
    [TestCase("readability/wikipedia")]
    public void WhereTheGroundTruthLacksArticleTextThatTextIsTheOnlyDrift(string name)
    {
        RequirePages();
        var page = RealPages.Readability().Single(p => p.Name == name);
        var text = ContentComparer.Compare(page.Seed(), page.LiveHtml, page.Url, IgnoreRules.None);
        var drift = text.Blocks.Where(b => b.IsDrift).ToList();
        Assert.That(drift, Is.Not.Empty);
        Assert.That(drift.Select(b => b.Live ?? string.Empty), Has.Some.Contains(RealPages.TruthGaps[name]));
        Assert.That(drift, Has.Count.LessThanOrEqualTo(2), string.Join("; ", drift.Select(b => $"{b.Op} {b.Archived ?? b.Live}")));
    }

    [Test]
    public void TheAnnotatedPagesInManyLanguagesAreLocatedAndTheirPerturbationsFound()
    {
        RequirePages();
        var outcomes = new List<(Perturbation Kind, string Name, string? Failure)>();
        foreach (var page in RealPages.Annotated())
        {
            foreach (var kind in new[] { Perturbation.None, Perturbation.EditSentence, Perturbation.DeleteParagraph, Perturbation.SwapParagraphs, Perturbation.Retitle })
            {
                if (Perturbations.Make(page, kind) is { } perturbed)
                {
                    var text = ContentComparer.Compare(page.Seed(), perturbed.LiveHtml, page.Url, IgnoreRules.None);
                    outcomes.Add((kind, page.Name, RealPageExpectation.Check(perturbed, text)));
                }
            }
        }

        // Rates, not every page: a sample of paragraphs leaves unannotated article text between them, and a few
        // pages' annotations hold text the page hides (docs/accuracy.md lists them).
        Assert.Multiple(() =>
        {
            foreach (var group in outcomes.GroupBy(o => o.Kind))
            {
                var right = group.Count(o => o.Failure is null);
                Assert.That((double)right / group.Count(), Is.GreaterThanOrEqualTo(0.9), () => $"{group.Key}: {right} of {group.Count()} right; wrong: " + string.Join(" | ", group.Where(o => o.Failure is not null).Select(o => $"{o.Name}: {o.Failure}")));
            }

            var unchanged = outcomes.Where(o => o.Kind == Perturbation.None).ToList();
            Assert.That(unchanged.Count(o => o.Failure is not null), Is.LessThanOrEqualTo(unchanged.Count * 2 / 100), "false-changed on the annotated pages stays within 2 % (issue 16)");
        });
    }
}
