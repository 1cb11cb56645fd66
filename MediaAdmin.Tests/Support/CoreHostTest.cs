namespace MediaAdmin.Tests.Support;

/// <summary>A test class with Core on a fresh SQLite file and storage folder of its own, stopped afterwards.</summary>
public abstract class CoreHostTest : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected CoreHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CoreHost.StartAsync(Folder.Path);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>A test class with the real console on Kestrel at 127.0.0.1, on a fresh data folder, stopped afterwards.</summary>
public abstract class ConsoleServerTest : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected ConsoleServer Server { get; private set; } = null!;

    /// <summary>Settings this class's server starts with, beside the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => Server = await ConsoleServer.StartAsync(Folder.Path, Settings);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
