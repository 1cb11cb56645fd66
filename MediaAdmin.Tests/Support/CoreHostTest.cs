namespace MediaAdmin.Tests.Support;

/// <summary>A test class with Core on a fresh SQLite file and storage folder of its own, stopped afterwards.</summary>
public abstract class CoreHostTest : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected CoreHost App { get; private set; } = null!;

    /// <summary>Settings the host starts with on top of the test defaults (e.g. another library source); none by default.</summary>
    protected virtual IDictionary<string, string?>? HostSettings => null;

    public async Task InitializeAsync() => App = await CoreHost.StartAsync(Folder.Path, settings: HostSettings);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Folder.Dispose();
    }
}
