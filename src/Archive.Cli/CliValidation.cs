using System.CommandLine.Parsing;

namespace Archive.Cli;

internal static class CliValidation
{
    /// <summary>
    /// A path argument would otherwise swallow a mistyped option ("--jsn") as a file name and report a missing
    /// file; an unknown option is a usage error and must be named as one.
    /// </summary>
    public static void NoUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        }
    }

    /// <summary>Adds a range check that stays quiet when the value did not even parse (the parser reports that itself).</summary>
    public static void InRange<T>(System.CommandLine.Option<T> option, T min, T max, string message)
        where T : IComparable<T>
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                result.AddError(message);
            }
        });
    }
}
