using AngleSharp.Html.Parser;
using Archive.Capture;
using Archive.Seeds;

namespace Archive.Media;

/// <summary>
/// The live page's media: every image, video, audio and embed its rendered DOM references (the same reading as
/// for the archived body), with the bytes the browser received for them when it loaded them.
/// </summary>
internal sealed class LiveMedia
{
    private readonly Dictionary<string, CapturedImage> loaded;

    private LiveMedia(IReadOnlyList<MediaReference> references, Dictionary<string, CapturedImage> loaded)
    {
        References = references;
        this.loaded = loaded;
    }

    public IReadOnlyList<MediaReference> References { get; }

    public static LiveMedia From(PageCapture capture, int maxNesting)
    {
        var loaded = new Dictionary<string, CapturedImage>(StringComparer.Ordinal);
        foreach (var image in capture.Images)
        {
            // The last answer wins: a later request for the same URL replaced an earlier failure.
            if (image.Bytes is not null || !loaded.ContainsKey(image.Url.AbsoluteUri))
            {
                loaded[image.Url.AbsoluteUri] = image;
            }
        }

        if (capture.Html is null || HtmlNestingScanner.FindExcess(capture.Html, maxNesting) is not null)
        {
            return new LiveMedia([], loaded);
        }

        var page = new HtmlParser().ParseDocument(capture.Html);
        var root = page.Body ?? page.DocumentElement;
        return new LiveMedia(ArchivedDocumentParser.ReadMedia(root, capture.FinalUrl), loaded);
    }

    /// <summary>What the browser received for a URL, if it asked for it.</summary>
    public CapturedImage? Loaded(Uri url) => loaded.GetValueOrDefault(url.AbsoluteUri);

    /// <summary>The best loaded answer among a reference's candidates: one with bytes, the largest.</summary>
    public CapturedImage? Loaded(MediaReference reference) => reference.Candidates
        .Select(c => Loaded(c.Url))
        .Where(i => i is { Bytes: not null, Status: >= 200 and < 300 })
        .MaxBy(i => i!.Size);
}
