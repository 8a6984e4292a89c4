using Archive.Report;
using Archive.Verdict;
using Archive.Web;

namespace Archive.Notify;

/// <summary>What became of one target's message.</summary>
/// <param name="Target">The target as it may be shown (<see cref="NotifyTarget.Display"/>).</param>
/// <param name="Sent">Whether a message was due (something to tell, or <see cref="NotifyOn.Always"/>).</param>
/// <param name="Problem">Why a due message was not delivered; null when it was, or when none was due.</param>
public sealed record Delivery(string Target, bool Sent, string? Format, int? Status, int Attempts, string? Problem)
{
    public bool Failed => Problem is not null;
}

/// <summary>
/// Sends each target its message after a run, through the tool's own HTTP client (its time limits, its retries with
/// backoff on 5xx, 429 and resets, its address policy: a private address needs <c>--allow-private</c>). Never
/// throws: a message that is not delivered is a <see cref="Delivery"/> with a problem, and the run's verdict stands.
/// </summary>
public static class Notifier
{
    private const long MaxAnswerBytes = 64 * 1024;

    public static async Task<IReadOnlyList<Delivery>> SendAsync(RunReport run, ExitCode exit, IReadOnlyList<NotifyTarget> targets, Uri? reportUrl, IFetcher fetcher, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        foreach (var target in targets)
        {
            if (Notification.For(run, exit, target.On, reportUrl) is not { } notification)
            {
                deliveries.Add(new Delivery(target.Display, false, null, null, 0, null));
                continue;
            }

            Uri url;
            INotifyFormat format;
            try
            {
                url = target.Resolve(environment);
                format = NotifyFormats.For(target, url);
            }
            catch (FormatException e)
            {
                deliveries.Add(new Delivery(target.Display, true, target.Format, null, 0, e.Message));
                continue;
            }

            var response = await fetcher.FetchAsync(
                new FetchRequest(url, "POST", new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8" }, format.Body(notification), FollowRedirects: false, MaxBodyBytes: MaxAnswerBytes),
                cancellationToken).ConfigureAwait(false);
            var problem = response.Failure is { } failure ? Redact(failure.Message, url, target)
                : response.Status is >= 200 and < 300 ? null
                : $"the webhook answered {HttpStatusText.Describe(response.Status!.Value)}";
            deliveries.Add(new Delivery(target.Display, true, format.Name, response.Status, response.Attempts, problem));
        }

        return deliveries;
    }

    /// <summary>A failure's words without the URL's secret parts (its path and query).</summary>
    private static string Redact(string message, Uri url, NotifyTarget target) =>
        message.Replace(url.AbsoluteUri, target.Display, StringComparison.Ordinal).Replace(url.PathAndQuery, "/…", StringComparison.Ordinal);
}
