using AngleSharp.Dom;

namespace Archive.Seeds;

/// <summary>
/// The archived body made safe to show in a browser: what a reader saw (text, images, layout) without anything
/// that acts — scripts, frames, plugins, refreshes, base URLs, forms' targets, event handlers, <c>javascript:</c>
/// and <c>data:</c> URLs (images excepted), style sheets and styles that load resources. The renderer also runs it
/// with JavaScript off and only images allowed through, so this is the first of two locks.
/// </summary>
public static class RenderableBody
{
    private const string Removed = "script, iframe, frame, frameset, object, embed, applet, meta, link, base, style, template, portal, noscript";
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "ping", "srcset", "data"];

    public static string From(IElement root)
    {
        var copy = (IElement)root.Clone(deep: true);
        foreach (var element in copy.QuerySelectorAll(Removed).ToList())
        {
            element.Remove();
        }

        foreach (var element in copy.QuerySelectorAll("*").Prepend(copy))
        {
            foreach (var attribute in element.Attributes.ToList())
            {
                var name = attribute.Name.ToLowerInvariant();
                var value = attribute.Value.Trim().ToLowerInvariant();
                var unsafeUrl = UrlAttributes.Contains(name) && (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || (value.StartsWith("data:", StringComparison.Ordinal) && !(name == "src" && value.StartsWith("data:image/", StringComparison.Ordinal) && !value.StartsWith("data:image/svg", StringComparison.Ordinal))));
                var loadingStyle = name == "style" && (value.Contains("url(", StringComparison.Ordinal) || value.Contains("expression(", StringComparison.Ordinal) || value.Contains("@import", StringComparison.Ordinal));
                if (name.StartsWith("on", StringComparison.Ordinal) || unsafeUrl || loadingStyle || name is "formaction" or "http-equiv" or "srcdoc")
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }
        }

        return copy.InnerHtml;
    }
}
