using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// A real Varnish (Debian's varnishd) on a free loopback port running the VCL MediaAdmin ships
/// (scripts/varnish/mediaadmin.vcl), as a child process stopped on dispose. Share one per test class
/// (IClassFixture) and point it at each test's console with <see cref="UseOriginAsync"/>.
/// </summary>
public sealed class VarnishEdge : IAsyncLifetime
{
    private const string Varnishd = "/usr/sbin/varnishd";
    private const UnixFileMode ReadableFolder = (UnixFileMode)0b111_101_101;
    private const UnixFileMode ReadableFile = (UnixFileMode)0b110_100_100;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mediaadmin-varnish-" + Guid.NewGuid().ToString("N"));
    private Process? _varnishd;
    private int _vclVersion;

    /// <summary>The edge's address: <c>Cdn:BaseUrl</c> is this plus /cdn, and <c>Cdn:Purge:Http:EdgeUrl</c> is this.</summary>
    public Uri Address { get; private set; } = null!;

    private string WorkFolder => Path.Combine(_folder, "work");

    public static string ShippedVcl { get; } = FindShippedVcl();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkFolder);
        ReadableByOthers(_folder, ReadableFolder);
        ReadableByOthers(WorkFolder, ReadableFolder);
        var port = LoopbackPorts.Next();
        Address = new Uri($"http://127.0.0.1:{port}");

        // Until a test names its console, the backend is a port nothing listens on.
        var vcl = WriteVcl(new Uri($"http://127.0.0.1:{LoopbackPorts.Next()}"));
        _varnishd = Process.Start(new ProcessStartInfo(Varnishd)
        {
            ArgumentList =
            {
                "-F", "-a", $"127.0.0.1:{port}", "-f", vcl, "-n", WorkFolder, "-s", "malloc,32m",
                "-p", "thread_pools=1", "-p", "thread_pool_min=5", "-p", "thread_pool_max=50", "-p", "ban_lurker_sleep=0.1",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("varnishd did not start");
        _varnishd.OutputDataReceived += (_, _) => { };
        _varnishd.ErrorDataReceived += (_, _) => { };
        _varnishd.BeginOutputReadLine();
        _varnishd.BeginErrorReadLine();
        await WaitUntilListeningAsync(port);
    }

    /// <summary>Loads the shipped VCL again with <paramref name="origin"/> as its backend and switches to it.</summary>
    public async Task UseOriginAsync(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var vcl = WriteVcl(origin);
        var name = $"origin{_vclVersion}";
        await VarnishAdmAsync("vcl.load", name, vcl);
        await VarnishAdmAsync("vcl.use", name);
    }

    public async Task DisposeAsync()
    {
        if (_varnishd is { HasExited: false })
        {
            _varnishd.Kill(entireProcessTree: true);
            await _varnishd.WaitForExitAsync();
        }

        _varnishd?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file varnishd's child still held; the temp folder is cleaned by the OS.
        }
    }

    private string WriteVcl(Uri origin)
    {
        var path = Path.Combine(_folder, $"mediaadmin-{++_vclVersion}.vcl");
        var vcl = File.ReadAllText(ShippedVcl)
            .Replace(".host = \"127.0.0.1\";", $".host = \"{origin.Host}\";", StringComparison.Ordinal)
            .Replace(".port = \"5080\";", $".port = \"{origin.Port}\";", StringComparison.Ordinal);
        File.WriteAllText(path, vcl);
        ReadableByOthers(path, ReadableFile);
        return path;
    }

    /// <summary>varnishd's worker drops root for its own user, which must still read the VCL and the work folder.</summary>
    private static void ReadableByOthers(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private async Task VarnishAdmAsync(params string[] command)
    {
        var start = new ProcessStartInfo("varnishadm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", WorkFolder }.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        using var admin = Process.Start(start) ?? throw new InvalidOperationException("varnishadm did not start");
        var output = await admin.StandardOutput.ReadToEndAsync() + await admin.StandardError.ReadToEndAsync();
        await admin.WaitForExitAsync();
        Assert.True(admin.ExitCode == 0, $"varnishadm {string.Join(' ', command)} failed: {output}");
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(_varnishd!.HasExited, "varnishd exited at start-up; is the VCL valid?");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindShippedVcl()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "varnish", "mediaadmin.vcl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scripts/varnish/mediaadmin.vcl was not found above the test output folder.");
    }
}
