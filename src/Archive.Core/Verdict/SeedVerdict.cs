using Archive.Capture;
using Archive.Diff;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Verdict;

/// <summary>The one place that decides what a seed's findings mean.</summary>
public static class SeedVerdict
{
    public static Judgement Unreadable(SeedError error) => new(SeedStatus.Error, error.ToString(), ExitCode.InputError);

    public static Judgement Decide(PageCapture capture, TextComparison? text)
    {
        if (capture.Failure is { } failure)
        {
            return failure.Kind == FetchFailureKind.Refused
                ? new Judgement(SeedStatus.Error, "refused: " + failure.Message, ExitCode.InputError)
                : new Judgement(SeedStatus.Dead, failure.Message, ExitCode.PolicyBroken);
        }

        if (capture.HttpStatus is { } status and not (>= 200 and < 300))
        {
            var what = status switch
            {
                404 => "404 Not Found",
                410 => "410 Gone",
                >= 500 => $"HTTP {status} after retries",
                _ => $"HTTP {status}",
            };
            return new Judgement(SeedStatus.Dead, $"the live page answers {what}", ExitCode.PolicyBroken);
        }

        if (capture.Error is { } error)
        {
            return new Judgement(SeedStatus.Error, error, ExitCode.ToolFailure);
        }

        if (capture.Html is null)
        {
            return new Judgement(SeedStatus.Changed, capture.Notes.Count > 0 ? capture.Notes[0] : "the live URL no longer serves an HTML page", ExitCode.PolicyBroken);
        }

        if (text is { HasChanges: true })
        {
            var missing = text.Blocks.Count(b => b.Op != BlockOp.Equal);
            return new Judgement(SeedStatus.Changed, $"{missing} of {text.Blocks.Count} archived text blocks are not in the live page (similarity {text.Similarity:0.###})", ExitCode.PolicyBroken);
        }

        return new Judgement(SeedStatus.Unchanged, null, ExitCode.Clean);
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
