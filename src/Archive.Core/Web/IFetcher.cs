namespace Archive.Web;

/// <summary>
/// The one way the tool reaches the network: the capture, the media and the link stages all fetch through it.
/// <see cref="HttpFetcher"/> is the real one (maps, caps, address policy, retries); a test can put a fake at this
/// edge and keep every stage behind it real.
/// </summary>
public interface IFetcher
{
    FetchOptions Options { get; }

    /// <summary>The run's clock: the stages that date what they fetch read it here.</summary>
    TimeProvider Time { get; }

    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
