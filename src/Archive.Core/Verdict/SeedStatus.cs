namespace Archive.Verdict;

/// <summary>A seed's overall status in the report.</summary>
public enum SeedStatus
{
    /// <summary>The live page still holds what was archived (differences, if any, are only cosmetic).</summary>
    Unchanged,

    /// <summary>The live page answers, but what was archived has changed or is gone from it.</summary>
    Changed,

    /// <summary>The live page is gone: 404/410, another error status after retries, DNS failure, refused connection, timeout.</summary>
    Dead,

    /// <summary>The seed could not be checked: it is unreadable, it points where the tool must not go, or the tool itself failed.</summary>
    Error,
}

/// <summary>A status and the reason a person needs to act on it.</summary>
/// <param name="Exit">For an <see cref="SeedStatus.Error"/>, which kind (an input error or a tool failure); whether any other status fails the run is the policy's to say (<see cref="Policy"/>).</param>
internal sealed record Judgement(SeedStatus Status, string? Reason, ExitCode Exit = ExitCode.Clean);
