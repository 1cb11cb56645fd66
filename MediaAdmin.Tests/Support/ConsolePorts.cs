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

    /// <summary>Two ports free on 127.0.0.1 that no other server in this test run gets.</summary>
    public static ConsolePorts Free() => new(LoopbackPorts.Next(), LoopbackPorts.Next());
}
