using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// A throwaway MariaDB server (Debian's <c>mariadb-server</c>) for Azurite's SQL metadata store: a fresh data folder
/// made by <c>mariadb-install-db</c> inside <paramref name="folder"/>, listening on 127.0.0.1 at a free port only,
/// root without a password, one empty database. Killed and removed on dispose, or when the benchmark process ends first.
/// </summary>
internal sealed class MariaDbProcess(string folder) : IAsyncDisposable
{
    public const string Server = "/usr/sbin/mariadbd";
    public const string Database = "azurite_blob";

    private const string InstallDb = "/usr/bin/mariadb-install-db";
    private const string Client = "/usr/bin/mariadb";

    /// <summary>
    /// Runs the server until this process closes the script's input, which the kernel also does when this process
    /// dies however it ends (a signal, a crash, SIGKILL), then kills it and removes its folder, data and all.
    /// </summary>
    private const string Watchdog = "folder=$1; shift; \"$@\" & server=$!; cat > /dev/null; kill -9 $server; wait $server; rm -rf \"$folder\"";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly string _dataFolder = Path.Combine(folder, "data");
    private readonly string _errorLog = Path.Combine(folder, "error.log");
    private Process? _watchdog;

    public int Port { get; } = LoopbackPorts.Next();

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

        // Its data is thrown away at the end, so a commit need not reach the disk (Azurite commits once per blob written
        // or removed, two disk syncs each): like the azurite kind's in-memory store, which syncs nothing either.
        _watchdog = Start("/bin/sh", [
            "-c", Watchdog, "mariadb-watchdog", folder,
            Server, "--no-defaults", $"--datadir={_dataFolder}", $"--socket={Path.Combine(folder, "mariadb.sock")}",
            $"--pid-file={Path.Combine(folder, "mariadb.pid")}", $"--log-error={_errorLog}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--bind-address=127.0.0.1", "--skip-networking=0", $"--user={user}",
            "--innodb-flush-log-at-trx-commit=2"]);

        var giveUpAt = DateTime.UtcNow + StartDeadline;
        while (!await TryCreateDatabaseAsync())
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new InvalidOperationException($"MariaDB did not take connections on 127.0.0.1:{Port} within {StartDeadline}: {ErrorLogTail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Has the watchdog kill the server (its data is thrown away, so it need not shut down cleanly) and remove its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_watchdog is not null)
        {
            _watchdog.StandardInput.Close();
            await _watchdog.WaitForExitAsync();
            _watchdog.Dispose();
            _watchdog = null;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<bool> TryCreateDatabaseAsync()
    {
        using var client = Start(Client, [
            "--no-defaults", "--host=127.0.0.1", $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--user=root",
            $"--execute=CREATE DATABASE IF NOT EXISTS {Database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"]);
        await client.WaitForExitAsync();
        return client.ExitCode == 0;
    }

    private static async Task RunToEndAsync(string program, IEnumerable<string> arguments)
    {
        using var process = Start(program, arguments);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
        }
    }

    /// <summary>Starts <paramref name="program"/> with its input open, its standard output thrown away and its errors kept for a failure's message.</summary>
    private static Process Start(string program, IEnumerable<string> arguments)
    {
        var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{program} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private string ErrorLogTail() =>
        File.Exists(_errorLog) ? string.Join(Environment.NewLine, File.ReadLines(_errorLog).TakeLast(10)) : "(no error log)";
}
