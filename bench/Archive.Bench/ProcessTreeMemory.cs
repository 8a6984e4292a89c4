using System.Globalization;

namespace Archive.Bench;

/// <summary>Samples the resident memory of a process and of all its descendants (the browser's processes) from /proc.</summary>
internal sealed class ProcessTreeMemory(int rootPid)
{
    public long PeakRoot { get; private set; }

    public long PeakTree { get; private set; }

    public void Sample()
    {
        var parents = new Dictionary<int, int>();
        var rss = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                parents[pid] = int.Parse(Value(status, "PPid:"), CultureInfo.InvariantCulture);
                rss[pid] = status.Any(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) ? long.Parse(Value(status, "VmRSS:").Split(' ')[0], CultureInfo.InvariantCulture) * 1024 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended between listing and reading.
            }
        }

        var tree = new HashSet<int> { rootPid };
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }
        while (grew);

        PeakRoot = Math.Max(PeakRoot, rss.GetValueOrDefault(rootPid));
        PeakTree = Math.Max(PeakTree, tree.Sum(p => rss.GetValueOrDefault(p)));
    }

    private static string Value(string[] status, string key) => status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim();
}
