using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>A test whose library is an ApsaraVideo VOD account played by a fresh stand-in; the host on top is the subclass's.</summary>
public abstract class RemoteLibraryTest : IAsyncLifetime
{
    protected RemoteLibraryTest() => Library = new VodLibraryFake(Vod);

    protected TempFolder Folder { get; } = new();

    protected VodStandIn Vod { get; } = new();

    protected VodLibraryFake Library { get; }

    protected IDictionary<string, string?> Settings => RemoteSource.Settings(Vod);

    async Task IAsyncLifetime.InitializeAsync() => await StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StopAsync();
        Vod.Dispose();
        Folder.Dispose();
    }

    protected abstract Task StartAsync();

    protected abstract Task StopAsync();
}
