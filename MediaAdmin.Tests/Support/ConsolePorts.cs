using System.Net;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// The two ports a <see cref="ConsoleServer"/> listens on, chosen before it starts, so a server whose settings
/// name another server's address (and the other way round) can be configured before either starts.
/// </summary>
public sealed record ConsolePorts(int Console, int Api)
{
    public Uri BaseAddress => new($"http://127.0.0.1:{Console}");

    /// <summary>The VOD RPC API's own listener.</summary>
    public Uri ApiAddress => new($"http://127.0.0.1:{Api}");

    /// <summary>Two ports free on 127.0.0.1 now; the OS does not hand them out again at once.</summary>
    public static ConsolePorts Free() => new(FreePort(), FreePort());

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
