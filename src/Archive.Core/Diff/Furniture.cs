using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// Decides whether a live block the archive does not hold, inside the located article, is furniture (a caption, a
/// photo credit, a "Related" box, a share bar, an advertising label, a slideshow counter) rather than prose the
/// article gained. The evidence is what any page says about itself, never a list of sites: the elements around the
/// block (<c>figure</c>, <c>aside</c>, <c>nav</c>, ARIA roles), the class and id words of its containers, how much of
/// it is link text, whether it reads as a sentence, and whether it recurs on other pages of the same site.
/// </summary>
internal static partial class Furniture
{
    /// <summary>Below this many tokens, a block that does not end like a sentence is a label, not prose.</summary>
    public const int LabelTokens = 8;

    /// <summary>A block right after a picture and shorter than this is its caption; longer, it is the article's prose resuming.</summary>
    public const int CaptionTokens = 40;

    /// <summary>A block with at least this share of its characters inside links is a link list or a "Read more: …" line.</summary>
    public const double LinkDensity = 0.6;

    private static readonly HashSet<string> FurnitureElements = new(StringComparer.Ordinal)
    {
        "figure", "figcaption", "aside", "nav", "footer", "form", "button", "label", "small", "caption", "menu", "dialog",
    };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "complementary", "navigation", "note", "banner", "contentinfo", "dialog", "alertdialog", "toolbar", "menu", "menubar", "status", "timer", "marquee",
    };

    // Words sites put in class names and ids of in-article furniture, in the languages class names are written in
    // (English mostly, but also the site's own). Matched as whole words of a class or id split at -, _ and case.
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "related", "relacionados", "relacionadas", "relacionada", "relacionado", "relatedlinks", "verwandt", "connexes", "correlati", "powiazane",
        "promo", "promotion", "promoted", "newsletter", "newsletters", "subscribe", "subscription", "signup", "optin", "paywall",
        "share", "sharing", "sharebar", "social", "sociallinks", "follow", "tweet", "clicktotweet", "print",
        "caption", "captions", "credit", "credits", "copyright", "byline", "dateline", "author", "timestamp",
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored", "sponsors",
        "werbung", "anzeige", "publicidad", "publicite", "publicité", "pub", "reklama", "annuncio", "publicidade",
        "teaser", "teasers", "embed", "embedded", "recommended", "recommendations", "recirculation", "recirc", "outbrain", "taboola",
        "readmore", "readnext", "moreon", "morestories", "mostread", "popular", "trending", "toolbar", "tools", "widget",
        "slideshow", "gallery", "photo", "photos", "foto", "picture", "img", "image", "lightbox", "video", "player", "autoplay", "playlist", "counter", "pagination", "hatnote", "disclaimer", "disclosure", "banner", "cta", "comments",
        "breadcrumb", "breadcrumbs", "tags", "keywords", "topics", "lesen", "leia", "tambien", "aussi",
    };

    // How furniture lines begin, in the languages of the pages the tool checks. Only ever used with other evidence
    // of shortness or links: "Read more" inside a long paragraph of prose is still prose.
    [GeneratedRegex(@"^(read (more|next|also)|related( (coverage|stories|articles|content))?|see also|main articles?|further information|continue reading|click to tweet|advertisement|advertising|sponsored|share (this|on)|follow us|sign up|subscribe|watch|listen|photo|image|video|credit|source|lesen sie (auch|mehr)|mehr (zum thema|dazu)|weitere|auch interessant|lire (aussi|la suite)|à lire aussi|voir aussi|leia (mais|também)|veja também|saiba mais|lea también|lee también|ver también|más información|te puede interesar|czytaj (też|także|więcej)|zobacz (też|także)|leggi anche|související|čtěte také|相关|阅读|推荐|関連)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLead();

    /// <summary>Why <paramref name="block"/> is furniture, or null when it reads as prose of the article.</summary>
    /// <param name="body">The element holding every live block paired with the archive; containers are looked at below it only, since the article itself may sit in an <c>aside</c> or a <c>div.content-inline</c>.</param>
    /// <param name="recurring">Whether the same text appears on other live pages of the same site.</param>
    public static string? Reason(LiveBlock block, IElement? body, bool recurring)
    {
        if (recurring)
        {
            return "recurs on other pages of the site";
        }

        if (block.Block.Kind == BlockKind.Caption)
        {
            return "a caption";
        }

        for (var e = block.Owner; e is not null && e != body; e = e.ParentElement)
        {
            if (FurnitureElements.Contains(e.LocalName))
            {
                return $"inside <{e.LocalName}>";
            }

            if (e.GetAttribute("role") is { } role && FurnitureRoles.Contains(role.Trim()))
            {
                return $"inside role={role.Trim()}";
            }

            if (e.GetAttribute("aria-hidden") is "true")
            {
                return "inside aria-hidden";
            }

            if (FurnitureWord(e) is { } word)
            {
                return $"inside a \"{word}\" container";
            }
        }

        var text = block.Text;
        if (text.Count < CaptionTokens && FollowsPicture(block.Owner, body))
        {
            return "a caption beside a picture";
        }

        var links = LinkShare(block);
        if (links >= LinkDensity)
        {
            return "mostly link text";
        }

        if (!EndsLikeSentence(text.Text) && text.Count < 2 * LabelTokens && FurnitureLead().IsMatch(text.Text.Trim()))
        {
            return "a furniture line";
        }

        // A subheading the archive lacks is the article's own structure, unless other evidence above said otherwise.
        if (text.Count < LabelTokens && !EndsLikeSentence(text.Text) && block.Block.Kind != BlockKind.Heading)
        {
            return "a short label";
        }

        return null;
    }

    /// <summary>Whether the element, or a container of it below the body, comes right after a picture with no text of its own: how a caption sits without <c>figcaption</c>.</summary>
    private static bool FollowsPicture(IElement? owner, IElement? body)
    {
        for (var e = owner; e is not null && e != body; e = e.ParentElement)
        {
            if (e.PreviousElementSibling is { } before)
            {
                var picture = before.LocalName is "img" or "picture" or "video" || before.QuerySelector("img, picture, video") is not null;
                return picture && string.IsNullOrWhiteSpace(before.TextContent);
            }
        }

        return false;
    }

    private static bool EndsLikeSentence(string text) => Regex.IsMatch(text, @"\p{L}\p{L}[.!?。！？]['""’”»)]?\s*$");

    private static string? FurnitureWord(IElement element)
    {
        foreach (var name in element.ClassList.Append(element.Id ?? string.Empty))
        {
            foreach (var word in Words(name))
            {
                if (FurnitureWords.Contains(word))
                {
                    return word;
                }
            }
        }

        return null;
    }

    /// <summary>The words of a class name or id: split at '-', '_', ':', digits and lower-to-upper case changes ("shareBar" → share, bar).</summary>
    internal static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var end = i == name.Length
                || name[i] is '-' or '_' or ':' or '.' || char.IsDigit(name[i])
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!end)
            {
                continue;
            }

            var word = name[start..i].Trim('-', '_', ':', '.');
            if (word.Length > 0 && !char.IsDigit(word[0]))
            {
                yield return word.ToLower(CultureInfo.InvariantCulture);
            }

            start = i;
        }
    }

    /// <summary>The share of the block's characters that are link text, when its element holds this block alone.</summary>
    private static double LinkShare(LiveBlock block)
    {
        if (block.Owner is not { } owner)
        {
            return 0;
        }

        var own = Whitespace.Collapse(owner.TextContent).Length;
        var length = block.Block.Text.Length;
        if (length == 0 || own > length * 1.2 + 10)
        {
            return 0;
        }

        var linked = owner.QuerySelectorAll("a").Sum(a => Whitespace.Collapse(a.TextContent).Length);
        return Math.Min(1, (double)linked / length);
    }
}
