using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// A throwaway MariaDB server (Debian's <c>mariadb-server</c>) for Azurite's SQL metadata store: a fresh data folder
/// made by <c>mariadb-install-db</c> inside <paramref name="folder"/>, listening on 127.0.0.1 at a free port only,
/// root without a password, one empty database. Stopped and removed on dispose, or killed and removed if the process exits first.
/// </summary>
internal sealed class MariaDbProcess(string folder) : IAsyncDisposable
{
    public const string Server = "/usr/sbin/mariadbd";
    public const string Database = "azurite_blob";

    private const string InstallDb = "/usr/bin/mariadb-install-db";
    private const string Client = "/usr/bin/mariadb";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly string _dataFolder = Path.Combine(folder, "data");
    private readonly string _errorLog = Path.Combine(folder, "error.log");
    private Process? _process;

    public int Port { get; } = FreePort();

    /// <summary>Azurite's <c>AZURITE_DB</c> for this server's database.</summary>
    public string AzuriteDb => $"mysql://root@127.0.0.1:{Port}/{Database}";

    /// <summary>Whether the server binary is installed; without it the reason names the package to install.</summary>
    public static bool IsInstalled => File.Exists(Server) && File.Exists(InstallDb) && File.Exists(Client);

    /// <summary>Makes the data folder, starts the server, waits until it takes a connection and creates <see cref="Database"/>.</summary>
    public async Task StartAsync()
    {
        var user = Environment.UserName;
        Directory.CreateDirectory(folder);
        await RunToEndAsync(InstallDb, ["--no-defaults", $"--datadir={_dataFolder}", $"--user={user}", "--auth-root-authentication-method=normal", "--skip-test-db"]);

        // Its data is thrown away at the end, so a commit need not reach the disk (Azurite makes two per blob written or
        // removed): like the azurite kind's in-memory store, which syncs nothing either.
        _process = Process.Start(new ProcessStartInfo(Server, [
            "--no-defaults", $"--datadir={_dataFolder}", $"--socket={Path.Combine(folder, "mariadb.sock")}",
            $"--pid-file={Path.Combine(folder, "mariadb.pid")}", $"--log-error={_errorLog}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--bind-address=127.0.0.1", "--skip-networking=0", $"--user={user}",
            "--innodb-flush-log-at-trx-commit=2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{Server} did not start");
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();

        var giveUpAt = DateTime.UtcNow + StartDeadline;
        while (!await TryCreateDatabaseAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > giveUpAt)
            {
                throw new InvalidOperationException($"MariaDB did not take connections on 127.0.0.1:{Port} within {StartDeadline} (exited: {_process.HasExited}): {ErrorLogTail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Asks the server to shut down (killing it if it does not within 30 seconds) and removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
                await terminate.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _process = null;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<bool> TryCreateDatabaseAsync()
    {
        using var client = Process.Start(new ProcessStartInfo(Client, [
            "--no-defaults", "--host=127.0.0.1", $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--user=root",
            $"--execute=CREATE DATABASE IF NOT EXISTS {Database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{Client} did not start");
        _ = client.StandardOutput.ReadToEndAsync();
        _ = client.StandardError.ReadToEndAsync();
        await client.WaitForExitAsync();
        return client.ExitCode == 0;
    }

    private static async Task RunToEndAsync(string program, IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {await output}{await errors}");
        }
    }

    private string ErrorLogTail() =>
        File.Exists(_errorLog) ? string.Join(Environment.NewLine, File.ReadLines(_errorLog).TakeLast(10)) : "(no error log)";

    /// <summary>
    /// A SIGTERM or Ctrl+C before the benchmark's hosts start ends the process without the disposal (once they run,
    /// their console lifetime takes those signals and the run fails into the disposal instead): the server must not
    /// outlive it, nor its data stay behind.
    /// </summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
