using System.CommandLine;

namespace Archive.Cli;

/// <summary>Arguments several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CliArguments
{
    /// <summary>Seed files or directories; <c>seeds/</c> when none are named.</summary>
    public static Argument<string[]> Seeds()
    {
        var paths = new Argument<string[]>("seeds")
        {
            Description = "Seed files or directories (searched recursively).",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["seeds"],
        };
        paths.Validators.Add(CliValidation.NoUnknownOptions);
        return paths;
    }
}
