namespace Archive.Capture;

/// <summary>Which pictures a rendered page earns under <see cref="ScreenshotPolicy.Findings"/>; its caller decides, having compared the page.</summary>
[Flags]
public enum Pictures
{
    None = 0,

    /// <summary>A full-page picture of the live page.</summary>
    Live = 1,

    /// <summary>The archived body rendered in the same tab (JavaScript off, images only) and pictured, to set beside the live one.</summary>
    Archived = 2,
}
