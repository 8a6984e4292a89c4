namespace Archive.Verdict;

/// <summary>
/// Judges a seed against its accepted state, as snapshot testing does: drift the accepted result already had
/// (compared by <see cref="Breach.Key"/>, not by wording or scores) no longer fails; anything new still does.
/// </summary>
public static class Acceptance
{
    public static (IReadOnlyList<Breach> Breaches, bool Unchanged, IReadOnlyList<string> Changes) Judge(SeedOutcome current, SeedOutcome accepted, Policy policy)
    {
        var then = Policy.Everything.Breaches(accepted).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var now = Policy.Everything.Breaches(current);
        var nowKeys = now.Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        var changes = now.Where(b => !then.Contains(b.Key)).Select(b => b.Message).ToList();
        if (then.Except(nowKeys).Any())
        {
            changes.Add("drift accepted earlier is gone (the page changed again)");
        }

        var breaches = policy.Breaches(current).Where(b => !then.Contains(b.Key)).ToList();
        return (breaches, changes.Count == 0, changes);
    }
}
