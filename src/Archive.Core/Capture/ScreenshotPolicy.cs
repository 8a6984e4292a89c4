namespace Archive.Capture;

/// <summary>Which seeds get a full-page picture of the live page (<c>--screenshots</c>).</summary>
public enum ScreenshotPolicy
{
    /// <summary>Seeds whose live text drifted or is gone, and seeds with no picture yet; the report shows an earlier run's picture for the rest.</summary>
    Findings,

    /// <summary>Every rendered page, every run.</summary>
    All,

    /// <summary>None.</summary>
    None,
}
