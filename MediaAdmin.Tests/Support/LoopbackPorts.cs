using System.Net;
using System.Net.Sockets;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// Ports for the servers tests and benchmarks start on 127.0.0.1, handed out once each per process. They come from below the
/// kernel's ephemeral range: a port taken with bind(0) and released is soon handed to an outgoing connection or
/// another bind(0), and a server started on it then fails with "address already in use" (CI saw exactly that).
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 20000;
    private static readonly int Highest = EphemeralRangeStart() - 1;
    private static int _last = Lowest + Random.Shared.Next(Highest - Lowest);

    /// <summary>A port nothing listens on now, which the kernel never picks for a connection and no other caller in this process gets.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt <= Highest - Lowest; attempt++)
        {
            var port = Lowest + ((Interlocked.Increment(ref _last) - Lowest) % (Highest - Lowest + 1));
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port on 127.0.0.1 between {Lowest} and {Highest}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var fields = File.Exists(RangeFile) ? File.ReadAllText(RangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        return fields.Length > 0 && int.TryParse(fields[0], out var start) && start > Lowest + 1000 ? start : 32768;
    }
}
