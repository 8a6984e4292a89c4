using AngleSharp.Dom;

namespace Archive.Seeds;

/// <summary>
/// Where a picture stands in the text: the text block just before it and the one just after, normalised (letters
/// and digits, case folded). An archived image whose URL, file name and perceptual hash find nothing live is
/// looked for in the same place: the live image between the same paragraphs is what the article shows there now.
/// </summary>
/// <param name="Before">The nearest text block before the element; null when there is none.</param>
/// <param name="After">The nearest text block after it (often its caption); null when there is none.</param>
public sealed record MediaPlace(string? Before, string? After)
{
    /// <summary>Nodes looked at on each side before giving up: a picture far from any text has no place to match by.</summary>
    public const int MaxSteps = 2_000;

    /// <summary>Whether two places name the same spot: the same block before, or the same block after.</summary>
    public bool SameAs(MediaPlace other) =>
        (Before is not null && Before == other.Before) || (After is not null && After == other.After);

    internal static MediaPlace Of(IElement element, IElement root, Func<IElement, bool> isBlock, Func<IElement, bool> isSilent) =>
        new(Text(element, root, forward: false, isBlock, isSilent), Text(element, root, forward: true, isBlock, isSilent));

    private static string? Text(IElement element, IElement root, bool forward, Func<IElement, bool> isBlock, Func<IElement, bool> isSilent)
    {
        INode? node = element;
        for (var steps = 0; steps < MaxSteps; steps++)
        {
            node = forward ? Next(node, root) : Previous(node, root);
            if (node is null)
            {
                return null;
            }

            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data) && !InSilent(text, root, isSilent))
            {
                var block = text.ParentElement;
                while (block is not null && block != root && !isBlock(block))
                {
                    block = block.ParentElement;
                }

                var key = Key((block ?? root).TextContent);
                return key.Length == 0 ? null : key;
            }
        }

        return null;
    }

    private static bool InSilent(INode node, IElement root, Func<IElement, bool> isSilent)
    {
        for (var e = node.ParentElement; e is not null && e != root; e = e.ParentElement)
        {
            if (isSilent(e))
            {
                return true;
            }
        }

        return false;
    }

    // Document order, skipping the subtree of the element itself when going forward.
    private static INode? Next(INode node, IElement root)
    {
        if (node is not IElement { LocalName: "img" or "video" or "audio" or "iframe" or "embed" or "object" } && node.FirstChild is { } child)
        {
            return child;
        }

        for (var n = node; n is not null && n != root; n = n.Parent)
        {
            if (n.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    private static INode? Previous(INode node, IElement root)
    {
        if (node == root)
        {
            return null;
        }

        if (node.PreviousSibling is { } sibling)
        {
            var last = sibling;
            while (last.LastChild is { } child)
            {
                last = child;
            }

            return last;
        }

        return node.Parent is { } parent && parent != root ? parent : null;
    }

    private static string Key(string text)
    {
        var letters = new System.Text.StringBuilder(Math.Min(text.Length, 400));
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }
}
