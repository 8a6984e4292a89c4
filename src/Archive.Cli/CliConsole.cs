using Spectre.Console;

namespace Archive.Cli;

/// <summary>
/// Where commands write: <see cref="Out"/> for results (tables, JSON) and <see cref="Error"/> for diagnostics.
/// On a terminal both are rich; redirected (CI, pipes) they degrade to plain text; tests hand in string writers.
/// </summary>
public sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>The bytes of standard output, for a report sent there (<c>--json -</c>) while everything else goes to <see cref="Error"/>.</summary>
    public Func<Stream> StandardOutput { get; init; } = Console.OpenStandardOutput;

    public static CliConsole System() => new(
        OnStandard(Console.Out, Console.IsOutputRedirected),
        OnStandard(Console.Error, Console.IsErrorRedirected));

    /// <summary>A console without colour or terminal control, as CI logs and tests see it.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, int width = 160) =>
        new(PlainOn(output, width), PlainOn(error, width)) { StandardOutput = () => new WriterStream(output) };

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

/// <summary>Bytes written as UTF-8 text into a writer: standard output as a test's string writer holds it.</summary>
internal sealed class WriterStream(TextWriter writer) : Stream
{
    private readonly System.Text.Decoder decoder = System.Text.Encoding.UTF8.GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[decoder.GetCharCount(buffer, flush: false)];
        decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
