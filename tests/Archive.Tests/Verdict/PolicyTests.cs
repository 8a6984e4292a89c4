using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Report;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Verdict;

/// <summary>The policy matrix: each kind of finding against each setting that governs it.</summary>
public sealed class PolicyTests
{
    private static readonly SeedReport Changed = SampleReports.EveryShape().Seeds.Single(s => s.Id == "b") with { Media = [], Links = [] };
    private static readonly SeedReport Dead = SampleReports.EveryShape().Seeds.Single(s => s.Id == "c");
    private static readonly SeedReport Soft404 = SampleReports.EveryShape().Seeds.Single(s => s.Id == "e");
    private static readonly SeedReport Error = SampleReports.EveryShape().Seeds.Single(s => s.Id == "d");

    /// <summary>The policy reads the judge's outcome; a stored report is read back into one the way an accepted state is.</summary>
    private static SeedOutcome Outcome(SeedReport seed) => SeedProjection.Outcome(seed);

    private static SeedReport WithSeverity(Severity severity, double similarity) => Changed with { Text = Changed.Text with { Severity = severity, Similarity = similarity } };

    [TestCase(ChangeThreshold.Minor, Severity.Minor, 0.95, true)]
    [TestCase(ChangeThreshold.Minor, Severity.Major, 0.5, true)]
    [TestCase(ChangeThreshold.Major, Severity.Minor, 0.95, false)]
    [TestCase(ChangeThreshold.Major, Severity.Major, 0.5, true)]
    [TestCase(ChangeThreshold.Off, Severity.Major, 0.5, false)]
    public void TextChangesBreakTheirThreshold(ChangeThreshold threshold, Severity severity, double similarity, bool breaks) =>
        Assert.That(new Policy(threshold).Breaches(Outcome(WithSeverity(severity, similarity))), breaks ? Is.Not.Empty : Is.Empty);

    [TestCase(0.1, 0.95, false)]
    [TestCase(0.1, 0.85, true)]
    public void MaxDriftToleratesSmallChanges(double maxDrift, double similarity, bool breaks) =>
        Assert.That(new Policy(MaxDrift: maxDrift).Breaches(Outcome(WithSeverity(Severity.Minor, similarity))), breaks ? Is.Not.Empty : Is.Empty);

    [Test]
    public void DeadAndSoft404AreGovernedApart()
    {
        Assert.That(new Policy().Breaches(Outcome(Dead)).Single().Message, Does.StartWith("dead"));
        Assert.That(new Policy(Dead: false).Breaches(Outcome(Dead)), Is.Empty);
        Assert.That(new Policy(Dead: false).Breaches(Outcome(Soft404)).Single().Message, Does.StartWith("soft-404").And.Not.StartWith("soft-404: soft-404"));
        Assert.That(new Policy(Soft404: false).Breaches(Outcome(Soft404)), Is.Empty);
    }

    [Test]
    public void ErrorsAreNotPolicyFindings() => Assert.That(new Policy().Breaches(Outcome(Error)), Is.Empty);

    [TestCase(MediaStatus.Changed, true)]
    [TestCase(MediaStatus.Removed, true)]
    [TestCase(MediaStatus.Missing, true)]
    [TestCase(MediaStatus.Resized, false)]
    [TestCase(MediaStatus.Error, false)]
    public void MediaBreakByStatus(MediaStatus status, bool breaks)
    {
        var seed = SampleReports.EveryShape().Seeds.Single(s => s.Id == "a") with { Status = SeedStatus.Unchanged, Links = [] };
        seed = seed with { Media = seed.Media.Where(m => m.Status == status).ToList() };
        Assert.That(new Policy().Breaches(Outcome(seed)), breaks ? Has.Count.EqualTo(1) : Is.Empty);
        Assert.That(new Policy(Media: new HashSet<MediaStatus>()).Breaches(Outcome(seed)), Is.Empty);
    }

    [TestCase(null, null, false)]
    [TestCase(1, null, true)]
    [TestCase(2, null, false)]
    [TestCase(null, 0.25, true)]
    [TestCase(null, 0.5, false)]
    public void DeadLinksBreakByCountOrShare(int? count, double? ratio, bool breaks)
    {
        // Seed a holds 2 dead-or-soft-404 links among 6 checked ones (7 statuses, one skipped; the source excluded).
        var seed = SampleReports.EveryShape().Seeds.Single(s => s.Id == "a") with { Status = SeedStatus.Unchanged, Media = [] };
        seed = seed with { Links = seed.Links.Select(l => l with { Kind = LinkKind.Link }).ToList() };
        Assert.That(new Policy(MaxDeadLinks: count, MaxDeadLinkRatio: ratio).Breaches(Outcome(seed)), breaks ? Has.Count.EqualTo(1) : Is.Empty);
    }

    [Test]
    public void PerSeedOverridesApplyByIdAndUrl()
    {
        var set = new PolicySet(Policy.Default, [new PolicyOverride(Id: "b*", Changed: ChangeThreshold.Off), new PolicyOverride(Url: "https://news.example/c", Dead: false)]);
        Assert.That(set.For(Outcome(Changed)).Breaches(Outcome(Changed)), Is.Empty);
        Assert.That(set.For(Outcome(Dead)).Breaches(Outcome(Dead)), Is.Empty);
        Assert.That(set.For(Outcome(Soft404)).Breaches(Outcome(Soft404)), Is.Not.Empty);
    }

    [Test]
    public void AnAcceptedDriftPassesAndANewOneFails()
    {
        var then = Outcome(Changed);
        var same = Acceptance.Judge(Outcome(Changed), then, Policy.Default);
        Assert.That(same.Breaches, Is.Empty);
        Assert.That(same.Unchanged, Is.True);

        var further = Changed with { Text = Changed.Text with { Blocks = [.. Changed.Text.Blocks, new BlockDiff(BlockOp.Insert, null, "A new paragraph", Archive.Seeds.BlockKind.Paragraph, null, 9)] } };
        var now = Acceptance.Judge(Outcome(further), then, Policy.Default);
        Assert.That(now.Breaches, Has.Count.EqualTo(1));
        Assert.That(now.Unchanged, Is.False);
    }
}
