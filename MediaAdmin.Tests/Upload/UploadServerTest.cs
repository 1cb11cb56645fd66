using MediaAdmin.Core.Ingest;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Upload;

/// <summary>The real console on Kestrel with a recording pipeline behind /upload and a 16 MiB upload limit.</summary>
public abstract class UploadServerTest : IAsyncLifetime
{
    public const long MaxUploadBytes = 16 * 1024 * 1024;

    protected TempFolder Folder { get; } = new();

    protected ConsoleServer Server { get; private set; } = null!;

    protected RecordingIngestPipeline Pipeline { get; } = new();

    protected string UploadsFolder => Path.Combine(Folder.Path, "uploads");

    public async Task InitializeAsync() => Server = await StartServerAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }

    protected Task<ConsoleServer> StartServerAsync() => ConsoleServer.StartAsync(
        Folder.Path,
        new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        builder => builder.Services.AddSingleton<IIngestPipeline>(Pipeline));

    protected async Task RestartServerAsync(Action? whileStopped = null)
    {
        await Server.DisposeAsync();
        whileStopped?.Invoke();
        Server = await StartServerAsync();
    }

    protected string[] FilesLeftInUploads() =>
        Directory.Exists(UploadsFolder) ? Directory.GetFiles(UploadsFolder).Select(path => Path.GetFileName(path)).ToArray() : [];
}
