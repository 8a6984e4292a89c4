using Archive.Cli;

namespace Archive.Tests.Cli;

/// <summary>Runs the real command line in-process with plain, captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ArchiveCli.RunAsync(args, CliConsole.Plain(output, error, width: 400), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
