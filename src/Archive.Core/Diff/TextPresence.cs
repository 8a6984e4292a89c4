using Archive.Seeds;

namespace Archive.Diff;

/// <summary>
/// A cheap first look, before the comparison proper, at whether a live page's text holds the archived text: the
/// capture asks it after the page has loaded, and when the answer is "hardly any of it" the page is given more time
/// to settle and read again, since a body a script fills in late (a "loading" skeleton until then) must not be
/// judged replaced. Only such suspect pages pay for the wait.
/// </summary>
internal static class TextPresence
{
    /// <summary>A first read holding less than this share of the archived text's distinct shingles is suspect.</summary>
    public const double SuspectBelow = 0.5;

    /// <summary>A test for live page text (<c>innerText</c>): true when it holds less than <see cref="SuspectBelow"/> of <paramref name="seed"/>'s text.</summary>
    public static Func<string, bool> Probe(Seed seed, IgnoreRules rules)
    {
        var interner = new TokenInterner();
        var archived = seed.Document.Blocks
            .SelectMany(b => interner.Tokenize(rules.Mask(TextNormalizer.DecodeEntities(b.Text))).Shingles)
            .ToHashSet();
        if (archived.Count == 0)
        {
            return _ => false;
        }

        return text =>
        {
            var live = interner.Tokenize(rules.Mask(text)).Shingles.ToHashSet();
            return archived.Count(live.Contains) < SuspectBelow * archived.Count;
        };
    }
}
