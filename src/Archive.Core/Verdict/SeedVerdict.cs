using Archive.Capture;
using Archive.Diff;
using Archive.Media;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Verdict;

/// <summary>The one place that decides what a seed's findings mean.</summary>
public static class SeedVerdict
{
    public static Judgement Unreadable(SeedError error) => new(SeedStatus.Error, error.ToString(), ExitCode.InputError);

    public static Judgement Decide(PageCapture capture, TextComparison? text, MediaComparison? media = null)
    {
        if (capture.Failure is { } failure)
        {
            return failure.Kind == FetchFailureKind.Refused
                ? new Judgement(SeedStatus.Error, "refused: " + failure.Message, ExitCode.InputError)
                : new Judgement(SeedStatus.Dead, failure.Message);
        }

        if (capture.HttpStatus is { } status and not (>= 200 and < 300))
        {
            return new Judgement(SeedStatus.Dead, $"the live page answers {HttpStatusText.Describe(status)}");
        }

        if (capture.Error is { } error)
        {
            return new Judgement(SeedStatus.Error, error, ExitCode.ToolFailure);
        }

        if (capture.Html is null)
        {
            return new Judgement(SeedStatus.Changed, capture.Notes.Count > 0 ? capture.Notes[0] : "the live URL no longer serves an HTML page");
        }

        if (text?.Error is { } textError)
        {
            return new Judgement(SeedStatus.Error, textError, ExitCode.InputError);
        }

        if (text is { Severity: Severity.Replaced })
        {
            return new Judgement(
                SeedStatus.Dead,
                $"soft-404: the live page no longer holds the archived article (only {text.Retained:P0} of its text found, under {ContentComparer.ReplacedBelow:P0})");
        }

        // Text and media drift are reported together: a seed whose words held but whose photograph was swapped changed.
        var changes = new List<string>();
        if (text is { HasChanges: true })
        {
            changes.Add(Describe(text));
        }

        if (media is not null && Describe(media) is { } mediaChange)
        {
            changes.Add(mediaChange);
        }

        return changes.Count > 0
            ? new Judgement(SeedStatus.Changed, string.Join("; ", changes))
            : new Judgement(SeedStatus.Unchanged, null);
    }

    /// <summary>"2 images changed, 1 removed, 1 missing", or null when no media drifted. Resized copies are not drift; errors are reported per image, not as drift.</summary>
    private static string? Describe(MediaComparison media)
    {
        var drift = media.Findings.Where(f => f.IsDrift).ToList();
        if (drift.Count == 0)
        {
            return null;
        }

        var parts = drift
            .GroupBy(f => f.Status)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {Noun(g.ToList())} {g.Key.ToString().ToLowerInvariant()}");
        return "media: " + string.Join(", ", parts);

        static string Noun(List<MediaFinding> findings) => findings.All(f => f.Kind == Seeds.MediaKind.Image)
            ? findings.Count == 1 ? "image" : "images"
            : findings.Count == 1 ? "media file" : "media files";
    }

    private static string Describe(TextComparison text)
    {
        var c = text.Counts;
        var parts = new List<string>();
        if (text.Blocks.Any(b => b is { Title: true, Op: BlockOp.Replace }))
        {
            parts.Add("title changed");
        }

        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add($"{count} {what}");
            }
        }

        Add(c.Changed, c.Changed == 1 ? "block changed" : "blocks changed");
        Add(c.Inserted, "inserted");
        Add(c.Deleted, "deleted");
        Add(c.Moved, "moved");
        var severity = text.Severity == Severity.Minor ? "minor" : "major";
        return $"{severity} text change: {string.Join(", ", parts)} (similarity {text.Similarity:0.###})";
    }

    /// <summary>A run's exit code: the most serious of its seeds' (tool failure, then input error, then policy).</summary>
    public static ExitCode ExitCodeFor(IEnumerable<ExitCode> seeds) =>
        seeds.Aggregate(ExitCode.Clean, (worst, next) => Rank(next) > Rank(worst) ? next : worst);

    private static int Rank(ExitCode code) => code switch
    {
        ExitCode.ToolFailure => 3,
        ExitCode.InputError => 2,
        ExitCode.PolicyBroken => 1,
        _ => 0,
    };
}
