using MediaAdmin.Core.Ingest;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Upload;

/// <summary>One console with a recording pipeline behind /upload and one headless Chromium, shared by a browser test class.</summary>
public sealed class UploadBrowserFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public BrowserFixture Browser { get; } = new();

    public ConsoleServer Server { get; private set; } = null!;

    public RecordingIngestPipeline Pipeline { get; } = new();

    public string UploadsFolder => Path.Combine(_folder.Path, "uploads");

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        Server = await ConsoleServer.StartAsync(_folder.Path, configure: builder => builder.Services.AddSingleton<IIngestPipeline>(Pipeline));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Browser.DisposeAsync();
        _folder.Dispose();
    }
}
