using Archive.Capture;
using Archive.Diff;
using Archive.Media;
using Archive.Web;

namespace Archive.Verdict;

/// <summary>
/// The one place a seed is judged: its findings become a status and a reason (what happened), the run's policy
/// and the seed's accepted state turn them into breaches (whether it matters), and those into the seed's exit code.
/// Reports, history and notifications only project the result; none of them judges again.
/// </summary>
public sealed class Judge(PolicySet policy)
{
    public SeedJudgement Decide(SeedFindings findings, AcceptedOutcome? accepted = null)
    {
        var (status, reason, errorExit) = Status(findings);
        return Rule(Outcome(findings, status, reason), errorExit, accepted);
    }

    /// <summary>
    /// The policy's say on what became of a seed, against its accepted state when there is one. Public for what
    /// holds an outcome without its findings: a stored report read back, the report writers' fixtures.
    /// </summary>
    /// <param name="errorExit">The exit code of a seed whose status is an error (input error or tool failure).</param>
    public SeedJudgement Rule(SeedOutcome outcome, ExitCode errorExit, AcceptedOutcome? accepted = null)
    {
        var rules = policy.For(outcome);
        IReadOnlyList<Breach> breaches;
        AcceptanceResult? acceptance = null;
        if (accepted is null)
        {
            breaches = rules.Breaches(outcome);
        }
        else
        {
            (breaches, var unchanged, var changes) = Acceptance.Judge(outcome, accepted.Outcome, rules);
            acceptance = new AcceptanceResult(accepted.At, accepted.Snapshot, unchanged, changes);
        }

        // An error is not a finding about the page: its exit code says input error or tool failure, whatever the policy.
        var exit = outcome.Status == SeedStatus.Error ? errorExit : breaches.Count > 0 ? ExitCode.PolicyBroken : ExitCode.Clean;
        return new SeedJudgement(outcome, breaches, acceptance, exit);
    }

    /// <summary>A run's exit code: the most serious of its seeds' (tool failure, then input error, then policy).</summary>
    public static ExitCode ExitCodeFor(IEnumerable<ExitCode> seeds) =>
        seeds.Aggregate(ExitCode.Clean, (worst, next) => Rank(next) > Rank(worst) ? next : worst);

    /// <summary>What happened to the seed, and the exit code it has when that is an error.</summary>
    private static Judgement Status(SeedFindings findings)
    {
        if (findings.Unreadable is { } unreadable)
        {
            return new Judgement(SeedStatus.Error, unreadable.ToString(), ExitCode.InputError);
        }

        if (findings.BrowserFailure is { } browser)
        {
            return new Judgement(SeedStatus.Error, "the browser failed: " + browser, ExitCode.ToolFailure);
        }

        return findings.Page is { } capture
            ? Decide(capture, findings.Text, findings.Media, findings.Comparisons)
            : new Judgement(SeedStatus.Error, "the seed was not captured", ExitCode.ToolFailure);
    }

    private static Judgement Decide(PageCapture capture, TextComparison? text, MediaComparison media, IReadOnlyDictionary<string, ComparisonFinding> comparisons)
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

        if (Describe(media) is { } mediaChange)
        {
            changes.Add(mediaChange);
        }

        changes.AddRange(comparisons.Where(c => c.Value.Drift is not null).Select(c => $"{c.Key}: {c.Value.Drift}"));

        return changes.Count > 0
            ? new Judgement(SeedStatus.Changed, string.Join("; ", changes))
            : new Judgement(SeedStatus.Unchanged, null);
    }

    private static SeedOutcome Outcome(SeedFindings findings, SeedStatus status, string? reason)
    {
        var text = findings.Text is { Error: null } compared ? compared : null;
        return new SeedOutcome(
            findings.Id,
            findings.SourceUrl,
            status,
            reason,
            findings.ArticleGone,
            text?.Severity,
            text?.Similarity,
            text?.Blocks ?? [],
            findings.Media.Findings.Select(f => new MediaOutcome(f.Index, f.Kind, f.Status, f.ArchivedUrl.AbsoluteUri, f.Live?.Sha256)).ToList(),
            findings.Links.Select(l => new LinkOutcome(l.Result.Url, l.Kind, l.Result.Status)).ToList(),
            findings.Comparisons.Select(c => ComparisonOutcome.Of(c.Key, c.Value.Drift, c.Value.DriftKey)).OfType<ComparisonOutcome>().ToList());
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

    private static int Rank(ExitCode code) => code switch
    {
        ExitCode.ToolFailure => 3,
        ExitCode.InputError => 2,
        ExitCode.PolicyBroken => 1,
        _ => 0,
    };
}

/// <summary>A seed judged: what became of it, how it breaks the policy, what is new since its accepted state, and its exit code.</summary>
/// <param name="Acceptance">Null when the seed has no accepted state.</param>
public sealed record SeedJudgement(SeedOutcome Outcome, IReadOnlyList<Breach> Breaches, AcceptanceResult? Acceptance, ExitCode Exit)
{
    public SeedStatus Status => Outcome.Status;

    public string? Reason => Outcome.Reason;
}

/// <summary>A seed's accepted state (<c>archive accept</c>), as the judge reads it.</summary>
public sealed record AcceptedOutcome(DateTimeOffset At, string? Snapshot, SeedOutcome Outcome);

/// <summary>The seed against its accepted state: whether it still drifts exactly as it did then, and what is new, in words.</summary>
public sealed record AcceptanceResult(DateTimeOffset At, string? Snapshot, bool Unchanged, IReadOnlyList<string> Changes);
