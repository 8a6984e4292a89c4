namespace Archive.Verdict;

/// <summary>The process exit codes every command uses; scripts and CI gates rely on these numbers.</summary>
public enum ExitCode
{
    /// <summary>Everything checked is within the user's thresholds.</summary>
    Clean = 0,

    /// <summary>Drift or problems were found above the user's thresholds.</summary>
    PolicyBroken = 1,

    /// <summary>The command line or an input (seed, config) is wrong.</summary>
    InputError = 2,

    /// <summary>The tool itself failed (a bug, a missing browser, a disk that refuses writes).</summary>
    ToolFailure = 3,
}
