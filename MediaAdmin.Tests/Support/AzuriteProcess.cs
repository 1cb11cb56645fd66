using System.Diagnostics;
using System.Globalization;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// An Azurite blob service process on 127.0.0.1 at a free port, installed from npm into a folder beside the running
/// binaries when missing. No test framework in here: the benchmarks link this file too. Without a
/// <paramref name="location"/> nothing goes to disk: Azurite otherwise rewrites its whole metadata file every few
/// seconds, which at tens of thousands of blobs takes most of its time; such data is lost on a stop.
/// <paramref name="environment"/> is added to Azurite's own: <c>AZURITE_DB</c> there moves its blob metadata into a SQL
/// database, and then Azurite refuses in-memory persistence, so it needs a <paramref name="location"/> for the content.
/// </summary>
internal sealed class AzuriteProcess(string? location, IReadOnlyDictionary<string, string>? environment = null)
{
    public const string Version = "3.37.0";

    /// <summary>Azurite's well-known development account; its key is public.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly SemaphoreSlim Install = new(1, 1);

    private Process? _process;

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "azurite");

    private static string Script => Path.Combine(Folder, "node_modules", "azurite", "dist", "src", "blob", "main.js");

    public int Port { get; } = LoopbackPorts.Next();

    /// <summary>The running server's process ID; null before it starts and once stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Installs Azurite when missing, starts it on <see cref="Port"/> unless it runs (keeping what an earlier start stored), and waits until it answers.</summary>
    public async Task StartAsync()
    {
        await InstallAsync();
        if (_process is { HasExited: false })
        {
            return;
        }

        _process?.Dispose();
        _process = StartProcess("node", [
            Script, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(CultureInfo.InvariantCulture),
            .. (location is null ? ["--inMemoryPersistence"] : new[] { "--location", location }),
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry"], environment);
        var output = _process.StandardOutput.ReadToEndAsync();
        var errors = _process.StandardError.ReadToEndAsync();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited at start-up: {await output}{await errors}");
            }

            try
            {
                // Any answer will do (an unsigned request is refused with 403): the service is listening.
                using var response = await probe.GetAsync(new Uri($"http://127.0.0.1:{Port}/devstoreaccount1?comp=list"));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Stops Azurite, asking first (it saves its metadata on the way out, so what it stored stays for a later
    /// <see cref="StartAsync"/>), then killing it and the processes it started if it does not go.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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

    private static async Task InstallAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Script))
            {
                return;
            }

            Directory.CreateDirectory(Folder);
            using var npm = StartProcess("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", ".", $"azurite@{Version}"]);
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await npm.WaitForExitAsync(timeout.Token);
            if (npm.ExitCode != 0 || !File.Exists(Script))
            {
                throw new InvalidOperationException($"npm install of azurite@{Version} failed (exit {npm.ExitCode}): {await output}{await errors}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static Process StartProcess(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
    }
}
