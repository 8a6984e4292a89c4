using System.CommandLine;
using Archive.Cli.Commands;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli;

/// <summary>The command line: parses arguments, runs one command, and turns its outcome into an <see cref="ExitCode"/>.</summary>
public static class ArchiveCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Archive: checks archived web pages against the live web and reports exactly what changed.");
        root.Subcommands.Add(SeedsCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(AcceptCommand.Create(console));
        root.Subcommands.Add(HistoryCommand.Create(console));
        root.Subcommands.Add(MergeCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(BrowserCommand.Create(console));
        return root;
    }

    /// <param name="interruptedExit">The exit code when <paramref name="cancellationToken"/> was cancelled by a signal (130 for SIGINT, 143 for SIGTERM).</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken, Func<int>? interruptedExit = null)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            console.Error.WriteLine("Run 'archive --help' for usage.");
            return (int)ExitCode.InputError;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out.Profile.Out.Writer,
                    Error = console.Error.Profile.Out.Writer,
                    EnableDefaultExceptionHandler = false,

                    // Signals are the host's (Program.cs): System.CommandLine's own handling would cancel the run and
                    // then return after 2 s whether or not it had stopped cleanly, which under load it has not.
                    ProcessTerminationTimeout = null,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RunInterruptedException e)
        {
            console.Error.WriteLine(e.Message);
            return interruptedExit?.Invoke() ?? 130;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine("interrupted");
            return interruptedExit?.Invoke() ?? 130;
        }
#pragma warning disable CA1031 // The tool's last line of defence: any failure becomes exit code 3 with its reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.MarkupLineInterpolated($"[red]archive failed:[/] {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("ARCHIVE_DEBUG") is "1")
            {
                console.Error.WriteLine(e.ToString());
            }

            return (int)ExitCode.ToolFailure;
        }
    }
}

/// <summary>A run stopped by a signal; the message says how far it got and how to go on.</summary>
internal sealed class RunInterruptedException(string message, Exception inner) : Exception(message, inner);
