namespace Archive.Diff;

/// <summary>
/// Text blocks learned across the live pages of one site: a block that appears on the pages of several other seeds
/// of the same host ("Share this article", "Sign up for our newsletter", an advertising label in the site's own
/// words, a standing "Related" teaser) is the site's furniture, wherever it sits in an article. Learned during a
/// run and, through the snapshot store, across runs, so that the second night knows what the first saw. Only short
/// blocks are kept (long prose does not recur), and a seed never counts as evidence about itself.
/// </summary>
public sealed class SiteBoilerplate
{
    /// <summary>A block recurs when the live pages of at least this many other seeds of the same host hold it.</summary>
    public const int MinOtherPages = 2;

    /// <summary>Blocks longer than this (tokens) are prose, not furniture, and are not learned.</summary>
    public const int MaxTokens = 60;

    /// <summary>Distinct blocks kept per host; past it new ones are not learned (what recurs is usually seen early).</summary>
    public const int MaxPerHost = 20_000;

    private readonly Dictionary<string, Dictionary<ulong, List<string>>> hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the blocks of <paramref name="page"/>, the live page of <paramref name="seedId"/>.</summary>
    public void Observe(Uri page, string seedId, IEnumerable<TokenizedText> blocks)
    {
        var keys = blocks.Where(b => b.Count is > 0 and <= MaxTokens).Select(Key).Distinct().ToList();
        lock (hosts)
        {
            var host = Host(page);
            foreach (var key in keys)
            {
                if (!host.TryGetValue(key, out var seeds))
                {
                    if (host.Count >= MaxPerHost)
                    {
                        continue;
                    }

                    host[key] = seeds = [];
                }

                // Enough seeds to tell that a block recurs for any seed asking are all that is kept.
                if (seeds.Count <= MinOtherPages && !seeds.Contains(seedId, StringComparer.Ordinal))
                {
                    seeds.Add(seedId);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="block"/> is on the live pages of at least <see cref="MinOtherPages"/> other seeds of the host.</summary>
    public bool Recurs(Uri page, string seedId, TokenizedText block)
    {
        if (block.Count is 0 or > MaxTokens)
        {
            return false;
        }

        lock (hosts)
        {
            return hosts.TryGetValue(HostName(page), out var host)
                && host.TryGetValue(Key(block), out var seeds)
                && seeds.Count(s => !string.Equals(s, seedId, StringComparison.Ordinal)) >= MinOtherPages;
        }
    }

    /// <summary>What is learned, for the snapshot store: host → block key (hex) → seeds that showed it.</summary>
    public Dictionary<string, Dictionary<string, string[]>> Export()
    {
        lock (hosts)
        {
            return hosts.ToDictionary(
                h => h.Key,
                h => h.Value.ToDictionary(b => b.Key.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), b => b.Value.ToArray()),
                StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>What an earlier run learned (see <see cref="Export"/>); entries that are not well formed are skipped.</summary>
    public static SiteBoilerplate Import(Dictionary<string, Dictionary<string, string[]>>? saved)
    {
        var learned = new SiteBoilerplate();
        foreach (var (host, blocks) in saved ?? [])
        {
            if (string.IsNullOrEmpty(host) || blocks is null)
            {
                continue;
            }

            var table = learned.hosts[host] = [];
            foreach (var (hex, seeds) in blocks.Take(MaxPerHost))
            {
                if (ulong.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var key) && seeds is not null)
                {
                    table[key] = seeds.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).Take(MinOtherPages + 1).ToList();
                }
            }
        }

        return learned;
    }

    private Dictionary<ulong, List<string>> Host(Uri page)
    {
        var name = HostName(page);
        if (!hosts.TryGetValue(name, out var host))
        {
            hosts[name] = host = [];
        }

        return host;
    }

    private static string HostName(Uri page) => page.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? page.Host[4..] : page.Host;

    /// <summary>A stable key of the block's normalised tokens (the same across runs and machines).</summary>
    internal static ulong Key(TokenizedText text)
    {
        var h = 14695981039346656037UL;
        foreach (var token in text.Tokens)
        {
            foreach (var c in token.Key)
            {
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }

            h = (h ^ 0x1F) * 1099511628211UL;
        }

        return Shingles.Mix(h);
    }
}
