using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// A real redis-server (Debian's) on 127.0.0.1 at a free port, with no persistence, in a temp folder; a test
/// may stop it and start it again on the same port to play an outage. Stopped and removed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string ServerPath = "/usr/bin/redis-server";

    private readonly TempFolder _folder = new();
    private Process? _process;

    public int Port { get; } = LoopbackPorts.Next();

    /// <summary>The Notifications:Redis setting that reaches this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException($"{ServerPath} is missing: run 'bash scripts/test.sh', which installs it (apt-get install redis-server).");
        }

        var start = new ProcessStartInfo(ServerPath)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder.Path })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer PING (exited: {_process.HasExited}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server, as a crash or a network cut would look to its clients.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>How many clients are subscribed to <paramref name="channel"/> now (PUBSUB NUMSUB).</summary>
    public long SubscribersOf(string channel)
    {
        using var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(Configuration);
        var reply = (StackExchange.Redis.RedisResult[])connection.GetDatabase().Execute("PUBSUB", "NUMSUB", channel)!;
        return (long)reply[1];
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _folder.Dispose();
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
