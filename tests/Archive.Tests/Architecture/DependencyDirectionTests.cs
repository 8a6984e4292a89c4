using Archive.Pipeline;
using NetArchTest.Rules;

namespace Archive.Tests.Architecture;

/// <summary>
/// The pipeline flows one way (docs/architecture.md): each namespace of Archive.Core may use the ones before it in
/// <see cref="Order"/> and none after it, so there is no cycle and no stage reaches back into a later one.
/// </summary>
public sealed class DependencyDirectionTests
{
    /// <summary>
    /// Earlier first: seeds → capture → diff → media → links → verdict → report, with the plumbing around them. Snapshots
    /// stores what the verdict and the capture produced without reading the report (results are opaque to it), so
    /// the report can show what the store holds.
    /// </summary>
    private static readonly string[] Order =
    [
        "Archive.IO",
        "Archive.Warc",
        "Archive.Web",
        "Archive.Seeds",
        "Archive.Capture",
        "Archive.Diff",
        "Archive.Media",
        "Archive.Links",
        "Archive.Verdict",
        "Archive.Snapshots",
        "Archive.Report",
        "Archive.Notify",
        "Archive.Config",
        "Archive.Pipeline",
    ];

    private static readonly System.Reflection.Assembly Core = typeof(CheckRunner).Assembly;

    [Test]
    public void Every_namespace_of_Core_has_its_place_in_the_order()
    {
        var namespaces = Core.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("Archive.", StringComparison.Ordinal)).Select(n => string.Join('.', n.Split('.').Take(2))).Distinct();
        Assert.That(namespaces, Is.SubsetOf(Order), "a new namespace needs its place in the order, or the rule below does not cover it");
    }

    [TestCaseSource(nameof(Stages))]
    public void A_namespace_uses_no_later_one(string stage)
    {
        var later = Order.SkipWhile(n => n != stage).Skip(1).ToArray();
        var result = Types.InAssembly(Core).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(later).GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{stage} reaches into a later namespace ({string.Join(", ", later)})");
    }

    [Test]
    public void Core_knows_nothing_of_the_command_line()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("Archive.Cli", "System.CommandLine", "Spectre.Console").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    /// <summary>The rule itself must be able to fail: a namespace that does use a later one is caught.</summary>
    [Test]
    public void The_rule_catches_a_dependency_on_a_later_namespace()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace("Archive.Pipeline").ShouldNot().HaveDependencyOnAny("Archive.Seeds").GetResult();
        Assert.That(result.IsSuccessful, Is.False);
    }

    private static string[] Stages() => Order;
}
