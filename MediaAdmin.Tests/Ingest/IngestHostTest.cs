using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Ingest;

/// <summary>A test class with the real pipeline on a fresh folder of its own, and a folder to make source clips in.</summary>
public abstract class IngestHostTest : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected TempFolder Sources { get; } = new();

    internal IngestTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await IngestTestHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
        Sources.Dispose();
    }
}
