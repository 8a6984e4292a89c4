using Spectre.Console;

namespace Archive.Cli;

/// <summary>
/// Where commands write: <see cref="Out"/> for results (tables, JSON) and <see cref="Error"/> for diagnostics.
/// On a terminal both are rich; redirected (CI, pipes) they degrade to plain text; tests hand in string writers.
/// </summary>
public sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error)
{
    public static CliConsole System() => new(
        OnStandard(Console.Out, Console.IsOutputRedirected),
        OnStandard(Console.Error, Console.IsErrorRedirected));

    /// <summary>A console without colour or terminal control, as CI logs and tests see it.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, int width = 160) => new(PlainOn(output, width), PlainOn(error, width));

    /// <summary>Writes text exactly as given, for machine-readable output that markup must not touch.</summary>
    public void WriteRaw(string text) => Out.Profile.Out.Writer.Write(text);

    private static IAnsiConsole OnStandard(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });

        // A log file has no width; wrapping long URLs at 80 columns only makes them hard to copy.
        if (redirected)
        {
            console.Profile.Width = 250;
        }

        return console;
    }

    private static IAnsiConsole PlainOn(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
