namespace MediaAdmin.Tests.Support;

/// <summary>
/// One real console on Kestrel and one headless Chromium, shared by every test of a class: each test signs
/// in users of its own and looks only at assets it made, so no test needs a fresh server.
/// </summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public BrowserFixture Browser { get; } = new();

    public ConsoleServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        Server = await ConsoleServer.StartAsync(_folder.Path);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Browser.DisposeAsync();
        _folder.Dispose();
    }
}
