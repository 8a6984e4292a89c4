namespace Archive.Web;

/// <summary>HTTP statuses as reasons say them.</summary>
public static class HttpStatusText
{
    public static string Describe(int status) => status switch
    {
        404 => "404 Not Found",
        410 => "410 Gone",
        >= 500 => $"HTTP {status} after retries",
        _ => $"HTTP {status}",
    };
}
