using System.Net;
using System.Net.Sockets;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// A loopback port that forwards to another while up and refuses connections while down: an edge that
/// goes away and comes back at the same address, for the purge-while-the-edge-is-down tests.
/// </summary>
public sealed class TcpRelay(int targetPort) : IAsyncDisposable
{
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public int Port { get; } = LoopbackPorts.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _stop = new CancellationTokenSource();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Stops listening and cuts every open connection, as an edge that went down does.</summary>
    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        await _accepting!;
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }

        _stop.Dispose();
        _listener = null;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client, stop);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken stop)
    {
        var upstream = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort, stop);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, stop), up.CopyToAsync(down, stop));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The relay went down or a side hung up: the connection ends as a real one would.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
