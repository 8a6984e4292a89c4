using Archive.Report;

namespace Archive.Pipeline;

/// <summary>Hears about a run as it goes, so a console or a log can show progress; the pipeline knows nothing of either.</summary>
public interface ICheckObserver
{
    void RunStarted(int seeds);

    void SeedFinished(SeedReport seed, int finished, int total);
}
