using Archive.Pipeline;

namespace Archive.Tests.Architecture;

/// <summary>
/// The comparison stages show only what other stages and the report's contract need: their algorithms are
/// internal (tests and the benchmark see them through InternalsVisibleTo). A new public type here is a decision,
/// made by adding it to the list.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly Dictionary<string, string[]> Surface = new()
    {
        ["Archive.Diff"] =
        [
            "ArticleMatch", "BlockCounts", "BlockDiff", "BlockOp", "BlockSpan", "EditOp", "IgnoreRuleException", "IgnoreRules", "IgnoreRuleSet",
            "LocateMethod", "SeedIgnoreRules", "Severity", "SiteBoilerplate", "TextChange", "TextComparison", "Token", "TokenizedText",
        ],
        ["Archive.Media"] =
        [
            "BaselineUse", "ImageFormat", "ImageLimits", "ImageScores", "MatchMethod", "MediaBaselineEntry", "MediaComparison",
            "MediaFile", "MediaFinding", "MediaOptions", "MediaStatus",
        ],
    };

    [TestCase("Archive.Diff")]
    [TestCase("Archive.Media")]
    public void A_comparison_stage_shows_only_its_listed_types(string stage)
    {
        var shown = typeof(CheckRunner).Assembly.GetExportedTypes().Where(t => t.Namespace == stage && !t.IsNested).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.That(shown, Is.EqualTo(Surface[stage].Order(StringComparer.Ordinal)));
    }
}
