using System.IO.Enumeration;

namespace Archive.Config;

/// <summary>
/// Seed paths as a config file names them: plain files and folders as they are, and patterns with <c>*</c> and
/// <c>?</c> (<c>seeds/rfi-*.txt</c>, <c>seeds/**/*.md</c>) expanded to the files they match, in path order.
/// </summary>
public static class SeedGlobs
{
    public static string[] Expand(IEnumerable<string> patterns)
    {
        var paths = new List<string>();
        foreach (var pattern in patterns)
        {
            var wild = pattern.IndexOfAny(['*', '?']);
            if (wild < 0)
            {
                paths.Add(pattern);
                continue;
            }

            // Everything before the first wildcard's folder is a plain folder to search under.
            var cut = pattern.LastIndexOfAny(['/', '\\'], wild);
            var root = cut < 0 ? "." : pattern[..cut];
            var rest = cut < 0 ? pattern : pattern[(cut + 1)..];
            if (!Directory.Exists(root))
            {
                paths.Add(pattern); // reported by the collector as a path that does not exist
                continue;
            }

            var matches = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => FileSystemName.MatchesSimpleExpression(rest.Replace("**/", "*", StringComparison.Ordinal), Path.GetRelativePath(root, f).Replace('\\', '/'), ignoreCase: false))
                .Order(StringComparer.Ordinal)
                .ToList();
            paths.AddRange(matches.Count > 0 ? matches : [pattern]);
        }

        return [.. paths];
    }
}
