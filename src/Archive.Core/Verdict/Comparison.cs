using System.Text.Json;
using Archive.Capture;
using Archive.Seeds;

namespace Archive.Verdict;

/// <summary>
/// A further comparison of a seed with its rendered live page, beside the built-in text, media and link stages.
/// It is one class registered in <see cref="Comparisons.All"/>: the runner calls it on every rendered page, the
/// judge reads its finding (drift makes the seed changed, names it in the reason and breaks the policy under the
/// comparison's own key), and the report shows its details under <c>seeds[].comparisons.&lt;name&gt;</c>.
/// </summary>
public interface IComparison
{
    /// <summary>The comparison's name: its key in the report and the first part of its breaches' keys.</summary>
    string Name { get; }

    /// <summary>Compares the archived seed with its live page; null when the comparison has nothing to say about this page.</summary>
    Task<ComparisonFinding?> CompareAsync(Seed seed, PageCapture capture, CancellationToken cancellationToken);
}

/// <summary>What a comparison found.</summary>
/// <param name="Drift">The drift in words ("the lead photograph's colours changed"); null when the page holds what was archived.</param>
/// <param name="DriftKey">What the drift is, independent of wording and scores, so an accepted state can tell it from new drift; null without drift.</param>
/// <param name="Details">The facts the report shows (scores, what was compared), any JSON value.</param>
public sealed record ComparisonFinding(string? Drift, string? DriftKey, JsonElement? Details = null);

/// <summary>The registered comparisons, run in order on every rendered page.</summary>
public static class Comparisons
{
    /// <summary>None is built in yet: text, media and links are stages of their own. A new comparison is one line here.</summary>
    public static IReadOnlyList<IComparison> All { get; } = [];
}
