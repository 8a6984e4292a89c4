using System.Globalization;

namespace Archive.Seeds;

/// <summary>One image candidate of a <c>srcset</c> attribute.</summary>
/// <param name="Width">The <c>w</c> descriptor, when given.</param>
/// <param name="Density">The <c>x</c> descriptor, when given.</param>
public sealed record SrcsetCandidate(string Url, string? Descriptor, double? Width, double? Density);

/// <summary>Parses <c>srcset</c> as the HTML standard's "parse a srcset attribute" algorithm does.</summary>
public static class Srcset
{
    public static IReadOnlyList<SrcsetCandidate> Parse(string value)
    {
        var candidates = new List<SrcsetCandidate>();
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && (IsSpace(value[i]) || value[i] == ','))
            {
                i++;
            }

            if (i >= value.Length)
            {
                break;
            }

            var urlStart = i;
            while (i < value.Length && !IsSpace(value[i]))
            {
                i++;
            }

            var url = value[urlStart..i];
            string? descriptor = null;
            if (url.EndsWith(','))
            {
                url = url.TrimEnd(',');
            }
            else
            {
                var descriptorStart = i;
                var depth = 0;
                while (i < value.Length && (depth > 0 || value[i] != ','))
                {
                    depth += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
                    i++;
                }

                descriptor = value[descriptorStart..i].Trim();
                if (descriptor.Length == 0)
                {
                    descriptor = null;
                }
            }

            if (url.Length > 0)
            {
                candidates.Add(Describe(url, descriptor));
            }
        }

        return candidates;
    }

    /// <summary>The candidate a browser on the largest screen would pick: the widest, else the densest, else the first.</summary>
    public static SrcsetCandidate? Largest(IReadOnlyList<SrcsetCandidate> candidates) =>
        candidates.Count == 0
            ? null
            : candidates.MaxBy(c => (c.Width ?? 0, c.Density ?? 1));

    private static SrcsetCandidate Describe(string url, string? descriptor)
    {
        double? width = null, density = null;
        foreach (var part in (descriptor ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2)
            {
                continue;
            }

            var number = part[..^1];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                continue;
            }

            switch (char.ToLowerInvariant(part[^1]))
            {
                case 'w':
                    width = n;
                    break;
                case 'x':
                    density = n;
                    break;
            }
        }

        return new SrcsetCandidate(url, descriptor, width, density);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
