using Archive.Links;
using Archive.Media;
using Archive.Verdict;

namespace Archive.Report;

/// <summary>One order of seeds, worst first, shared by every report that ranks them (the HTML index, the Markdown summary).</summary>
public static class Worst
{
    /// <summary>Errors and dead pages first, then changed seeds by how little of the text is left, then by media and link trouble.</summary>
    public static IEnumerable<SeedReport> First(IEnumerable<SeedReport> seeds) => seeds
        .OrderBy(s => Rank(s.Status))
        .ThenBy(s => s.Text.Similarity ?? 1)
        .ThenByDescending(MissingMedia)
        .ThenByDescending(DeadLinks)
        .ThenBy(s => s.Id, StringComparer.Ordinal);

    public static int Rank(SeedStatus status) => status switch
    {
        SeedStatus.Error => 0,
        SeedStatus.Dead => 1,
        SeedStatus.Changed => 2,
        _ => 3,
    };

    /// <summary>How much of the archived text drifted: 1 − similarity, or 1 for a page with no text left to compare.</summary>
    public static double Drift(SeedReport seed) => seed.Status is SeedStatus.Dead or SeedStatus.Error && seed.Text.Similarity is null ? 1 : 1 - (seed.Text.Similarity ?? 1);

    public static int MissingMedia(SeedReport seed) => seed.Media.Count(m => MediaFinding.IsDriftStatus(m.Status));

    public static int DeadLinks(SeedReport seed) => seed.Links.Count(l => l.Kind != LinkKind.Source && l.Status is LinkStatus.Dead or LinkStatus.Soft404);
}
