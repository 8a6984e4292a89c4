using Archive.Capture;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Media;

/// <summary>
/// The live page's media: every image, video, audio and embed its rendered DOM references (the same reading as
/// for the archived body), with the bytes the browser received for them when it loaded them.
/// </summary>
internal sealed class LiveMedia
{
    private readonly Dictionary<string, CapturedImage> loaded;

    // Every live reference with the keys and stems of all its candidates, worked out once per page rather than
    // once per archived reference that looks for its copy.
    private readonly List<(MediaReference Reference, HashSet<string> Keys, HashSet<string> Stems)> indexed;

    private LiveMedia(IReadOnlyList<MediaReference> references, Dictionary<string, CapturedImage> loaded)
    {
        this.loaded = loaded;
        indexed = references.Select(r => (r, Keys(r), r.Candidates.Select(c => MediaUrlKey.Stem(c.Url)).OfType<string>().ToHashSet(StringComparer.Ordinal))).ToList();
    }

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

        var page = LiveHtml.Parse(capture.Html);
        var root = page.Body ?? page.DocumentElement;
        return new LiveMedia(ArchivedDocumentParser.ReadMedia(root, capture.FinalUrl), loaded);
    }

    /// <summary>The live page's media of a kind.</summary>
    public IEnumerable<MediaReference> OfKind(MediaKind kind) => indexed.Where(e => e.Reference.Kind == kind).Select(e => e.Reference);

    /// <summary>The first live reference of the same kind offering the same picture by URL (see <see cref="MediaUrlKey"/>).</summary>
    public MediaReference? ByKey(MediaReference archived)
    {
        var keys = Keys(archived);
        return indexed.FirstOrDefault(e => e.Reference.Kind == archived.Kind && e.Keys.Overlaps(keys)).Reference;
    }

    /// <summary>Live images whose file name is one of the archived reference's.</summary>
    public List<MediaReference> ByStem(MediaReference archived)
    {
        var stems = archived.Candidates.Select(c => MediaUrlKey.Stem(c.Url)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return indexed.Where(e => e.Reference.Kind == MediaKind.Image && e.Stems.Overlaps(stems)).Select(e => e.Reference).ToList();
    }

    /// <summary>The live image in the archived image's place in the text (between the same blocks), preferring one with the same blocks on both sides.</summary>
    public MediaReference? ByPlace(MediaReference archived) =>
        archived.Place is not { } place
            ? null
            : indexed.Select(e => e.Reference)
                .Where(r => r.Kind == MediaKind.Image && r.Place is { } p && p.SameAs(place))
                .OrderByDescending(r => r.Place!.Before == place.Before && r.Place.After == place.After)
                .FirstOrDefault();

    /// <summary>What the browser received for a URL, if it asked for it.</summary>
    public CapturedImage? Loaded(Uri url) => loaded.GetValueOrDefault(url.AbsoluteUri);

    /// <summary>The best loaded answer among a reference's candidates: one with bytes, the largest.</summary>
    public CapturedImage? Loaded(MediaReference reference) => reference.Candidates
        .Select(c => Loaded(c.Url))
        .Where(i => i is { Bytes: not null, Status: >= 200 and < 300 })
        .MaxBy(i => i!.Size);

    private static HashSet<string> Keys(MediaReference reference) => reference.Candidates.Select(c => MediaUrlKey.Of(c.Url)).ToHashSet(StringComparer.Ordinal);
}
