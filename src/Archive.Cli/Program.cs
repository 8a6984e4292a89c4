using System.Runtime.InteropServices;
using Archive.Cli;

// SIGINT (Ctrl+C) and SIGTERM (a scheduler stopping the job) ask the run to stop cleanly: the journal is kept, one
// plain line says how far it got, and the exit code is the shell's convention, 128 + the signal (130 or 143).
// A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
var exitOnInterrupt = 130;
var signalled = 0;
void Interrupt(PosixSignalContext context)
{
    if (Interlocked.Exchange(ref signalled, 1) != 0)
    {
        return; // the second signal: the default action ends the process
    }

    context.Cancel = true;
    exitOnInterrupt = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
    try
    {
        cancellation.Cancel();
    }
    catch (ObjectDisposedException)
    {
        // the run had already ended: nothing left to stop
    }
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await ArchiveCli.RunAsync(args, CliConsole.System(), cancellation.Token, () => exitOnInterrupt);
