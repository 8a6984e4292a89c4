using System.Globalization;
using Archive.Diff;
using Archive.IO;
using Archive.Links;
using Archive.Media;

namespace Archive.Verdict;

/// <summary>One way a seed breaks the policy.</summary>
/// <param name="Key">What the finding is, independent of wording and scores: the same drift seen on two runs has the same key, so an accepted state can be told from a new change.</param>
/// <param name="Message">The finding in words.</param>
public sealed record Breach(string Key, string Message);

/// <summary>Which text changes break the policy.</summary>
public enum ChangeThreshold
{
    /// <summary>Text changes never fail the run.</summary>
    Off,

    /// <summary>Any change beyond cosmetic fails.</summary>
    Minor,

    /// <summary>Only major changes (similarity under 0.9) fail.</summary>
    Major,
}

/// <summary>
/// What fails the run: the user's thresholds. The seed's status says what happened; the policy says whether it
/// matters. Every field is optional in an override (<see cref="PolicyOverride"/>), so per-seed rules change only
/// what they name.
/// </summary>
/// <param name="Changed">Which text changes fail.</param>
/// <param name="MaxDrift">When set, a text change fails only when the drift (1 − similarity) is above it.</param>
/// <param name="Dead">Whether a dead page fails.</param>
/// <param name="Soft404">Whether a soft-404 (the page answers but the article is gone) fails.</param>
/// <param name="Media">Media statuses that fail.</param>
/// <param name="MaxDeadLinks">More dead or soft-404 links than this in one seed fail; null for no limit.</param>
/// <param name="MaxDeadLinkRatio">A larger share of a seed's checked links dead or soft-404 fails; null for no limit.</param>
public sealed record Policy(
    ChangeThreshold Changed = ChangeThreshold.Minor,
    double? MaxDrift = null,
    bool Dead = true,
    bool Soft404 = true,
    IReadOnlySet<MediaStatus>? Media = null,
    int? MaxDeadLinks = null,
    double? MaxDeadLinkRatio = null)
{
    public static Policy Default { get; } = new();

    public IReadOnlySet<MediaStatus> FailingMedia => Media ?? DefaultMedia;

    private static readonly HashSet<MediaStatus> DefaultMedia = Enum.GetValues<MediaStatus>().Where(MediaFinding.IsDriftStatus).ToHashSet();

    /// <summary>A policy that every finding breaks: what a seed drifts by at all, for comparing with an accepted state.</summary>
    public static Policy Everything { get; } = new(ChangeThreshold.Minor, null, true, true, Enum.GetValues<MediaStatus>().Where(m => m is not (MediaStatus.Same or MediaStatus.Resized)).ToHashSet(), 0, null);

    /// <summary>The ways a seed breaks this policy; empty when it does not.</summary>
    public IReadOnlyList<Breach> Breaches(SeedOutcome seed)
    {
        var breaches = new List<Breach>();
        switch (seed.Status)
        {
            case SeedStatus.Error:
                return breaches; // not a finding about the page: its exit code says input error or tool failure
            case SeedStatus.Dead when seed.Soft404:
                if (Soft404)
                {
                    // The reason names the soft-404 itself ("soft-404: the live page no longer holds…"): said once.
                    breaches.Add(new Breach("page:soft404", seed.Reason is { } said && said.StartsWith("soft-404", StringComparison.Ordinal) ? said : "soft-404: " + seed.Reason));
                }

                break;
            case SeedStatus.Dead:
                if (Dead)
                {
                    breaches.Add(new Breach("page:dead", "dead: " + seed.Reason));
                }

                break;
        }

        if (seed.Status == SeedStatus.Changed && TextBreach(seed) is { } text)
        {
            breaches.Add(new Breach(TextKey(seed), text));
        }

        // A registered comparison's drift changes the page as a text change does, so the same threshold governs it.
        if (seed.Status == SeedStatus.Changed && Changed != ChangeThreshold.Off)
        {
            breaches.AddRange(seed.Comparisons.Select(c => new Breach($"{c.Name}:{c.Key}", $"{c.Name}: {c.Drift}")));
        }

        breaches.AddRange(seed.Media.Where(m => FailingMedia.Contains(m.Status)).Select(m => new Breach(
            $"media:{m.Index}:{m.Status}:{m.LiveSha256}",
            $"{m.Kind.ToString().ToLowerInvariant()} {m.Status.ToString().ToLowerInvariant()}: {m.ArchivedUrl}")));

        var checkedLinks = seed.Links.Where(l => l.Kind != LinkKind.Source && l.Status != LinkStatus.Skipped).ToList();
        var deadLinks = checkedLinks.Where(l => l.Status is LinkStatus.Dead or LinkStatus.Soft404).Select(l => l.Url).Order(StringComparer.Ordinal).ToList();
        var dead = deadLinks.Count;
        var linksKey = "links:" + string.Join(' ', deadLinks);
        if (MaxDeadLinks is { } most && dead > most)
        {
            breaches.Add(new Breach(linksKey, $"{dead} dead links, more than {most}"));
        }
        else if (MaxDeadLinkRatio is { } ratio && checkedLinks.Count > 0 && (double)dead / checkedLinks.Count > ratio)
        {
            breaches.Add(new Breach(linksKey, string.Create(CultureInfo.InvariantCulture, $"{dead} of {checkedLinks.Count} links dead, more than {ratio:P0}")));
        }

        return breaches;
    }

    private string? TextBreach(SeedOutcome seed)
    {
        var severity = seed.Severity;
        var hasTextChange = severity is Severity.Minor or Severity.Major;
        if (!hasTextChange)
        {
            // Changed for another reason: the URL serves a PDF now, or only media drifted (counted above).
            return seed.Similarity is null && seed.Media.All(m => !FailingMedia.Contains(m.Status)) && seed.Comparisons.Count == 0 && Changed != ChangeThreshold.Off
                ? "changed: " + seed.Reason
                : null;
        }

        if (Changed == ChangeThreshold.Off || (Changed == ChangeThreshold.Major && severity != Severity.Major))
        {
            return null;
        }

        var drift = 1 - (seed.Similarity ?? 0);
        if (MaxDrift is { } max && drift <= max)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"text {severity.ToString()!.ToLowerInvariant()} change (drift {drift:0.###}{(MaxDrift is { } m ? $", above {m:0.###}" : string.Empty)})");
    }

    /// <summary>What the text drift is, independent of scores: every changed block's operation and texts.</summary>
    private static string TextKey(SeedOutcome seed)
    {
        var changes = seed.Blocks.Where(b => b.IsDrift).Select(b => $"{b.Op}|{b.Title}|{b.Archived}|{b.Live}");
        return "text:" + ContentHash.Of(string.Join('\n', changes) + "|" + seed.Reason)[..16];
    }

    /// <summary>This policy with an override's named fields replacing its own.</summary>
    public Policy With(PolicyOverride o) => new(
        o.Changed ?? Changed,
        o.MaxDrift ?? MaxDrift,
        o.Dead ?? Dead,
        o.Soft404 ?? Soft404,
        o.Media ?? Media,
        o.MaxDeadLinks ?? MaxDeadLinks,
        o.MaxDeadLinkRatio ?? MaxDeadLinkRatio);
}

/// <summary>Per-seed changes to the policy: for seeds whose id matches <paramref name="Id"/> (a glob) and whose URL starts with <paramref name="Url"/>.</summary>
public sealed record PolicyOverride(
    string? Id = null,
    string? Url = null,
    ChangeThreshold? Changed = null,
    double? MaxDrift = null,
    bool? Dead = null,
    bool? Soft404 = null,
    IReadOnlySet<MediaStatus>? Media = null,
    int? MaxDeadLinks = null,
    double? MaxDeadLinkRatio = null)
{
    public bool AppliesTo(SeedOutcome seed) =>
        (Id is null || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Id, seed.Id, ignoreCase: false)) && (Url is null || (seed.SourceUrl?.StartsWith(Url, StringComparison.Ordinal) ?? false));
}

/// <summary>The policy for a run: the base and the overrides that apply per seed, in order.</summary>
public sealed record PolicySet(Policy Base, IReadOnlyList<PolicyOverride> Overrides)
{
    public static PolicySet Default { get; } = new(Policy.Default, []);

    public Policy For(SeedOutcome seed) => Overrides.Where(o => o.AppliesTo(seed)).Aggregate(Base, (policy, o) => policy.With(o));
}
