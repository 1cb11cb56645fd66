using MediaAdmin.Tests.Components.Cdn;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Browser;

/// <summary>One console with Provider=Http on a <see cref="StandInEdge"/>, and one headless Chromium, shared by a class's tests.</summary>
public sealed class CdnRefreshBrowserFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public BrowserFixture Browser { get; } = new();

    public StandInEdge Edge { get; } = new();

    public ConsoleServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        Server = await ConsoleServer.StartAsync(_folder.Path, StandInEdge.Settings(), builder => Edge.Register(builder.Services));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Browser.DisposeAsync();
        _folder.Dispose();
    }
}
