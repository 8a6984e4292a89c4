using System.Runtime.InteropServices;
using Archive.Cli;

// SIGINT (Ctrl+C) and SIGTERM (a scheduler stopping the job) ask the run to stop cleanly: the journal is kept, one
// plain line says how far it got, and the exit code is the shell's convention, 128 + the signal (130 or 143).
// A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
var exitOnInterrupt = 130;
void Interrupt(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        exitOnInterrupt = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        cancellation.Cancel();
    }
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
return await ArchiveCli.RunAsync(args, CliConsole.System(), cancellation.Token, () => exitOnInterrupt);
