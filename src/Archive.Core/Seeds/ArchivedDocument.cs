namespace Archive.Seeds;

/// <summary>
/// The archived body as later stages see it: readable text in blocks, the media it shows and the links it holds,
/// each in document order and with every URL resolved against the seed's source URL.
/// </summary>
public sealed record ArchivedDocument(
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<MediaReference> Media,
    IReadOnlyList<LinkReference> Links)
{
    public static ArchivedDocument Empty { get; } = new([], [], []);

    public int ImageCount => Media.Count(m => m.Kind == MediaKind.Image);
}

/// <summary>What kind of paragraph-level unit a block is; the diff treats headings and captions apart from body text.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Caption,
    Quote,
    Preformatted,
    TableCell,

    /// <summary>Text that sits directly in a generic container (a <c>div</c>, the body) rather than in a paragraph.</summary>
    Text,
}

/// <param name="Text">The block's text as a reader sees it: HTML white space collapsed, nothing else changed.</param>
public sealed record TextBlock(int Index, BlockKind Kind, string Text);

public enum MediaKind
{
    Image,
    Video,
    Audio,

    /// <summary>An <c>iframe</c>, <c>embed</c> or <c>object</c>: a whole embedded page or player.</summary>
    Embed,
}

/// <summary>One piece of media the archived page showed.</summary>
/// <param name="Url">The URL that best stands for the media: the largest <c>srcset</c> candidate, else a lazy-loading attribute, else <c>src</c>.</param>
/// <param name="Element">The element it came from (<c>img</c>, <c>video</c>, <c>iframe</c>…).</param>
/// <param name="Candidates">Every URL the element offered for the same media, <paramref name="Url"/> included.</param>
/// <param name="Place">Where it stands in the text (the blocks around it); null when not worked out.</param>
public sealed record MediaReference(
    int Index,
    MediaKind Kind,
    string Element,
    Uri Url,
    IReadOnlyList<MediaCandidate> Candidates,
    string? Alt,
    MediaPlace? Place = null);

/// <param name="Attribute">Where the URL was found: <c>src</c>, <c>srcset</c>, <c>data-src</c>, <c>poster</c>, <c>source[srcset]</c>…</param>
/// <param name="Descriptor">The srcset descriptor (<c>640w</c>, <c>2x</c>) when there is one.</param>
public sealed record MediaCandidate(Uri Url, string Attribute, string? Descriptor);

/// <summary>What a link points at, which decides whether it can be fetched.</summary>
public enum LinkTarget
{
    Http,
    Mailto,
    Tel,
    JavaScript,

    /// <summary>A link to a place in the same page (<c>#top</c>).</summary>
    Fragment,
    UnsupportedScheme,
    Malformed,
}

/// <summary>One <c>a href</c> (or <c>area href</c>) of the archived body.</summary>
/// <param name="Href">The attribute exactly as archived.</param>
/// <param name="Url">The resolved, normalised URL; null when <paramref name="Target"/> is <see cref="LinkTarget.JavaScript"/> or <see cref="LinkTarget.Malformed"/>.</param>
/// <param name="Text">The link's text, white space collapsed.</param>
public sealed record LinkReference(int Index, string Href, Uri? Url, string Text, LinkTarget Target)
{
    public bool IsFetchable => Target == LinkTarget.Http;
}
