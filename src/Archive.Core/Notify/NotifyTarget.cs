using System.Text.RegularExpressions;

namespace Archive.Notify;

/// <summary>When a target hears about a run.</summary>
public enum NotifyOn
{
    /// <summary>When some seed has new drift: breaches not in its previous result nor in its accepted state.</summary>
    New,

    /// <summary>When some seed breaks the policy, new or not.</summary>
    Any,

    /// <summary>After every run.</summary>
    Always,
}

/// <summary>
/// Where to send a message after a run (<c>--notify URL</c>, or archive.json's <c>notify</c>), in which shape, and
/// when. The URL is a secret (a webhook's URL is its password): it is read from the environment when written as
/// <c>${NAME}</c>, and only ever shown as <see cref="Display"/>.
/// </summary>
/// <param name="Format">The message's shape, by name (json, slack, discord, teams); null: from the URL's host.</param>
public sealed partial record NotifyTarget(string Url, string? Format = null, NotifyOn On = NotifyOn.New)
{
    /// <summary>The URL with <c>${NAME}</c> replaced by the environment's value.</summary>
    /// <exception cref="FormatException">A variable is not set, or the result is no http(s) URL; the message names the variable, never a value.</exception>
    public Uri Resolve(Func<string, string?> environment)
    {
        var text = Variable().Replace(Url, m => environment(m.Groups[1].Value) ?? throw new FormatException($"the environment variable {m.Groups[1].Value} that a notify URL names is not set"));
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"the notify URL {(Variable().IsMatch(Url) ? "made from " + Url : Display)} is not an absolute http(s) URL");
    }

    /// <summary>Why the URL as written can never work (neither an http(s) URL nor one made from the environment); null when it may.</summary>
    public string? Problem => Variable().IsMatch(Url) || (Uri.TryCreate(Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        ? null
        : $"'{Display}' is not an http(s) URL (write ${{NAME}} to read one from the environment)";

    /// <summary>What messages show of the target: scheme and host, never the path or query that hold the secret.</summary>
    public string Display => Variable().IsMatch(Url) ? Url : Uri.TryCreate(Url, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Authority}/…" : "(not a URL)";

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
