using System.Net;
using System.Net.Sockets;

namespace Archive.Web;

/// <summary>Resolves host names for the fetcher, answering what the standards settle without asking a DNS server.</summary>
internal static class HostResolver
{
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        // RFC 6761: names under .invalid never resolve, so no query is sent for them.
        var name = host.TrimEnd('.');
        if (name.Equals("invalid", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
    }
}
