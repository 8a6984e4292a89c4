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
}
