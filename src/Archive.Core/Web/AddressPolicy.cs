using System.Net;
using System.Net.Sockets;

namespace Archive.Web;

/// <summary>
/// Keeps untrusted seeds and pages from reaching the machine's own network (SSRF): loopback, private, link-local,
/// unique-local, carrier-grade NAT, multicast and unspecified addresses are refused unless the user allowed them,
/// either wholesale (<c>--allow-private</c>) or by mapping a URL there with <c>--map</c>.
/// The check is made on the addresses a host name resolves to, at connect time, so DNS rebinding cannot dodge it.
/// </summary>
public static class AddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }

    public static string Describe(IPAddress address) => IPAddress.IsLoopback(address) ? "a loopback address" : "a private or reserved address";
}
