using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Archive.Diff;

/// <summary>A rule that cannot be used: a selector that does not parse, a pattern that does not compile.</summary>
public sealed class IgnoreRuleException(string message) : Exception(message);

/// <summary>
/// What to leave out of the comparison on pages with volatile parts: elements of the live page to drop (CSS
/// selectors: a view counter, a "most read" box inside the article) and text to mask on both sides (regular
/// expressions: "17 分钟前", "Updated 3 hours ago"). A masked match compares equal to any other masked match.
/// </summary>
public sealed class IgnoreRules
{
    /// <summary>What every match of a mask becomes, on both sides.</summary>
    public const string MaskText = "[masked]";

    private IgnoreRules(IReadOnlyList<string> selectors, IReadOnlyList<Regex> masks)
    {
        Selectors = selectors;
        Masks = masks;
    }

    public static IgnoreRules None { get; } = new([], []);

    public IReadOnlyList<string> Selectors { get; }

    public IReadOnlyList<Regex> Masks { get; }

    public bool IsEmpty => Selectors.Count == 0 && Masks.Count == 0;

    /// <summary>Checks and compiles rules; <paramref name="origin"/> names where they came from in any error (an option, a file).</summary>
    /// <exception cref="IgnoreRuleException">A selector or a pattern is not valid.</exception>
    public static IgnoreRules Create(IEnumerable<string> selectors, IEnumerable<string> masks, string origin)
    {
        var probe = new HtmlParser().ParseDocument(string.Empty);
        var checkedSelectors = new List<string>();
        foreach (var selector in selectors)
        {
            try
            {
                probe.QuerySelectorAll(selector);
            }
            catch (DomException)
            {
                throw new IgnoreRuleException($"{origin}: '{selector}' is not a valid CSS selector");
            }

            checkedSelectors.Add(selector);
        }

        var compiled = new List<Regex>();
        foreach (var pattern in masks)
        {
            try
            {
                // The non-backtracking engine matches in time linear in the text: an untrusted page cannot make a
                // user's pattern run for ever, so no timeout is needed.
                var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
                if (regex.IsMatch(string.Empty))
                {
                    throw new IgnoreRuleException($"{origin}: '{pattern}' matches empty text, so it would mask between every two characters");
                }

                compiled.Add(regex);
            }
            catch (NotSupportedException)
            {
                throw new IgnoreRuleException($"{origin}: '{pattern}' uses a construct (a back-reference, a look-around, an atomic group) that linear-time matching does not support");
            }
            catch (ArgumentException e)
            {
                throw new IgnoreRuleException($"{origin}: '{pattern}' is not a valid regular expression: {e.Message}");
            }
        }

        return new IgnoreRules(checkedSelectors, compiled);
    }

    /// <summary>These rules and <paramref name="other"/>'s together.</summary>
    public IgnoreRules With(IgnoreRules other) =>
        other.IsEmpty ? this : IsEmpty ? other : new([.. Selectors, .. other.Selectors], [.. Masks, .. other.Masks]);

    /// <summary>Removes every element a selector matches from <paramref name="document"/>.</summary>
    public void Drop(IDocument document)
    {
        foreach (var selector in Selectors)
        {
            foreach (var element in document.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }
    }

    public string Mask(string text)
    {
        foreach (var mask in Masks)
        {
            text = mask.Replace(text, MaskText);
        }

        return text;
    }
}
