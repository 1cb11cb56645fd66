namespace MediaAdmin.Tests.Support;

/// <summary>
/// One real console on Kestrel and one headless Chromium, shared by every test of a class: each test signs
/// in users of its own and looks only at assets it made, so no test needs a fresh server.
/// </summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public BrowserFixture Browser { get; } = new();

    private ConsoleServer? _server;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("The console did not start.");

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        _server = await ConsoleServer.StartAsync(_folder.Path);
    }

    /// <summary>xunit calls this after a failed start too (Chromium missing, say): only what started is stopped, and the folder always goes.</summary>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Browser.DisposeAsync();
        _folder.Dispose();
    }
}
