namespace Archive.Seeds;

/// <summary>
/// A linear pre-scan that estimates how deeply an HTML text nests its elements, so that pathological input is
/// refused before the HTML parser (whose tree building is quadratic in depth) ever sees it. It follows only as much
/// of the HTML tokenizer as matters for depth: comments, raw-text elements, void elements, self-closing tags and
/// the elements whose end tags are optional.
/// </summary>
internal static class HtmlNestingScanner
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    // Start tags before which the tree builder closes an open <p> ("close a p element" in the HTML standard).
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "listing", "xmp",
    };

    // Where the search for an element to close implicitly stops ("button scope", "list item scope", "table scope").
    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "table", "td", "th", "caption", "button", "object", "marquee", "template", "applet",
    };

    // For elements with optional end tags: which open elements a new start tag closes, and which containers stop the search.
    private static readonly Dictionary<string, (string[] Closes, string[] Stops)> ImpliedEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["li"] = (["li"], ["ul", "ol", "menu"]),
        ["dt"] = (["dt", "dd"], ["dl"]),
        ["dd"] = (["dt", "dd"], ["dl"]),
        ["tr"] = (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot"]),
        ["td"] = (["td", "th"], ["tr", "table"]),
        ["th"] = (["td", "th"], ["tr", "table"]),
        ["thead"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["tbody"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["tfoot"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["option"] = (["option"], ["select", "datalist", "optgroup"]),
        ["optgroup"] = (["option", "optgroup"], ["select"]),
    };

    /// <summary>Finds the first place the nesting exceeds <paramref name="limit"/>.</summary>
    /// <returns>The 1-based line (within <paramref name="html"/>) where the limit was passed, or null when it never is.</returns>
    public static int? FindExcess(string html, int limit)
    {
        var open = new List<string>();
        var line = 1;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (c != '<' || i + 1 >= html.Length)
            {
                i++;
                continue;
            }

            var next = html[i + 1];
            if (next == '!')
            {
                var end = html.StartsWith("<!--", StringComparison.Ordinal)
                    ? IndexOrEnd(html, "-->", i + 4)
                    : IndexOrEnd(html, ">", i + 2);
                line += Count(html, '\n', i, end);
                i = end;
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var name = html[nameStart..nameEnd];
            var tagEnd = IndexOrEnd(html, ">", nameEnd);
            line += Count(html, '\n', i, tagEnd);
            var selfClosing = tagEnd - 2 >= nameEnd && html[tagEnd - 2] == '/';
            i = tagEnd;

            if (closing)
            {
                var at = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                continue;
            }

            if (VoidElements.Contains(name) || selfClosing)
            {
                continue;
            }

            if (RawTextElements.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var resume = close < 0 ? html.Length : close;
                line += Count(html, '\n', i, resume);
                i = resume;
                continue;
            }

            CloseImplied(open, name);
            open.Add(name);
            if (open.Count > limit)
            {
                return line;
            }
        }

        return null;
    }

    private static void CloseImplied(List<string> open, string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            CloseBack(open, ["p"], ScopeBoundaries);
        }

        if (ImpliedEnds.TryGetValue(name, out var rule))
        {
            CloseBack(open, rule.Closes, rule.Stops);
        }
    }

    private static void CloseBack(List<string> open, IEnumerable<string> closes, IEnumerable<string> stops)
    {
        for (var at = open.Count - 1; at >= 0; at--)
        {
            if (closes.Contains(open[at], StringComparer.OrdinalIgnoreCase))
            {
                open.RemoveRange(at, open.Count - at);
                return;
            }

            if (stops.Contains(open[at], StringComparer.OrdinalIgnoreCase) || ScopeBoundaries.Contains(open[at]))
            {
                return;
            }
        }
    }

    private static int IndexOrEnd(string text, string value, int start)
    {
        var at = text.IndexOf(value, start, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + value.Length;
    }

    private static int Count(string text, char c, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to; k++)
        {
            if (text[k] == c)
            {
                n++;
            }
        }

        return n;
    }
}
